"""Today's rep target per exercise, from what the training log says of last session.

Pure: the caller reads the log (``legtimer.storage``) and passes each exercise's last-session
sets as plain ``(target reps, reps done)`` pairs; :func:`todays_targets` applies the double
progression rule of :mod:`legtimer.core.progression` to every rep exercise of the routine, and
:func:`legtimer.core.plan.compile_plan` paces the plan at those targets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from legtimer.core.progression import SetResult, Target, at_top, next_target
from legtimer.core.routine import Exercise, Routine

LastSessions = Mapping[str, Sequence[SetResult]]
"""Exercise name -> (target reps, reps done) of each set of the last session that did it."""


def rep_exercises(routine: Routine) -> list[str]:
    """Names of the routine's rep exercises, each once, in order (what to ask the log for)."""
    seen: dict[str, None] = {}
    for exercise in routine.all_exercises():
        if exercise.reps is not None:
            seen.setdefault(exercise.name, None)
    return list(seen)


def progresses(routine: Routine, exercise: Exercise) -> bool:
    """Whether progression applies: a range, and neither the routine nor the exercise said no."""
    return (
        exercise.reps is not None
        and exercise.reps[0] < exercise.reps[1]
        and routine.progression
        and exercise.progression
    )


def todays_targets(routine: Routine, last: LastSessions) -> dict[str, Target]:
    """Today's target for every rep exercise of ``routine``.

    Args:
        routine: the routine about to run.
        last: what the log says of each exercise's last session (missing: never done).

    Returns:
        Exercise name -> its target (fixed counts stay fixed; progression off paces the top).
        An exercise named twice with different ranges gets the first one's target.
    """
    out: dict[str, Target] = {}
    for exercise in routine.all_exercises():
        if exercise.reps is None or exercise.name in out:
            continue
        low, high = exercise.reps
        sets = last.get(exercise.name, ())
        if any(target.own_amount for target in exercise.per_set):
            # Sets with reps of their own (a 3-rep top set) were not worked to the range's
            # target (they are logged without one): only the range's own sets move it.
            sets = [result for result in sets if result[0] is not None]
        out[exercise.name] = next_target(low, high, sets, progresses(routine, exercise))
    return out


def harder_hint(routine: Routine, exercise: Exercise, target: Target) -> str | None:
    """ "All sets at 20: try the harder variant: ...", once every set of last time hit the top."""
    if exercise.reps is None or not progresses(routine, exercise):
        return None
    high = exercise.reps[1]
    if not at_top([(None, done) for done in target.last], high):
        return None
    if exercise.harder:
        return f"All sets at {high}: try the harder variant: {exercise.harder}"
    return f"All sets at {high}: time for more load"
