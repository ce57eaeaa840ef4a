"""The end-of-workout numbers: time worked and rested, sets done and skipped per exercise."""

from __future__ import annotations

from typing import NamedTuple

from legtimer.core.events import AmrapScore, Outcome
from legtimer.core.session import Session


class ExerciseTally(NamedTuple):
    """Sets of one exercise (per section), over every round."""

    name: str
    section: str
    planned: int
    done: int
    skipped: int
    capped: int = 0
    """Sets an AMRAP's cap cut short: neither done nor skipped (its score counts them)."""

    @property
    def not_reached(self) -> int:
        """Sets the workout never got to (it was quit early)."""
        return self.planned - self.done - self.skipped - self.capped


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

    @property
    def sets_capped(self) -> int:
        """Sets cut short by an AMRAP's cap across the workout."""
        return sum(e.capped for e in self.exercises)


def summarize(session: Session) -> Summary:
    """Tally a session: a set is done when every side of it was completed.

    An AMRAP loops over the same steps, so each of its passes counts as sets of its own.
    """
    sets: dict[tuple[str, str, int, int, int], list[Outcome | None]] = {}
    looped: dict[int, list[tuple[int, Outcome]]] = {}
    for index, pass_no, outcome in session.tally.looped:
        looped.setdefault(index, []).append((pass_no, outcome))
    steps = session.plan.steps
    entered = {(steps[i].block_no, steps[i].round_no) for i in looped}
    for step in steps:
        if not step.kind.is_work:
            continue
        key = (step.section.value, step.name, step.round_no, step.set_no)
        if step.in_amrap and (step.block_no, step.round_no) in entered:
            for pass_no, outcome in looped.get(step.plan_index, []):
                sets.setdefault((*key, pass_no), []).append(outcome)
        else:
            sets.setdefault((*key, 0), []).append(session.tally.outcomes.get(step.plan_index))
    order: dict[tuple[str, str], list[int]] = {}
    for (section, name, *_), outcomes in sets.items():
        counts = order.setdefault((section, name), [0, 0, 0, 0])
        counts[0] += 1
        if all(o is Outcome.COMPLETED for o in outcomes):
            counts[1] += 1
        elif any(o is Outcome.SKIPPED for o in outcomes):
            counts[2] += 1
        elif any(o is Outcome.CAPPED for o in outcomes):
            counts[3] += 1
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
    scores = list(session.tally.scores)
    under_way = None if session.finished else session.amrap_score()
    if under_way is not None:
        scores.append(under_way)  # stopped during an AMRAP: its score so far still counts
    return Summary(
        routine=session.plan.routine.name,
        total=session.elapsed(),
        worked=worked,
        rested=rested,
        finished=session.finished and any(t.done for t in tallies),
        exercises=tallies,
        scores=tuple(scores),
    )
