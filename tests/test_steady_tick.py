"""The steady path: a second of countdown repaints the digit that changed and the lines that moved.

Everything else on the workout screen stays as it was drawn; this is what keeps the screen's CPU
low for an hour-long workout (benchmarks/screen_cpu.py measures it in a real terminal).
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region, Size
from textual.widget import Widget

from legtimer.audio.sink import SilentSink
from legtimer.core.loader import parse_routine
from legtimer.ui.app import LegtimerApp
from legtimer.ui.widgets.bigclock import BigClock, draw_glyph, place
from tests.conftest import FakeClock
from tests.ui_helpers import advance, clock_text, fake_outfit, workout

PLANK = """
[routine]
name = "Ten minutes"
[defaults]
get_ready = 0
[[exercise]]
name = "Plank"
duration = "10m"
cue = "Hold a straight line from head to heels."
"""

Refresh = tuple[Widget, tuple[Region, ...]]


def _spy_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[Refresh]:
    """Record every widget's refresh (and the regions it named) until monkeypatch undoes it."""
    seen: list[Refresh] = []
    original = Widget.refresh

    def spy(self: Widget, *regions: Region, **kwargs: bool) -> Widget:
        seen.append((self, regions))
        return original(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", spy)
    return seen


def _changed_cells(before: list[str], after: list[str]) -> set[tuple[int, int]]:
    return {
        (x, y)
        for y, (old, new) in enumerate(zip(before, after, strict=True))
        for x, (a, b) in enumerate(zip(old, new, strict=True))
        if a != b
    }


def _check_repaint(big: BigClock, before: list[str], regions: list[Region], digits: str) -> None:
    """The regions cover every cell that changed, and only rows of the digits that changed."""
    after = big.drawn()
    changed = _changed_cells(before, after)
    assert changed, "the clock moved"
    assert all(any(r.contains(x, y) for r in regions) for x, y in changed), "a stale cell"
    spot = place(big.text, big.content_region.size)
    columns = [
        (spot.left + spot.spans[i][0], spot.left + spot.spans[i][0] + spot.spans[i][1])
        for i in range(len(big.text))
        if i in {int(d) for d in digits}
    ]
    for region in regions:
        assert (region.x, region.right) in columns, f"{region} is not one changed digit"
        for y in range(region.y, region.bottom):
            row_changed = any((x, y) in changed for x in range(region.x, region.right))
            assert row_changed, f"row {y} of {region} did not change but was repainted"


@pytest.mark.parametrize("size", [(100, 30), (160, 45)])
async def test_a_second_repaints_the_changed_digit_and_the_moving_lines_only(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    clock = FakeClock()
    app = LegtimerApp(parse_routine(PLANK), outfit=fake_outfit(clock, SilentSink()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        big = workout(app).query_one("#clock", BigClock)
        steps = ((12.0, "9:48"), (1.0, "9:47"), (1.0, "9:46"), (1.0, "9:45"), (1.0, "9:44"))
        for seconds, shown in steps:
            before = big.drawn()
            seen = _spy_refreshes(monkeypatch)
            await advance(pilot, app, clock, seconds)
            monkeypatch.undo()
            assert clock_text(app) == shown
            if seconds > 1.0:
                continue
            refreshed = {widget.id for widget, _ in seen}
            assert refreshed <= {"clock", "overall", "step-bar", "overall-bar"}
            calls = [regions for widget, regions in seen if widget is big]
            assert calls and all(calls), "regions of the clock, never all of it"
            _check_repaint(big, before, [r for regions in calls for r in regions], digits="3")


async def test_digits_that_change_together_each_repaint_and_the_colon_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeClock()
    app = LegtimerApp(parse_routine(PLANK), outfit=fake_outfit(clock, SilentSink()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 540.0)
        assert clock_text(app) == "1:00"
        big = workout(app).query_one("#clock", BigClock)
        before = big.drawn()
        seen = _spy_refreshes(monkeypatch)
        await advance(pilot, app, clock, 1.0)
        monkeypatch.undo()
        calls = [regions for widget, regions in seen if widget is big]
        assert calls and all(calls), "regions of the clock, never all of it"
        regions = [region for regions in calls for region in regions]
        _check_repaint(big, before, regions, digits="023")
        touched = {region.x for region in regions}
        assert len(touched) == 3, "each of the three digits that changed"


async def test_a_wider_time_redraws_the_whole_clock_centred() -> None:
    app = _ClockApp()
    async with app.run_test(size=(80, 12)) as pilot:
        big = app.query_one(BigClock)
        big.text = "10:00"
        await pilot.pause()
        big.text = "9:59"
        await pilot.pause()
        rows = big.drawn()
        spot = place("9:59", big.content_region.size)
        assert spot.scale is not None
        x, y = spot.scale
        glyphs = [draw_glyph(char, x, y) for char in "9:59"]
        expected = [(" " * x).join(glyph[line] for glyph in glyphs) for line in range(spot.rows)]
        drawn = [row[spot.left :].rstrip() for row in rows[spot.top : spot.top + spot.rows]]
        assert drawn == [line.rstrip() for line in expected]
        assert all(not row.strip() for row in rows[: spot.top] + rows[spot.top + spot.rows :])
        used = len(expected[0])
        assert abs(spot.left - (big.content_region.width - spot.left - used)) <= 1, "centred"


def test_placement_centres_and_falls_back_to_plain_text() -> None:
    spot = place("0:45", Size(80, 10))
    assert spot.scale == (4, 4) and spot.rows == 10
    used = spot.spans[-1][0] + spot.spans[-1][1]
    assert spot.left == (80 - used) // 2 and spot.top == 0
    tiny = place("0:45", Size(12, 1))
    assert tiny.scale is None and tiny.rows == 1 and tiny.left == (12 - 4) // 2


class _ClockApp(App[None]):
    """Only a clock, filling the screen."""

    def compose(self) -> ComposeResult:
        yield BigClock()
