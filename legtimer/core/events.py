"""What a session reports: things that happened, in past tense, each with its scheduled time.

``at`` is the moment on the session's clock when the event was due. A consumer that is late
(a tick after a long stall) can compare it with now and choose not to beep for old news.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from legtimer.core.plan import Step


class Outcome(Enum):
    """How a step was left."""

    COMPLETED = "completed"
    SKIPPED = "skipped"


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


class WorkoutFinished(NamedTuple):
    """The last step ended."""

    at: float


Event = StepStarted | StepEnded | CountdownTicked | HalfwayReached | RepBeat | WorkoutFinished
