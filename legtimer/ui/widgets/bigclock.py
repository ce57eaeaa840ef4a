"""A countdown in big block digits, one widget per character, readable from across a room.

The font is 3x5 pixels, drawn with half blocks (two pixels per terminal row) and scaled by whole
numbers: scale ``s`` is ``ceil(5 s / 2)`` rows tall (8 rows at s = 3, 10 at 4, 13 at 5), so the
screen can give the digits a third of any terminal. Each character is its own small widget:
when "0:45" becomes "0:44" only the last digit repaints; the others are not drawn again.
"""

from __future__ import annotations

import math
from functools import lru_cache

from textual.app import ComposeResult
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive
from textual.widget import Widget

from legtimer.ui.widgets.line import Line

_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}
GLYPH_ROWS = 5
SLOTS = 8
"""Characters the clock can show at once ("-1:00:00")."""


def rows_for(scale: int) -> int:
    """Terminal rows the digits take at ``scale`` (two pixels per row)."""
    return math.ceil(GLYPH_ROWS * scale / 2)


def scale_for_rows(rows: int) -> int:
    """The largest scale whose digits fit in ``rows`` rows."""
    return max(0, (2 * rows) // GLYPH_ROWS)


def _glyph(char: str) -> tuple[str, ...]:
    return _FONT.get(char, _FONT[" "])


def text_columns(text: str) -> int:
    """Font pixels across ``text``, with one pixel between glyphs."""
    glyphs = [_glyph(ch) for ch in text]
    return sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)


def choose_scale(text: str, width: int, height: int) -> tuple[int, int] | None:
    """(x, y): columns per pixel and half-rows per pixel that fit; None when nothing does.

    The height decides ``y`` (as tall as the rows allow); ``x`` is as wide as square pixels,
    narrower only when the width is short, so the digits never shrink in height for a wide
    time such as "10:00".
    """
    columns = text_columns(text)
    y = scale_for_rows(height)
    if columns == 0 or y == 0:
        return None
    x = min(y, width // columns)
    return (x, y) if x >= 1 else None


@lru_cache(maxsize=256)
def draw_glyph(char: str, x: int, y: int) -> tuple[str, ...]:
    """The rows of one character at scale (x, y), in half blocks."""
    pixels: list[str] = []
    for row in _glyph(char):
        line = "".join(("#" if px == "#" else " ") * x for px in row)
        pixels.extend([line] * y)
    if len(pixels) % 2:
        pixels.append(" " * len(pixels[0]))
    out = []
    for top, bottom in zip(pixels[::2], pixels[1::2], strict=True):
        out.append(
            "".join(
                ("\u2588" if b == "#" else "\u2580")
                if t == "#"
                else ("\u2584" if b == "#" else " ")
                for t, b in zip(top, bottom, strict=True)
            )
        )
    return tuple(out)


def draw(text: str, x: int, y: int) -> list[str]:
    """The rows of ``text`` at scale (x, y), one blank pixel between characters."""
    glyphs = [draw_glyph(ch, x, y) for ch in text]
    gap = " " * x
    return [gap.join(g[row] for g in glyphs) for row in range(rows_for(y))]


@lru_cache(maxsize=256)
def _content(char: str, x: int, y: int) -> Content:
    return Content("\n".join(draw_glyph(char, x, y)))


class Glyph(Widget):
    """One character of the clock; repaints only when its own character changes."""

    DEFAULT_CSS = """
    Glyph {
        width: 3;
        height: 100%;
    }
    """

    char: reactive[str] = reactive(" ", layout=False)
    scale: reactive[tuple[int, int]] = reactive((1, 1), layout=False)

    def render(self) -> Content:
        """The cached drawing of this character at the clock's scale."""
        return _content(self.char, *self.scale)


class BigClock(Widget):
    """Shows ``text`` ("1:30") as tall as its height allows; plain text when too small."""

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        min-height: 1;
        layout: horizontal;
        align: center middle;
        text-style: bold;
    }
    BigClock > #plain-clock {
        width: auto;
        height: 1;
        display: none;
    }
    """

    text: reactive[str] = reactive("0:00", layout=False)
    """What to show: digits, colon, plus or minus."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._slots = [Glyph() for _ in range(SLOTS)]
        self._plain = Line(id="plain-clock")
        self._shape: tuple[tuple[int, ...], tuple[int, int] | None] | None = None

    def compose(self) -> ComposeResult:
        """The character slots (unused ones hidden) and a one-line fallback."""
        yield from self._slots
        yield self._plain

    def watch_text(self) -> None:
        """Hand each slot its character; only slots whose character changed repaint."""
        self._arrange()

    def on_resize(self, _event: Resize) -> None:
        """A new size can mean a new scale."""
        self._arrange(force=True)

    def _arrange(self, force: bool = False) -> None:
        if not self.is_mounted:
            return
        text = self.text[:SLOTS]
        width, height = self.content_region.size
        scale = choose_scale(text, width, height)
        shape = (tuple(len(_glyph(ch)[0]) for ch in text), scale)
        if force or shape != self._shape:
            self._shape = shape
            self._reshape(text, scale)
        if scale is None:
            self._plain.text = text
            return
        for slot, char in zip(self._slots, text, strict=False):
            slot.char = char

    def _reshape(self, text: str, scale: tuple[int, int] | None) -> None:
        """Show as many slots as characters, sized for ``scale`` (on resize or a longer time)."""
        self._plain.display = scale is None
        for index, slot in enumerate(self._slots):
            used = scale is not None and index < len(text)
            slot.display = used
            if used and scale is not None:
                x, y = scale
                slot.scale = scale
                slot.styles.width = len(_glyph(text[index])[0]) * x
                slot.styles.height = rows_for(y)
                slot.styles.margin = (0, 0, 0, x if index else 0)
