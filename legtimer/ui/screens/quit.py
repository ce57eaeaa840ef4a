"""Quitting mid-workout asks first, and offers the summary: a stray key never ends a session."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class QuitChoice(Enum):
    """What the person chose."""

    KEEP_GOING = "keep going"
    SUMMARY = "quit and see the summary"
    LEAVE = "quit now"


class QuitWorkout(ModalScreen[QuitChoice]):
    """Keep going (the default: enter, esc, n or q), see the summary (s), or quit now (y)."""

    BINDINGS = [
        Binding("n,q,escape,enter", "choose('KEEP_GOING')", "Keep going"),
        Binding("s", "choose('SUMMARY')", "Summary"),
        Binding("y", "choose('LEAVE')", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        """The question and its three answers."""
        with Vertical(id="dialog"):
            yield Static("Quit this workout? It is saved and can be resumed.", id="question")
            yield Static(
                "enter / esc / n: keep going     s: quit and see the summary     y: quit now",
                id="answers",
                markup=False,
            )

    def action_choose(self, choice: str) -> None:
        """Close with the answer."""
        self.dismiss(QuitChoice[choice])
