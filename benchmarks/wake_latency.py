"""How late the screen hands each event to the sound side and draws each second, on the real clock.

The app runs headless (Textual's test driver, real event loop, real timers) through a short
routine; a sink records, for every event, the moment it was due (``event.at``) and the moment
it arrived. The difference is what the screen adds to a beep's latency; the audio backend's own
start-up comes on top (see audio_latency). The clock's lateness is when the frame drawing a new
second is composed, after the true second boundary on the session's deadline (target: 50 ms).
"""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from collections.abc import Sequence

from textual.strip import Strip

from legtimer.audio.sink import SilentSink
from legtimer.core.events import Event
from legtimer.core.loader import parse_routine
from legtimer.live.outfit import Outfit
from legtimer.ui.app import LegtimerApp
from legtimer.ui.widgets.bigclock import BigClock

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


async def _run() -> tuple[_Timing, list[float]]:
    sink = _Timing()
    app = LegtimerApp(parse_routine(ROUTINE), outfit=Outfit(cues=lambda _p, _b, _c: sink))
    drawn: list[float] = []
    shown = [""]
    render_line = BigClock.render_line

    def timed(clock: BigClock, y: int) -> Strip:
        # The first line drawn of a new text is the frame that shows it: how long after it
        # fell due? A countdown shows the time left rounded up, so a new second is due when
        # the time left crosses a whole second, or when its step began.
        if clock.text != shown[0] and app.driver is not None:
            shown[0] = clock.text
            session = app.driver.session
            left = session.remaining()
            if left > 0:
                drawn.append(min(math.ceil(left - 1e-9) - left, session.elapsed_in_step()))
        return render_line(clock, y)

    BigClock.render_line = timed  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            while app.driver is None or not app.driver.session.finished:
                await pilot.pause(0.1)
    finally:
        BigClock.render_line = render_line  # type: ignore[method-assign]
    return sink, drawn


def main() -> None:
    """Print median, 95th percentile and worst lateness in milliseconds."""
    sink, drawn = asyncio.run(_run())
    for what, values, target in (
        ("screen event lateness", sink.delays, "beep target: start within 25 ms"),
        ("new second drawn after its boundary", drawn, "target: within 50 ms"),
    ):
        late = sorted(d * 1000 for d in values)
        p95 = late[int(0.95 * (len(late) - 1))]
        print(
            f"{what} over {len(late)} (real clock, headless): "
            f"median {statistics.median(late):.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(late):.1f} ms ({target})"
        )


if __name__ == "__main__":
    main()
