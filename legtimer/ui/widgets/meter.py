"""A one-line progress bar that only repaints when its filled width changes."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Meter(Widget):
    """A bar filled to a fraction (0..1) of its width."""

    DEFAULT_CSS = """
    Meter {
        height: 1;
        color: $accent;
        background: $boost;
    }
    """

    filled: reactive[float] = reactive(0.0, layout=False)
    """The fraction shown, kept only to whole cells so a countdown does not repaint it."""

    def show(self, fraction: float) -> None:
        """Fill to ``fraction``; repaints only when a cell more or less is filled."""
        fraction = max(0.0, min(1.0, fraction))
        width = max(1, self.content_region.width)
        if round(fraction * width) != round(self.filled * width):
            self.filled = fraction

    def render(self) -> Content:
        """Full cells for the done part, a thin line for the rest."""
        width = self.content_region.width
        cells = round(self.filled * width)
        return Content("\u2588" * cells + "\u2500" * (width - cells))
