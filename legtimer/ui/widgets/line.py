"""One line of text that changes often (elapsed time, rep count) without a layout pass."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from legtimer.ui.text import fit_lines, visible


class Line(Widget):
    """A single plain-text line; setting ``text`` repaints it and nothing else.

    It never wraps: text wider than the line ends in "…" after its last whole word.
    """

    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 100%;
    }
    """

    text: reactive[str] = reactive("", layout=False)
    """What the line says (plain text, never markup)."""

    def render(self) -> Content:
        """The text, control characters made visible, fitted to the width."""
        text = visible(self.text).replace("\n", " ")
        width = self.content_region.width
        if width and len(text) > width:
            text = (fit_lines(text, width, 1) or [""])[0]
        return Content(text)
