"""--event-log: every session event with its due time, one JSON line each, for timing checks.

Wraps the cue sink, so it sees exactly what the sound side sees, when it sees it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import IO

from legtimer.audio.sink import CueSink
from legtimer.core.events import Event, StepStarted


class EventLog:
    """A CueSink that writes each event, then passes it on."""

    def __init__(self, inner: CueSink, out: IO[str]) -> None:
        self.inner = inner
        self.out = out
        # Monotonic times become wall-clock times with one offset taken now.
        self.offset = time.time() - time.monotonic()

    @property
    def muted(self) -> bool:
        """As the wrapped sink."""
        return self.inner.muted

    @property
    def notice(self) -> str | None:
        """As the wrapped sink."""
        return self.inner.notice

    def handle(self, events: Sequence[Event]) -> None:
        """Log, then play."""
        handled = time.monotonic()
        for event in events:
            record = {
                "event": type(event).__name__,
                "at": event.at,
                "wall": event.at + self.offset,
                "handled": handled + self.offset,
            }
            if isinstance(event, StepStarted):
                record.update(
                    step=event.step.plan_index, kind=event.step.kind.value, name=event.step.name
                )
            self.out.write(json.dumps(record) + "\n")
        self.out.flush()
        self.inner.handle(events)

    def toggle_mute(self) -> bool:
        """As the wrapped sink."""
        return self.inner.toggle_mute()

    def close(self) -> None:
        """Close the wrapped sink and the log."""
        self.inner.close()
        self.out.close()
