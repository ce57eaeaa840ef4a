"""The end-of-workout numbers: time worked and rested, sets done and skipped per exercise."""

from __future__ import annotations

from typing import NamedTuple

from legtimer.core.events import AmrapScore, Outcome
from legtimer.core.plan import Step
from legtimer.core.session import Session


class ExerciseTally(NamedTuple):
    """Sets of one exercise (per section), over every round."""

    name: str
    section: str
    planned: int
    done: int
    skipped: int

    @property
    def not_reached(self) -> int:
        """Sets the workout never got to (it was quit early)."""
        return self.planned - self.done - self.skipped


class Summary(NamedTuple):
    """What the summary screen and the history show."""

    routine: str
    total: float
    worked: float
    rested: float
    finished: bool
    """Reached the end with at least one set done: skipping through is not finishing."""
    exercises: tuple[ExerciseTally, ...]
    scores: tuple[AmrapScore, ...] = ()
    """Each AMRAP's score, in order."""

    @property
    def sets_done(self) -> int:
        """Sets completed across the workout."""
        return sum(e.done for e in self.exercises)

    @property
    def sets_skipped(self) -> int:
        """Sets skipped across the workout."""
        return sum(e.skipped for e in self.exercises)


def summarize(session: Session) -> Summary:
    """Tally a session: a set is done when every side of it was completed."""
    sets: dict[tuple[str, str, int, int], list[Step]] = {}
    for step in session.plan.steps:
        if step.kind.is_work:
            key = (step.section.value, step.name, step.round_no, step.set_no)
            sets.setdefault(key, []).append(step)
    order: dict[tuple[str, str], list[int]] = {}
    for (section, name, _round, _set), steps in sets.items():
        counts = order.setdefault((section, name), [0, 0, 0])
        outcomes = [session.tally.outcomes.get(step.plan_index) for step in steps]
        counts[0] += 1
        if all(o is Outcome.COMPLETED for o in outcomes):
            counts[1] += 1
        elif any(o is Outcome.SKIPPED for o in outcomes):
            counts[2] += 1
    tallies = tuple(
        ExerciseTally(name, section, *counts) for (section, name), counts in order.items()
    )
    worked, rested = session.tally.worked, session.tally.rested
    if not session.finished:
        # Quit mid-step: the time in the step under way counts too.
        if session.step.kind.is_work:
            worked += session.elapsed_in_step()
        else:
            rested += session.elapsed_in_step()
    return Summary(
        routine=session.plan.routine.name,
        total=session.elapsed(),
        worked=worked,
        rested=rested,
        finished=session.finished and any(t.done for t in tallies),
        exercises=tallies,
        scores=tuple(session.tally.scores),
    )
