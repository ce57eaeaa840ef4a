"""CPU per countdown tick and per transition of the workout screen, under Pilot on a fake clock.

A tick is the driver's wake-up inside a step (the clock moves one second); a transition is a
wake-up that starts the next step. Both are timed with the screen's full redraw (the compositor
included, since Pilot waits for it), at 100x30. Printed, never asserted.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = """[routine]
name = "Ones"
[defaults]
get_ready = "1s"
rest = "1s"
rest_after = "1s"
switch_sides = "1s"
[[exercise]]
name = "Clamshells"
sets = 40
duration = "1s"
per_side = true
cue = "Lie on your side, knees bent, and open the top knee like a book."
equipment = ["mat"]
"""


async def _run(size: tuple[int, int]) -> tuple[float, float]:
    from legtimer.audio.sink import SilentSink
    from legtimer.core.loader import load_routine, parse_routine
    from legtimer.live.outfit import Outfit
    from legtimer.ui.app import LegtimerApp

    now = [0.0]

    def clock() -> float:
        return now[0]

    def outfit() -> Outfit:
        return Outfit(
            clock=clock, cues=lambda _p, _b, _c: SilentSink(), schedule=lambda _d, _f: None
        )

    # Ticks: a long plank, one second at a time.
    runners = load_routine(ROOT / "routines" / "runners.toml")
    app = LegtimerApp(runners, outfit=outfit())
    ticks: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        now[0] += 10.0  # into the warm-up's first long step
        assert app.driver is not None
        app.driver.tick()
        await pilot.pause()
        for _ in range(40):
            now[0] += 1.0
            start = time.process_time()
            app.driver.tick()
            await pilot.pause()
            ticks.append(time.process_time() - start)
    # Transitions: one-second steps.
    now[0] = 0.0
    app = LegtimerApp(parse_routine(STEPS), outfit=outfit())
    changes: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.driver is not None
        for _ in range(120):
            now[0] += 1.0
            start = time.process_time()
            app.driver.tick()
            await pilot.pause()
            changes.append(time.process_time() - start)
    return statistics.median(ticks) * 1000, statistics.median(changes) * 1000


def main() -> None:
    """Print ms of CPU per tick and per transition."""
    for size in ((100, 30), (160, 45)):
        tick, change = asyncio.run(_run(size))
        print(
            f"screen at {size[0]}x{size[1]}: {tick:6.2f} ms CPU per tick, "
            f"{change:6.2f} ms per transition (median, under Pilot)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
