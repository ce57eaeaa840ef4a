"""What a session reports: things that happened, in past tense, each with its scheduled time.

``at`` is the moment on the session's clock when the event was due. A consumer that is late
(a tick after a long stall) can compare it with now and choose not to beep for old news.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from legtimer.core.plan import Plan, Step


class Outcome(Enum):
    """How a step was left."""

    COMPLETED = "completed"
    SKIPPED = "skipped"
    CAPPED = "capped"
    """An AMRAP's cap cut the set short: neither done nor skipped (the score counts it)."""


class StepStarted(NamedTuple):
    """A step began: by time running out, or by skip, back or done."""

    step: Step
    at: float


class StepEnded(NamedTuple):
    """A step was left, completed or skipped; ``seconds`` were spent in it (pauses excluded).

    Going back leaves a step with no outcome and reports nothing: it will be done again.
    """

    step: Step
    outcome: Outcome
    at: float
    seconds: float
    pass_no: int = 0
    """In an AMRAP, which pass of its circuit (1-based) this set was in; else 0."""


class CountdownTicked(NamedTuple):
    """One of the last whole seconds of a timed step (3, 2, 1 by default)."""

    step: Step
    seconds_left: int
    at: float


class HalfwayReached(NamedTuple):
    """Half of a timed step has gone."""

    step: Step
    at: float


class RepBeat(NamedTuple):
    """A paced rep set reached the start of rep ``rep`` (2 onwards; rep 1 is the step start)."""

    step: Step
    rep: int
    at: float


class RoundStartedLate(NamedTuple):
    """An EMOM round began after its boundary because the previous round's work overran."""

    step: Step
    late_by: float
    at: float


class RestRanOut(NamedTuple):
    """A rest-until-ready rest reached its length: it sounds, then waits for the person."""

    step: Step
    at: float


class RestExtended(NamedTuple):
    """The person ended a rest-until-ready rest ``extra`` seconds after it ran out."""

    step: Step
    extra: float
    at: float


class AmrapScore(NamedTuple):
    """An AMRAP's result: full rounds, plus exercises done into the next one."""

    block: str
    round: int
    """Which AMRAP of the block (1-based), when ``rounds`` asks for several."""
    rounds_done: int
    extra_exercises: int = 0

    def __str__(self) -> str:
        rounds = "round" if self.rounds_done == 1 else "rounds"
        return f"{self.rounds_done} {rounds} + {self.extra_exercises}"


class CapReached(NamedTuple):
    """An AMRAP's time cap: the work ends wherever the person is, and this is the score."""

    step: Step
    score: AmrapScore
    at: float


class PlanChanged(NamedTuple):
    """Today's choices changed what comes after the current step (``v``, yes to the harder
    variant, other equipment): ``plan`` runs from here on, ``step`` is the current one in it."""

    plan: Plan
    step: Step
    at: float


class HarderAnswered(NamedTuple):
    """The person answered "try the harder variant?" for ``slot`` (kept in the training log)."""

    slot: str
    harder: str
    accepted: bool
    at: float


class MovedDown(NamedTuple):
    """The person went back from ``variant`` (their exercise in ``slot`` since a yes) to the
    slot's own exercise for good (kept in the training log)."""

    slot: str
    variant: str
    at: float


class WorkoutFinished(NamedTuple):
    """The last step ended."""

    at: float


Event = (
    StepStarted
    | StepEnded
    | CountdownTicked
    | HalfwayReached
    | RepBeat
    | RoundStartedLate
    | RestRanOut
    | RestExtended
    | CapReached
    | PlanChanged
    | HarderAnswered
    | MovedDown
    | WorkoutFinished
)
