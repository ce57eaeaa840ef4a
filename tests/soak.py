"""A long workout driven on a fake clock under Pilot: every phase, pauses, skips, done.

Shared by the memory test (hundreds of steps) and `make bench` (a simulated 8 hours).
"""

from __future__ import annotations

import contextlib
import gc
import os
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from legtimer.audio.sink import SilentSink
from legtimer.core.events import Event
from legtimer.core.loader import load_routine, parse_routine
from legtimer.ui.app import LegtimerApp
from tests.conftest import FakeClock
from tests.ui_helpers import fake_outfit

EVERY_PHASE = """[routine]
name = "Every phase"
rounds = 100
rest_between_rounds = "3s"
[defaults]
get_ready = "2s"
rest = "2s"
rest_after = "2s"
switch_sides = "1s"
seconds_per_rep = 1
[[warmup]]
name = "March"
duration = "3s"
cue = "Knees up, arms swinging."
[[exercise]]
name = "Clamshells"
sets = 2
reps = [2, 3]
per_side = true
cue = "Knees bent, open the top knee, keep the feet together."
equipment = ["mat", "band"]
[[exercise]]
name = "Plank"
sets = 2
duration = "4s"
cue = "One straight line from head to heels."
[[exercise]]
name = "Squats"
reps = 3
manual = true
cue = "Sit back, chest up."
[[cooldown]]
name = "Stretch"
duration = "3s"
"""


class QuietSink(SilentSink):
    """Silence that keeps nothing: a long workout must not grow a test's list of events."""

    def handle(self, events: Sequence[Event]) -> None:
        """Nothing to play, nothing to keep."""


class Soaked(NamedTuple):
    """What a long drive did."""

    grown: int
    """Bytes the Python heap grew by after the warm-up (0 when not traced)."""
    simulated: float
    """Seconds on the fake clock in all."""
    measured: float
    """Seconds on the fake clock after the warm-up."""


async def drive(
    transitions: int,
    warm_up: int,
    on_step: Callable[[int], None] | None = None,
    size: tuple[int, int] = (100, 30),
    routine: str = EVERY_PHASE,
    heap: bool = True,
    home: Path | None = None,
) -> Soaked:
    """Run ``warm_up`` then ``transitions`` step changes (fewer if the last step comes first).

    The heap is traced from before the app starts, and its growth is what is traced at the end
    less what was traced after the warm-up. (Tracing only from the warm-up on would count every
    render cache and LRU entry that merely replaced an untraced one as growth.) ``heap=False``
    skips tracemalloc (it slows every allocation) and reports 0 growth.

    With a ``home`` folder the workout runs with the listeners of a real one, writing there (as
    LEGTIMER_HOME): the training log, the checkpoint and an event log.

    Each step is left by its time running out (most), by done (manual sets), by skip (every
    17th) or after a pause (every 13th); a wake-up lands mid-step too, as the real timer's do.
    """
    tracing = heap and not tracemalloc.is_tracing()
    if tracing:
        tracemalloc.start()
    try:
        with _app(routine, home) as (app, clock):
            return await _drive(app, clock, transitions, warm_up, on_step, size, heap)
    finally:
        if tracing:
            tracemalloc.stop()


@contextlib.contextmanager
def _app(routine: str, home: Path | None) -> Iterator[tuple[LegtimerApp, FakeClock]]:
    clock = FakeClock()
    if home is None:
        yield LegtimerApp(parse_routine(routine), outfit=fake_outfit(clock, QuietSink())), clock
        return
    path = home / "soak.toml"
    path.write_text(routine)
    before = os.environ.get("LEGTIMER_HOME")
    os.environ["LEGTIMER_HOME"] = str(home)
    try:
        with (home / "events.jsonl").open("w") as events:
            outfit = fake_outfit(clock, QuietSink(), record=True, keep_place=True, event_log=events)
            yield LegtimerApp(load_routine(path), outfit=outfit), clock
    finally:
        if before is None:
            del os.environ["LEGTIMER_HOME"]
        else:
            os.environ["LEGTIMER_HOME"] = before


async def _drive(
    app: LegtimerApp,
    clock: FakeClock,
    transitions: int,
    warm_up: int,
    on_step: Callable[[int], None] | None,
    size: tuple[int, int],
    heap: bool,
) -> Soaked:
    grown = base = 0
    warm_at = 0.0
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        driver = app.driver
        assert driver is not None
        session = driver.session
        for count in range(warm_up + transitions):
            if count == warm_up:
                warm_at = clock.now
                if heap:
                    gc.collect()
                    base = tracemalloc.get_traced_memory()[0]
            if session.index >= len(session.plan.steps) - 1:
                break  # the heap is measured on the workout screen, not on the summary after it
            if count % 13 == 0:
                await pilot.press("space")
                clock.advance(30.0)
                await pilot.press("space")
            clock.advance(min(1.0, session.remaining() / 2))
            driver.tick()
            if count % 17 == 0:
                await pilot.press("n")
            elif session.step.waits_for_user:
                clock.advance(3.0)
                driver.tick()
                await pilot.press("d")
            else:
                clock.advance(session.remaining())
                driver.tick()
            await pilot.pause()
            if on_step is not None:
                on_step(count)
        if heap:
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - base
    return Soaked(grown, clock.now, clock.now - warm_at)
