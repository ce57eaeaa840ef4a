"""Small modal dialogs: confirm quitting a workout, and the key help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("space", "pause / resume"),
    ("n", "next step (skip)"),
    ("backspace", "back: restart the step, or the previous one if under 3 s in"),
    ("enter / d", "done: end a set that waits for you"),
    ("+ / -", "add / remove 10 seconds"),
    ("m", "mute / unmute"),
    ("?", "this help"),
    ("q", "quit (asks first)"),
    ("ctrl+q", "quit at once"),
    ("ctrl+p", "command palette (actions, theme)"),
)


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


class ConfirmQuit(Confirm):
    """Quitting mid-workout asks first: a stray key should not end a session."""

    def __init__(self) -> None:
        super().__init__("Quit this workout?", "quit", "keep going")


class HelpScreen(ModalScreen[None]):
    """The key table, closed by any of ?, escape, q or enter."""

    BINDINGS = [Binding("question_mark,escape,q,enter,space", "close", "Close")]

    def compose(self) -> ComposeResult:
        """Keys and what they do."""
        lines = "\n".join(f"{key:<10}  {what}" for key, what in KEYS)
        with Vertical(id="dialog"):
            yield Static("Keys", id="question")
            yield Static(lines, id="keys", markup=False)

    def action_close(self) -> None:
        """Back to the workout."""
        self.dismiss(None)
