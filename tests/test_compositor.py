"""The workout screen's compositor draws fewer widgets per frame and sends the same characters.

Every partial update of a whole workout (every phase, at three sizes, with pauses, a skip and a
back) is rendered twice: by SpotCompositor, and by Textual's own compositor from the same
changed regions. What the terminal would receive must be identical; the steady second must ask
only the widgets under the clock's digit and the overall line to draw.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets._toast import Toast

from legtimer.live.driver import Command
from legtimer.ui.compositor import SpotCompositor
from tests.ui_helpers import advance, make_app, workout


def _terminal_bytes(update: ChopsUpdate | None, width: int) -> str:
    if update is None:
        return ""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system="truecolor", force_terminal=True)
    console.print(update, end="")
    return out.getvalue()


class _Frames:
    """Checks each partial update against Textual's and counts the widgets asked to draw."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.frames = 0
        self.several = 0
        self.drawn: list[list[Widget]] = []
        self.lines = 0
        """Lines the widgets were asked to draw, over all frames."""
        self.textual_lines = 0
        """Lines Textual's own compositor asked for the same frames."""
        spot = SpotCompositor.render_partial_update
        asked: list[Widget] = []
        render_lines = Widget.render_lines

        def spy_lines(widget: Widget, crop: Region) -> object:
            asked.append(widget)
            self.lines += crop.height
            return render_lines(widget, crop)

        def checked(compositor: SpotCompositor) -> ChopsUpdate | None:
            regions = set(compositor._dirty_regions)
            asked.clear()
            ours = spot(compositor)
            self.drawn.append(list(asked))
            drawn_lines = self.lines
            compositor._dirty_regions.update(regions)
            theirs = Compositor.render_partial_update(compositor)
            self.textual_lines += self.lines - drawn_lines
            self.lines = drawn_lines
            width = compositor.size.width
            assert _terminal_bytes(ours, width) == _terminal_bytes(theirs, width), regions
            if regions:
                self.frames += 1
                self.several += len(regions) > 1
            return ours

        monkeypatch.setattr(SpotCompositor, "render_partial_update", checked)
        monkeypatch.setattr(Widget, "render_lines", spy_lines)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)])
async def test_every_frame_of_a_workout_sends_what_textual_would(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    frames = _Frames(monkeypatch)
    app, clock, _sink = make_app()
    async with app.run_test(size=size) as pilot:
        screen = workout(app)
        assert isinstance(screen._compositor, SpotCompositor)
        driver = app.driver
        assert driver is not None
        for second in range(150):
            await advance(pilot, app, clock, 1.0)
            if second in (20, 23):
                driver.send(Command.PAUSE)
            elif second == 60:
                driver.send(Command.SKIP)
            elif second == 70:
                driver.send(Command.BACK)
            elif second in (100, 140):
                driver.send(Command.DONE)
            await pilot.pause()
    assert frames.frames > 100
    assert frames.several > 50  # the clock and the overall line together, most seconds


async def test_a_steady_second_draws_only_what_lies_under_the_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frames = _Frames(monkeypatch)
    app, clock, _sink = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 7.0)  # into the first work set
        frames.drawn.clear()
        frames.lines = frames.textual_lines = 0
        await advance(pilot, app, clock, 1.0)
        await pilot.pause()
    assert frames.lines * 5 < frames.textual_lines, (frames.lines, frames.textual_lines)
    drawn = {widget.id or type(widget).__name__ for frame in frames.drawn for widget in frame}
    assert {"clock", "overall"} <= drawn
    assert not drawn & {"cue", "next", "name", "band", "lower"}, drawn
    assert len(drawn) <= 6, drawn


async def test_frames_under_a_toast_around_the_help_and_after_a_resize_send_what_textual_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A notification is a widget on a layer in front of the overall line; the help is a
    screen of its own (Textual's compositor draws while it is open, the workout's after); a
    resize changes every widget's place and the cuts of every line."""
    frames = _Frames(monkeypatch)
    app, clock, _sink = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = workout(app)
        for second in range(40):
            await advance(pilot, app, clock, 1.0)
            if second == 3:
                app.notify("A note over the workout", timeout=600)
                for _ in range(5):
                    await pilot.pause()
                toasts = [w for w in screen._compositor.visible_widgets if isinstance(w, Toast)]
                assert toasts and toasts[0].region.overlaps(screen.query_one("#overall").region)
                under_toast = frames.frames
            elif second == 12:
                assert frames.frames - under_toast >= 8
                await pilot.press("question_mark")
                assert app.screen is not screen
            elif second == 15:
                await pilot.press("escape")
                assert app.screen is screen
            elif second == 25:
                await pilot.resize_terminal(83, 26)
                resized = frames.frames
            await pilot.pause()
        assert any(isinstance(w, Toast) for w in screen._compositor.visible_widgets)
    assert frames.frames - resized >= 10
