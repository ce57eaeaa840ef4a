"""A countdown in big block digits that grows with the terminal, readable from across a room.

Textual's Digits is three rows tall; this draws a 3x5 pixel font scaled by whole numbers to fill
the space it is given (5 rows at 80x24, 10 or more on larger terminals).
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
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


def text_columns(text: str) -> int:
    """Font pixels across ``text``, with one pixel between glyphs."""
    glyphs = [_FONT.get(ch, _FONT[" "]) for ch in text]
    return sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)


def choose_scale(text: str, width: int, height: int) -> tuple[int, int] | None:
    """(x, y) pixel scale that fits, tallest first, about twice as wide as tall; None if none."""
    columns = text_columns(text)
    if columns == 0:
        return None
    for y in range(height // GLYPH_ROWS, 0, -1):
        x = min(2 * y, width // columns)
        if x >= y:
            return x, y
    if width >= columns and height >= GLYPH_ROWS:
        return 1, 1
    return None


def draw(text: str, x: int, y: int) -> list[str]:
    """The lines of ``text`` in block digits at scale (x, y)."""
    rows: list[str] = []
    for row in range(GLYPH_ROWS):
        parts = []
        for ch in text:
            glyph = _FONT.get(ch, _FONT[" "])
            parts.append("".join("\u2588" * x if px == "#" else " " * x for px in glyph[row]))
        line = (" " * x).join(parts)
        rows.extend([line] * y)
    return rows


class BigClock(Widget):
    """Shows ``text`` ("1:30") as large as its region allows; plain text when too small."""

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        min-height: 1;
        content-align: center middle;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("0:00", layout=False)
    """What to show: digits, colon, plus or minus."""

    def render(self) -> Content:
        """Draw at the largest scale that fits the current size."""
        width, height = self.content_region.size
        scale = choose_scale(self.text, width, height)
        if scale is None:
            return Content(self.text)
        return Content("\n".join(draw(self.text, *scale)))
