"""A yes/no question for the editor (the workout's quit and help dialogs have their own)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class Confirm(ModalScreen[bool]):
    """A yes/no question. Only y says yes; n, q, esc and enter say no.

    "No" is the default (what enter does) because the "yes" of these questions is the
    destructive choice: quit, discard, overwrite. A person backing out with q or esc is never
    taken as agreeing.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,q,escape,enter", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.answers = f"y: {yes}     n / q / esc / enter: {no}"

    def compose(self) -> ComposeResult:
        """A short question with the two answers."""
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            yield Static(self.answers, id="answers", markup=False)

    def action_answer(self, answer: bool) -> None:
        """Close the dialog with the answer."""
        self.dismiss(answer)
