"""Memory stays flat however long a workout runs (Textual issue #6666 and per-step costs)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from legtimer.ui.widgets.footer import LeanFooter


class _FooterApp(App[None]):
    BINDINGS = [Binding("a", "one", "One"), Binding("b", "two", "Two"), Binding("c", "three", "3")]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer_class = footer
        self.hide_two = False

    def compose(self) -> ComposeResult:
        yield self.footer_class()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hiding a key changes what the footer shows: a real rebuild."""
        return not (action == "two" and self.hide_two)


async def _keys_alive_after_rebuilds(footer: type[Footer], rebuilds: int) -> int:
    """How many of the footer's first keys are still alive after ``rebuilds`` rebuilds."""
    app = _FooterApp(footer)
    async with app.run_test() as pilot:
        await pilot.pause()
        first = [weakref.ref(key) for key in app.query_one(Footer).children]
        assert first, "the footer shows keys"
        for _ in range(rebuilds):
            app.hide_two = not app.hide_two
            app.refresh_bindings()
            await pilot.pause()
        gc.collect()
        return sum(ref() is not None for ref in first)


async def test_textuals_footer_keeps_every_key_it_replaces() -> None:
    """The upstream leak this works around (if this fails, Textual fixed #6666: drop LeanFooter)."""
    assert await _keys_alive_after_rebuilds(Footer, 20) == 3


async def test_lean_footer_lets_replaced_keys_go() -> None:
    assert await _keys_alive_after_rebuilds(LeanFooter, 20) == 0


async def test_enabling_and_disabling_keys_refreshes_the_footer_in_place() -> None:
    """Done greys out in every rest: the key widgets stay, only their class changes, and each is
    drawn greyed exactly while disabled (one built greyed too, once enabled)."""

    class Toggling(_FooterApp):
        enabled = False

        def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
            return True if action != "two" or self.enabled else None  # None: greyed out

    app = Toggling(LeanFooter)
    async with app.run_test() as pilot:
        await pilot.pause()
        before = list(app.query_one(Footer).children)
        for enabled in (True, False, True, False):
            app.enabled = enabled
            app.refresh_bindings()
            await pilot.pause()
            assert list(app.query_one(Footer).children) == before, "no rebuild"
            two = [key for key in before if getattr(key, "action", "") == "two"]
            assert [key.has_class("-disabled") for key in two] == [not enabled]
            assert [bool(key.rich_style.dim) for key in two] == [not enabled], "drawn greyed"


async def test_a_long_workout_keeps_no_widget_or_event_behind(tmp_path: Path) -> None:
    """Hundreds of transitions in every phase, with pauses, skips and done: the live widgets
    and style caches do not grow (the heap over a simulated 8 hours is in `make bench`)."""
    from textual.widget import Widget

    from tests.soak import drive

    counts: dict[int, tuple[int, int]] = {}

    def census(step: int) -> None:
        if step in (100, 299):
            gc.collect()
            objects = gc.get_objects()
            widgets = sum(isinstance(o, Widget) for o in objects)
            caches = sum(type(o).__name__ == "StylesCache" for o in objects)
            counts[step] = (widgets, caches)

    soaked = await drive(200, 100, on_step=census, heap=False, home=tmp_path)
    assert soaked.simulated > 600 and set(counts) == {100, 299}
    (widgets_before, caches_before), (widgets_after, caches_after) = counts[100], counts[299]
    assert widgets_after <= widgets_before + 2, (widgets_before, widgets_after)
    # A replaced widget's style cache may outlive it only in Textual's bounded LRU (1024).
    assert caches_after - widgets_after <= 1024, (caches_before, caches_after)


def test_a_line_that_changes_every_second_leaves_richs_string_cache_alone() -> None:
    """An hour of overall lines, each a new string, adds nothing to Rich's cache of measured
    strings (4,096 kept: it was the largest thing a long workout's heap grew by), and each is
    measured exactly as Rich measures it."""
    from rich.cells import cached_cell_len, cell_len
    from rich.style import Style

    from legtimer.ui.widgets.line import _strip, cells

    samples = ["12:34 left", "Set 2 of 3 · Left side", "深蹲 10", "❤️ hard", "tab\tstop"]
    samples.append("\U0001f469\u200d\U0001f469\u200d\U0001f467 family")  # joined emoji
    for text in samples:
        assert cells(text) == cell_len(text), text
    before = cached_cell_len.cache_info().currsize
    for second in range(3600):
        shown = f"{second // 60}:{second % 60:02d} elapsed  ·  {60 - second // 60} min left"
        assert _strip(shown, 80, "center", Style()).cell_length == 80
    assert cached_cell_len.cache_info().currsize - before < 10
