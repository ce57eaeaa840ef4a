"""A countdown in big block digits, readable from across a room, that repaints only what changed.

The font is 3x5 pixels, drawn with half blocks (two pixels per terminal row) and scaled by whole
numbers: scale ``s`` is ``ceil(5 s / 2)`` rows tall (8 rows at s = 3, 10 at 4, 13 at 5), so the
screen can give the digits a third of any terminal.

The clock is one widget drawn line by line (Textual's line API), not a widget per character:
when "0:45" becomes "0:44" it marks only the last digit's columns dirty, so the terminal is sent
that one digit and no other widget is asked to draw. A clock that ticks every second for an hour
is the screen's steady cost; see benchmarks/screen_cpu.py.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.events import Resize
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

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


def changed_rows(was: str, now: str, scale: tuple[int, int]) -> list[tuple[int, int]]:
    """(first row, how many) of each run of terminal rows where two glyphs differ."""
    before, after = draw_glyph(was, *scale), draw_glyph(now, *scale)
    runs: list[tuple[int, int]] = []
    for row, (old, new) in enumerate(zip(before, after, strict=True)):
        if old == new:
            continue
        if runs and runs[-1][0] + runs[-1][1] == row:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((row, 1))
    return runs


class Placement(NamedTuple):
    """Where ``text`` lands in a clock of some size: what to compare between two ticks."""

    scale: tuple[int, int] | None
    """(x, y) as from :func:`choose_scale`; None: one line of plain text."""
    left: int
    top: int
    spans: tuple[tuple[int, int], ...]
    """(first column, width) of each character, from the clock's left edge."""
    rows: int

    @property
    def shape(self) -> tuple[object, ...]:
        """Equal shapes differ only in which glyphs sit in the same cells."""
        return (self.scale, self.left, self.top, self.spans)


def place(text: str, size: Size) -> Placement:
    """Centre ``text`` in ``size`` as big as it fits (plain text when the digits cannot)."""
    width, height = size
    scale = choose_scale(text, width, height)
    if scale is None:
        shown = min(len(text), width)
        spans = tuple((i, 1) for i in range(shown))
        return Placement(None, (width - shown) // 2, max(0, height - 1) // 2, spans, 1)
    x, y = scale
    spans_list = []
    column = 0
    for char in text:
        span = len(_glyph(char)[0]) * x
        spans_list.append((column, span))
        column += span + x
    used = column - x if text else 0
    rows = rows_for(y)
    return Placement(scale, (width - used) // 2, (height - rows) // 2, tuple(spans_list), rows)


Row = tuple[tuple[str, bool], ...]
"""One line of the clock as (text, is ink) pieces: margins and the gaps between glyphs are not."""


@lru_cache(maxsize=64)
def _strip(row: Row, ink: Style) -> Strip:
    paper = _paper(ink)
    return Strip([Segment(text, ink if inked else paper) for text, inked in row if text])


@lru_cache(maxsize=16)
def _paper(ink: Style) -> Style:
    """The clock's background alone, for the cells between glyphs."""
    return Style(bgcolor=ink.bgcolor)


class BigClock(Widget):
    """Shows ``text`` ("1:30") as tall as its height allows; plain text when too small."""

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        min-height: 1;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._text = "0:00"
        self._placement: Placement | None = None
        self._rows: list[Row] | None = None
        """The drawing at the current size, one string per line (None: to be drawn)."""

    @property
    def text(self) -> str:
        """What is shown: digits, colon, plus or minus (at most ``SLOTS`` characters)."""
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        value = value[:SLOTS]
        old = self._text
        if value == old:
            return
        self._text = value
        self._rows = None
        before = self._placement
        if before is None:
            self.refresh()
            return
        after = place(value, self.content_region.size)
        self._placement = after
        if after.shape != before.shape or after.scale is None:
            self.refresh()
            return
        # Same cells, other glyphs: only the rows of the characters that changed are drawn
        # and sent ("9" to "8" differs in one pixel row of five).
        scale = after.scale
        rows = [
            Region(after.left + column, after.top + first, span, count)
            for (column, span), was, now in zip(after.spans, old, value, strict=True)
            if was != now
            for first, count in changed_rows(was, now, scale)
        ]
        if rows:
            self.refresh(*rows)

    def on_resize(self, _event: Resize) -> None:
        """A new size can mean a new scale: draw again from scratch."""
        self._placement = None
        self._rows = None
        self.refresh()

    def drawn(self) -> list[str]:
        """The clock as text, one string per line of the widget (what the terminal shows)."""
        return ["".join(text for text, _ in row) for row in self._drawing()]

    def _drawing(self) -> list[Row]:
        if self._rows is None:
            size = self.content_region.size
            placement = place(self._text, size)
            self._placement = placement
            width, height = size
            shown = self._text[: len(placement.spans)]
            if placement.scale is None:
                body: list[list[str]] = [[shown]]
                gap = ""
            else:
                glyphs = [draw_glyph(char, *placement.scale) for char in shown]
                body = [[glyph[line] for glyph in glyphs] for line in range(placement.rows)]
                gap = " " * placement.scale[0]
            blank: Row = ((" " * width, False),)
            rows = [blank] * height
            for index, pieces in enumerate(body):
                y = placement.top + index
                if not 0 <= y < height:
                    continue
                row: list[tuple[str, bool]] = [(" " * placement.left, False)]
                for number, piece in enumerate(pieces):
                    if number:
                        row.append((gap, False))
                    row.append((piece, True))
                used = sum(len(text) for text, _ in row)
                row.append((" " * (width - used), False))
                rows[y] = tuple(row)
            self._rows = rows
        return self._rows

    def render_line(self, y: int) -> Strip:
        """One line of the drawing in the clock's colour (the phase's ink, from CSS)."""
        rows = self._drawing()
        if not 0 <= y < len(rows):
            return Strip.blank(self.content_region.width)
        # visual_style is cached by Textual until the styles change (rich_style is not).
        return _strip(rows[y], self.visual_style.rich_style)
