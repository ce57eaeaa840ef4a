"""`legtimer` with no routine: choose one, with a preview of its plan."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legtimer.core.durations import format_span
from legtimer.core.errors import RoutineError
from legtimer.core.loader import load_routine
from legtimer.core.plan import Plan, compile_plan
from legtimer.core.words import count, plan_lines
from legtimer.storage.library import RoutineEntry, find_routines
from legtimer.ui.messages import RoutineChosen
from legtimer.ui.text import plain
from legtimer.ui.widgets.footer import LeanFooter


@dataclass(frozen=True)
class Choice:
    """A routine file and either its plan or why it cannot be run."""

    entry: RoutineEntry
    plan: Plan | None
    problem: str = ""

    def label(self) -> str:
        """One line in the list."""
        if self.plan is None:
            return f"{self.entry.name}  (invalid)"
        routine = self.plan.routine
        return (
            f"{routine.name}  ·  {count(routine.main_count, 'exercise')}  ·  "
            f"{format_span(self.plan.total)}  ·  {self.entry.where}"
        )

    def preview(self) -> str:
        """The plan, as `legtimer plan` prints it, or the problems."""
        if self.plan is None:
            return f"{self.entry.path}\n\n{self.problem}"
        routine = self.plan.routine
        head = [routine.description, ""] if routine.description else []
        if routine.equipment:
            head += ["Equipment: " + ", ".join(routine.equipment), ""]
        return "\n".join(head + plan_lines(self.plan))


def load_choices() -> list[Choice]:
    """Every routine found, loaded; broken ones stay in the list with their error."""
    choices = []
    for entry in find_routines():
        try:
            choices.append(Choice(entry, compile_plan(load_routine(entry.path))))
        except RoutineError as exc:
            choices.append(Choice(entry, None, str(exc)))
    return choices


class PickerScreen(Screen[None]):
    """A list of routines on the left, the highlighted one's plan on the right."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit"), Binding("enter", "start", "Start")]

    def __init__(self) -> None:
        super().__init__()
        self.choices = load_choices()

    def compose(self) -> ComposeResult:
        """The list and the preview."""
        yield Static(" CHOOSE A ROUTINE ", id="picker-title")
        with Horizontal(id="picker"):
            yield OptionList(
                *[Option(plain(c.label()), id=str(i)) for i, c in enumerate(self.choices)],
                id="routines",
            )
            yield Static("", id="preview")
        yield LeanFooter()

    def on_mount(self) -> None:
        """Highlight the first routine."""
        options = self.query_one("#routines", OptionList)
        if self.choices:
            names = [choice.entry.name for choice in self.choices]
            first = names.index("runners") if "runners" in names else 0
            options.highlighted = first
            self._show(first)
        else:
            self.query_one("#preview", Static).update(
                "No routines found. Create one with: legtimer new NAME"
            )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted routine."""
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a routine starts it."""
        self._start(event.option_index)

    def action_start(self) -> None:
        """Start the highlighted routine."""
        highlighted = self.query_one("#routines", OptionList).highlighted
        if highlighted is not None:
            self._start(highlighted)

    def _show(self, index: int) -> None:
        self.query_one("#preview", Static).update(plain(self.choices[index].preview()))

    def _start(self, index: int) -> None:
        choice = self.choices[index]
        if choice.plan is None:
            self.notify(
                "This routine has problems; fix them first (legtimer check).", severity="error"
            )
            return
        self.post_message(RoutineChosen(choice.plan.routine))
