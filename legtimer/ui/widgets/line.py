"""One line of text that changes often (elapsed time, rep count) without a layout pass.

Drawn with Textual's line API: a new text is one strip built here, not a trip through the
content pipeline (wrapping, spans, alignment) that a one-line label never needs. The overall
line changes every second of a workout, so this is on the screen's steady path.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from legtimer.ui.text import fit_line, fit_name_first, visible


def cells(text: str) -> int:
    """Terminal cells ``text`` takes, as Rich counts them, without adding it to Rich's cache.

    Rich remembers the last 4,096 strings it measured; the overall line is a new string every
    second, so measuring it there would fill that cache in an hour and then churn it (half a
    megabyte of strings nobody asks for again). Only a joiner or variation selector needs
    Rich's full rules.
    """
    if text.isascii() and text.isprintable():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return cell_len(text)
    return sum(map(get_character_cell_size, text))


@lru_cache(maxsize=128)
def _strip(text: str, width: int, align: str, style: Style) -> Strip:
    if cells(text) > width:
        text = set_cell_size(text, width)  # wide characters that fit_lines counted as one
    spare = width - cells(text)
    if align == "center":
        left = spare // 2
    elif align in ("right", "end"):
        left = spare
    else:
        left = 0
    paper = Style(bgcolor=style.bgcolor)  # alignment space, as Textual pads text
    segments = [Segment(text, style)]  # kept when empty: the same strip as Textual's own
    if left:
        segments.insert(0, Segment(" " * left, paper))
    if spare - left:
        segments.append(Segment(" " * (spare - left), paper))
    return Strip(segments, width)


class Line(Widget):
    """A single plain-text line; setting ``text`` repaints it and nothing else.

    It never wraps: text wider than the line ends in "…" after its last whole word. It follows
    ``text-align`` and, in a taller box, ``content-align`` (the band centres its labels).
    """

    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 100%;
    }
    """

    text: reactive[str] = reactive("", layout=False)
    """What the line says (plain text, never markup)."""

    def __init__(self, *, name_first: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.name_first = name_first
        """A "Name · facts" line: the name yields first when it is cut (``fit_name_first``)."""

    def shown(self) -> str:
        """The text as drawn: control characters made visible, fitted to the width."""
        text = visible(self.text).replace("\n", " ")
        width = self.content_region.width
        if width and len(text) > width:
            text = fit_name_first(text, width) if self.name_first else fit_line(text, width)
        return text

    def render_line(self, y: int) -> Strip:
        """The text on its row (top, or middle/bottom by ``content-align``), blank elsewhere."""
        width, height = self.content_region.size
        styles = self.styles
        horizontal, vertical = styles.content_align
        if vertical == "middle":
            row = (height - 1) // 2
        elif vertical == "bottom":
            row = height - 1
        else:
            row = 0
        # visual_style is cached by Textual until the styles change (rich_style is not).
        style = self.visual_style.rich_style
        if y != row:
            return Strip.blank(width, style)
        align = styles.text_align
        if align in ("left", "start", "justify"):
            align = horizontal
        return _strip(self.shown(), width, align, style)
