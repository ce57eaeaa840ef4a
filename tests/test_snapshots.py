"""SVG snapshots of every phase at 80x24 and 120x40, on a frozen fake clock.

Update after an intended visual change with: .venv/bin/pytest tests/test_snapshots.py
--snapshot-update, then look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from legtimer.audio.sink import SilentSink
from legtimer.ui.app import LegtimerApp
from tests.conftest import FakeClock
from tests.ui_helpers import fake_outfit, make_app

SIZES = [(80, 24), (120, 40)]

Before = Callable[[Pilot[None]], Awaitable[None]]


def at(seconds: float, *keys: str) -> Callable[[LegtimerApp, FakeClock], Before]:
    """Advance the fake clock to ``seconds``, let the screen tick, then press ``keys``."""

    def build(app: LegtimerApp, clock: FakeClock) -> Before:
        async def run_before(pilot: Pilot[None]) -> None:
            await pilot.pause()
            clock.set(seconds)
            if app.driver is not None:
                app.driver.tick()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()

        return run_before

    return build


STATES = {
    "get-ready": at(1.2),
    "work-with-cue": at(5.0),
    "paced-reps": at(9.3),
    "switch-sides": at(16.0),
    "rest-next-up": at(38.0),
    "paused": at(7.0, "space"),
    "manual-set": at(176.6),
    "summary": at(176.6, "d"),
    "help": at(2.0, "question_mark"),
    "confirm-quit": at(2.0, "q"),
}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("state", list(STATES))
def test_workout_snapshots(
    snap_compare: Callable[..., bool], state: str, size: tuple[int, int]
) -> None:
    app, clock, _ = make_app()
    assert snap_compare(app, terminal_size=size, run_before=STATES[state](app, clock))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_picker_snapshot(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    app = LegtimerApp(None, outfit=fake_outfit(FakeClock(), SilentSink()))
    assert snap_compare(app, terminal_size=size)
