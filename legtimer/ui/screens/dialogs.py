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
    ("b", "back: restart the step, or the previous one if under 3 s in"),
    ("enter / d", "done: end a set that waits for you"),
    ("+ / -", "add / remove 10 seconds"),
    ("m", "mute / unmute"),
    ("?", "this help"),
    ("q", "quit (asks first)"),
    ("ctrl+q", "quit at once"),
    ("ctrl+p", "command palette (actions, theme)"),
)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y, q or enter say yes; n or escape say no."""

    BINDINGS = [
        Binding("y,q,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.answers = f"y / q / enter: {yes}     n / esc: {no}"

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
