"""The key table, made from the bindings themselves so it can never disagree with them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from legtimer.ui.keys import help_lines


class KeysHelp(ModalScreen[None]):
    """Shown over a paused workout; any of ?, escape, q, enter or space closes it."""

    BINDINGS = [Binding("question_mark,escape,q,enter,space", "close", "Close")]

    def compose(self) -> ComposeResult:
        """Keys and what they do, and how to get back."""
        lines = "\n".join(f"{keys:<10}  {what}" for keys, what in help_lines())
        with Vertical(id="dialog"):
            yield Static("Keys  (the workout is paused)", id="question")
            yield Static(lines, id="keys", markup=False)
            yield Static("? or esc: back to the workout", id="answers", markup=False)

    def action_close(self) -> None:
        """Back to the workout."""
        self.dismiss(None)
