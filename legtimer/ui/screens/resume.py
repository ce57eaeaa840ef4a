"""Before a workout: an interrupted one can be picked up where it stopped."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from legtimer.ui.text import plain


class ResumeChoice(Enum):
    """What the person chose."""

    RESUME = "resume"
    START_OVER = "start over"
    QUIT = "quit"


class ResumePrompt(ModalScreen[ResumeChoice]):
    """r or enter resumes (when the place still exists), s starts over, q quits."""

    BINDINGS = [
        Binding("r,enter", "choose('RESUME')", "Resume"),
        Binding("s", "choose('START_OVER')", "Start over"),
        Binding("q,escape", "choose('QUIT')", "Quit"),
    ]

    def __init__(self, question: str, can_resume: bool = True) -> None:
        super().__init__()
        self.question = question
        self.can_resume = can_resume

    def compose(self) -> ComposeResult:
        """The question and the keys."""
        answers = "r / enter: resume     s: start over     q: quit"
        if not self.can_resume:
            answers = "s: start over     q: quit"
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="question")
            yield Static(answers, id="answers", markup=False)

    def action_choose(self, choice: str) -> None:
        """Close with the answer (resume only where there is a place to resume)."""
        answer = ResumeChoice[choice]
        if answer is ResumeChoice.RESUME and not self.can_resume:
            return
        self.dismiss(answer)
