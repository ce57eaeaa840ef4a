"""What the training log holds, as plain records: a set, an AMRAP score, a workout.

An answer about a harder variant is :class:`legtimer.core.harder.Answer`.

Apart from :mod:`legtimer.storage.trainlog` (the connection) so the screens, exports and the
pending-file writer can name them without the SQLite code.
"""

from __future__ import annotations

from typing import NamedTuple


class SetRecord(NamedTuple):
    """One set (one side of it, for per-side work), written when it ends."""

    exercise: str
    round: int
    set_no: int
    started_at: float
    variant: str | None = None
    block: str | None = None
    side: str | None = None
    target_reps: int | None = None
    target_seconds: float | None = None
    reps: int | None = None
    seconds: float | None = None
    load: str | None = None
    skipped: bool = False
    pass_no: int | None = None
    """In an AMRAP, which pass of its circuit (``round`` is which AMRAP of the block); else None."""
    id: int | None = None
    """Set by the log when read back; ignored when recording."""

    @property
    def done_exercise(self) -> str:
        """What was actually done: the variant when one replaced the routine's exercise."""
        return self.variant if self.variant is not None else self.exercise


class Score(NamedTuple):
    """An AMRAP result: full rounds done, plus exercises into the next one."""

    block: str
    round: int
    rounds_done: int
    extra_exercises: int = 0


class WorkoutRecord(NamedTuple):
    """One workout as stored; ``ended_at`` is None when it never ended (crash, power cut)."""

    id: int
    routine_name: str
    routine_file: str | None
    started_at: float
    ended_at: float | None
    finished: bool
    total_seconds: float | None
    worked_seconds: float | None
    rested_seconds: float | None
    sets: tuple[SetRecord, ...] = ()
    scores: tuple[Score, ...] = ()


def set_from_row(row: tuple[object, ...]) -> SetRecord:
    """A ``sets`` row (in :class:`SetRecord` field order) back as a record."""
    record = SetRecord._make(row)
    return record._replace(skipped=bool(record.skipped))
