"""How late the screen hands each event to the sound side, on the real clock.

The app runs headless (Textual's test driver, real event loop, real timers) through a short
routine; a sink records, for every event, the moment it was due (``event.at``) and the moment
it arrived. The difference is what the screen adds to a beep's latency; the audio backend's own
start-up comes on top (see audio_latency).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence

from legtimer.audio.sink import SilentSink
from legtimer.core.events import Event
from legtimer.core.loader import parse_routine
from legtimer.ui.app import LegtimerApp

ROUTINE = """[routine]
name = "Latency"
[defaults]
get_ready = "3s"
rest = "3s"
seconds_per_rep = 0.75
countdown = 3
[[exercise]]
name = "Quick reps"
sets = 2
reps = 6
[[exercise]]
name = "Hold"
duration = "4s"
"""


class _Timing(SilentSink):
    def __init__(self) -> None:
        super().__init__()
        self.delays: list[float] = []

    def handle(self, events: Sequence[Event]) -> None:
        now = time.monotonic()
        self.delays.extend(now - event.at for event in events)
        super().handle(events)


async def _run() -> _Timing:
    sink = _Timing()
    app = LegtimerApp(parse_routine(ROUTINE), cues=lambda _p, _b: sink)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        while not screen.session.finished:  # type: ignore[attr-defined]
            await pilot.pause(0.1)
    return sink


def main() -> None:
    """Print median, 95th percentile and worst lateness in milliseconds."""
    sink = asyncio.run(_run())
    delays = sorted(d * 1000 for d in sink.delays)
    p95 = delays[int(0.95 * (len(delays) - 1))]
    print(
        f"screen event lateness over {len(delays)} events (real clock, headless): "
        f"median {statistics.median(delays):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(delays):.1f} ms (beep target: start within 25 ms)"
    )


if __name__ == "__main__":
    main()
