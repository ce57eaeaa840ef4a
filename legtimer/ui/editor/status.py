"""What the editor says of the draft after each check: the status line, and the error lines under
the fields (each updated only when its words change, so a keystroke redraws little)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.timer import Timer
from textual.widgets import Static

from legtimer.core.durations import format_clock
from legtimer.core.errors import Problem
from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine
from legtimer.ui.editor.problems import FORM_ERROR

TOTAL_DELAY = 0.15
"""Seconds after the last change before the total is planned again."""


def plural(count: int, word: str) -> str:
    """ "1 problem", "2 problems"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class StatusLine(Static):
    """The planned total of a valid draft and whether it is saved, or its first problem."""

    def __init__(self) -> None:
        super().__init__("", id="editor-status", markup=False)
        self._timer: Timer | None = None
        self._total_shown = False
        """A total is shown (so the next one can wait until typing pauses)."""
        self._valid: tuple[Routine, Callable[[], bool]] | None = None

    def show(
        self, routine: Routine | None, problems: list[Problem], dirty: Callable[[], bool]
    ) -> None:
        """Say what a check found. Planning a long routine takes longer than a keystroke may:
        a new total waits until typing pauses (the first one comes at once). ``dirty`` says
        whether there are unsaved changes (asked only when the total is shown)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if routine is not None:
            self._valid = (routine, dirty)
            if self.is_mounted and self._total_shown:
                self._timer = self.set_timer(TOTAL_DELAY, self.show_total)
            else:
                self.show_total()
            return
        first = problems[0]
        where = f"{first.where}: " if first.where else ""
        self.update(
            f"{plural(len(problems), 'problem')}, save is off: {where}{first.message}",
            layout=False,
        )
        self.set_class(True, "-bad")
        self._total_shown = False

    def show_total(self) -> None:
        """The line for a valid draft: its planned length, and whether it is saved."""
        self._timer = None
        if self._valid is None:
            return
        routine, dirty = self._valid
        plan = compile_plan(routine)
        unsaved = " · unsaved changes" if dirty() else ""
        self.update(
            f"Total {format_clock(plan.total)} · {plural(len(plan.steps), 'step')} · "
            f"no problems{unsaved}",
            layout=False,
        )
        self.set_class(False, "-bad")
        self._total_shown = True


class ErrorLines:
    """The error lines of a screen's form, by id; each is redrawn only when its words change."""

    def __init__(self, find: Callable[[], Iterable[Static]]) -> None:
        self._find = find
        self._lines: dict[str, Static] = {}
        self._shown: dict[str, str] = {}

    def forget(self) -> None:
        """Find the lines again next time (new fields were mounted)."""
        self._lines = {}

    def ids(self) -> dict[str, Static]:
        """The error lines by id, found once (a query walks every widget of the screen)."""
        if not self._lines:
            self._lines = {error.id or "": error for error in self._find()}
        return self._lines

    def show(self, messages: dict[str, list[str]]) -> None:
        """Put each line's messages under it; lines without any are hidden."""
        for name, error in self.ids().items():
            text = "\n".join(messages.get(name, []))
            if text != self._shown.get(name, ""):
                error.update(text)
                error.set_class(not text, "-empty")
                self._shown[name] = text

    def shown(self) -> dict[str, str]:
        """Widget id -> the error shown under it ("form-error" for the entry as a whole)."""
        return {
            name if name == FORM_ERROR else name.removesuffix("-error"): text
            for name, text in self._shown.items()
            if text
        }
