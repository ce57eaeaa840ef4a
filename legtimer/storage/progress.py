"""What the training log says for today: each rep exercise's target and each exercise's load.

The bridge between the SQLite log and the pure progression rule: it reads last sessions as
``(target reps, reps done)`` pairs and hands them to :func:`legtimer.core.targets.todays_targets`.
A log that does not exist yet is the first time; one that cannot be read gives None, and the
plan then paces the top of each range as it did before there was a log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from legtimer.core.harder import MovingUp
from legtimer.core.progression import SetResult, Target
from legtimer.core.routine import Routine
from legtimer.core.targets import rep_exercises, todays_targets

if TYPE_CHECKING:  # the SQLite side loads only when there is a log to read (`check` stays fast)
    from legtimer.storage.trainlog import TrainingLog


def last_sessions(
    log: TrainingLog, names: Iterable[str], exclude_workout: int | None = None
) -> dict[str, list[SetResult]]:
    """(target reps, reps done) of each set of every named exercise's last session."""
    return {
        name: [
            (record.target_reps, record.reps)
            for record in log.last_session_sets(name, exclude_workout)
        ]
        for name in names
    }


def targets_from_log(
    routine: Routine, db_path: Path, exclude_workout: int | None = None
) -> dict[str, Target] | None:
    """Today's targets for ``routine``, or None when the log cannot be read.

    Args:
        routine: the routine about to run (or be planned).
        db_path: the training log; it is not created when missing.
        exclude_workout: a workout to leave out (the interrupted one a resume continues).
    """
    return targets_for_each([routine], db_path, exclude_workout)[0]


def targets_for_each(
    routines: Sequence[Routine], db_path: Path, exclude_workout: int | None = None
) -> list[dict[str, Target] | None]:
    """:func:`targets_from_log` for each routine, the log opened once (`legtimer list`)."""
    if not db_path.exists():
        return [todays_targets(routine, {}) for routine in routines]
    from legtimer.storage.trainlog import LogUnavailable, TrainingLog

    try:
        with TrainingLog.open(db_path) as log:
            lasts = [
                last_sessions(log, rep_exercises(routine), exclude_workout) for routine in routines
            ]
    except LogUnavailable:
        return [None] * len(routines)
    return [todays_targets(routine, last) for routine, last in zip(routines, lasts, strict=True)]


def moving_up_from_log(db_path: Path) -> MovingUp:
    """Promotions and recent no's to the harder variants (none when there is no log yet, or
    it cannot be read: then nothing is offered and every slot runs as the file says)."""
    if not db_path.exists():
        return MovingUp()
    from legtimer.storage.trainlog import LogUnavailable, TrainingLog

    try:
        with TrainingLog.open(db_path) as log:
            return log.moving_up()
    except LogUnavailable:
        return MovingUp()


def todays_loads(log: TrainingLog, routine: Routine) -> dict[str, str]:
    """Each exercise's load today: the one set last time, else what the routine says."""
    out: dict[str, str] = {}
    for exercise in routine.all_exercises():
        if exercise.name in out:
            continue
        load = log.last_load(exercise.name) or exercise.load
        if load:
            out[exercise.name] = load
    return out


def loads_from_log(routine: Routine, db_path: Path) -> dict[str, str]:
    """:func:`todays_loads` from the log at ``db_path``; the routine's own if it is unreadable."""
    if db_path.exists():
        from legtimer.storage.trainlog import LogUnavailable, TrainingLog

        try:
            with TrainingLog.open(db_path) as log:
                return todays_loads(log, routine)
        except LogUnavailable:
            pass
    exercises = routine.all_exercises()
    return {exercise.name: exercise.load for exercise in reversed(exercises) if exercise.load}
