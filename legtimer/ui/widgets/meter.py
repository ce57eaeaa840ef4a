"""A one-line progress bar that only repaints when its filled width changes."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Meter(Widget):
    """A bar filled to ``fraction`` (0..1)."""

    DEFAULT_CSS = """
    Meter {
        height: 1;
        color: $accent;
        background: $boost;
    }
    """

    fraction: reactive[float] = reactive(0.0, layout=False)
    """How full, from 0 to 1."""

    def render(self) -> Content:
        """Full cells for the done part, a thin line for the rest."""
        width = self.content_region.width
        filled = round(max(0.0, min(1.0, self.fraction)) * width)
        return Content("\u2588" * filled + "\u2500" * (width - filled))
