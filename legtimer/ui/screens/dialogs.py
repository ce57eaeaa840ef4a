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


class ConfirmQuit(ModalScreen[bool]):
    """Quitting mid-workout asks first: a stray key should not end a session."""

    BINDINGS = [
        Binding("y,q,enter", "answer(True)", "Quit"),
        Binding("n,escape", "answer(False)", "Keep going"),
    ]

    def compose(self) -> ComposeResult:
        """A short question with the two answers."""
        with Vertical(id="dialog"):
            yield Static("Quit this workout?", id="question")
            yield Static("y / q / enter: quit     n / esc: keep going", id="answers")

    def action_answer(self, quit_now: bool) -> None:
        """Close the dialog with the answer."""
        self.dismiss(quit_now)


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
