"""--event-log: every session event with its due time, one JSON line each, for timing checks.

A driver listener: it hears each event right after the sound side played it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import IO

from legtimer.core.events import (
    CapReached,
    Event,
    HarderAnswered,
    MovedDown,
    PlanChanged,
    RestExtended,
    RestRanOut,
    RoundStartedLate,
    StepStarted,
)
from legtimer.live.driver import Ending, WorkoutDriver


class EventLog:
    """Writes each event as it is handled; closes its file when the workout ends."""

    def __init__(self, out: IO[str], clock: Callable[[], float] = time.monotonic) -> None:
        self.out = out
        self.clock = clock
        # Clock times become wall-clock times with one offset taken now.
        self.offset = time.time() - clock()

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """One line per event."""
        if not events:
            return
        handled = self.clock()
        for event in events:
            record: dict[str, object] = {
                "event": type(event).__name__,
                "at": event.at,
                "wall": event.at + self.offset,
                "handled": handled + self.offset,
            }
            if isinstance(event, StepStarted | RoundStartedLate | RestRanOut | RestExtended):
                record.update(
                    step=event.step.plan_index, kind=event.step.kind.value, name=event.step.name
                )
                if event.step.block:
                    record.update(block=event.step.block, round=event.step.round_no)
            if isinstance(event, RoundStartedLate):
                record["late_by"] = round(event.late_by, 3)
            if isinstance(event, RestExtended):
                record["extra"] = round(event.extra, 3)
            if isinstance(event, CapReached):
                record.update(score=event.score._asdict())
            if isinstance(event, HarderAnswered):
                record.update(slot=event.slot, harder=event.harder, accepted=event.accepted)
            if isinstance(event, MovedDown):
                record.update(slot=event.slot, variant=event.variant)
            if isinstance(event, PlanChanged):
                following = event.plan.next_up(event.step)
                record.update(next=following.name if following else None)
            self.out.write(json.dumps(record) + "\n")
        self.out.flush()

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """The log is complete."""
        self.out.close()
