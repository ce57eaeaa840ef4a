"""What a session is in, and what it has done: its life state and its tally."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from legtimer.core.events import AmrapScore, Outcome


class State(Enum):
    """Where a session is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Tally:
    """What actually happened, for the summary (and carried over when a workout resumes)."""

    def __init__(
        self,
        outcomes: Mapping[int, Outcome] | None = None,
        worked: float = 0.0,
        rested: float = 0.0,
        scores: list[AmrapScore] | None = None,
        looped: list[tuple[int, int, Outcome]] | None = None,
    ) -> None:
        self.outcomes: dict[int, Outcome] = dict(outcomes or {})
        """How each step was last left, by plan index."""
        self.worked = worked
        """Seconds spent in steps where the person moves."""
        self.rested = rested
        """Seconds spent in get-ready, switches and rests."""
        self.scores: list[AmrapScore] = list(scores or [])
        """Each AMRAP's score, in the order they were capped."""
        self.looped: list[tuple[int, int, Outcome]] = list(looped or [])
        """AMRAP work, which loops over the same steps: (plan index, pass, outcome) of each
        set as it was left, so every pass counts, not only the last."""
