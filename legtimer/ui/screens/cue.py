"""The whole form cue over the workout (`c`): the screen shows only what fits, this shows all."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from legtimer.ui.text import plain


class CueOverlay(ModalScreen[None]):
    """An exercise's cue, benefit and options; the workout carries on underneath."""

    BINDINGS = [Binding("c,escape,q,enter,space", "close", "Close")]

    def __init__(self, title: str, cue: str, meta: str) -> None:
        super().__init__()
        self.title_text = title
        self.cue = cue
        self.meta = meta

    def compose(self) -> ComposeResult:
        """Name, cue, the rest, and how to get back."""
        with VerticalScroll(id="dialog"):
            yield Static(plain(self.title_text or "No exercise"), id="question")
            yield Static(plain(self.cue or "No cue for this exercise."), id="cue-text")
            if self.meta:
                yield Static(plain(self.meta), id="cue-meta")
            yield Static("c or esc: back to the workout (it keeps running)", id="answers")

    def action_close(self) -> None:
        """Back to the workout."""
        self.dismiss(None)
