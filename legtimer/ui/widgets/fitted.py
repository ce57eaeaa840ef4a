"""Text that fits the room it is given: never cut silently, never mid-word.

``Fitted`` wraps a cue (or any routine text) into as many lines as its region has, ending in
"…" at a word boundary when there is more; ``BigName`` draws a name in 3-row block letters
when there is room and it is asked to, and in ordinary text otherwise.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from legtimer.ui.bigtext import render_big
from legtimer.ui.text import fit_lines, fit_name_first


class Fitted(Widget):
    """Plain text wrapped to the region, with an optional bold ``label`` in front ("How: ")."""

    DEFAULT_CSS = """
    Fitted {
        height: 1fr;
        width: 100%;
    }
    """

    text: reactive[str] = reactive("", layout=False)
    """The text (plain, never markup)."""
    label: reactive[str] = reactive("", layout=False)
    """Shown bold before the text, counted in its width."""

    def __init__(self, label: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.set_reactive(Fitted.label, label)

    def lines(self, width: int, height: int) -> list[str]:
        """The lines shown in a region of ``width`` x ``height`` (label included)."""
        if not self.text:
            return []
        return fit_lines(self.label + self.text, width, height)

    def render(self) -> Content:
        """As many whole lines as fit, the last ending in "…" when cut."""
        width, height = self.content_region.size
        lines = self.lines(width, height)
        if not lines:
            return Content("")
        body = Content("\n".join(lines))
        if self.label and lines[0].startswith(self.label):
            body = body.stylize("bold", 0, len(self.label))
        return body

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """With ``height: auto``: every line of the text (a max-height still caps it)."""
        return len(self.lines(width, 1000)) if self.text else 0


class BigName(Widget):
    """A name in big letters when ``big`` is on and it fits in ``max_lines``, else plain."""

    DEFAULT_CSS = """
    BigName {
        height: auto;
        width: 100%;
        text-align: center;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("")
    """The name (plain text)."""
    big: reactive[bool] = reactive(False)
    """Draw in block letters when the name fits."""
    max_lines: reactive[int] = reactive(1)
    """Lines of block letters allowed (3 rows each, one blank row between)."""

    def _changed(self) -> None:
        """A new drawing; a layout only when the height follows it (``height: auto``).

        The workout's headline has a fixed height: a layout at every step would be wasted.
        """
        height = self.styles.height
        if height is None or height.is_auto:
            self.refresh(layout=True)

    watch_text = watch_big = watch_max_lines = _changed

    def rows(self, width: int, height: int | None = None) -> list[str]:
        """What is drawn at ``width``: block-letter rows, or the name in fitted lines."""
        if not self.text:
            return []
        if self.big:
            drawn = render_big(self.text, width, self.max_lines)
            if drawn and (height is None or len(drawn) <= height):
                return drawn
        lines = 1 if height is None else max(1, height)
        if lines == 1:  # a rest's "Name · set 1 of 2 skipped": the name yields first
            return [fit_name_first(self.text, width)]
        return fit_lines(self.text, width, lines)

    def render(self) -> Content:
        """Centred rows (text-align) of big or plain letters."""
        width, height = self.content_region.size
        return Content("\n".join(self.rows(width, height)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the drawing has."""
        return len(self.rows(width))
