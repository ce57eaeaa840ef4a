"""The sets of an exercise or a variant: a number, or one row per set (reps, duration, rest,
load, note).

Rows are kept mounted and hidden when an exercise has fewer, so moving through a list of
exercises never rebuilds them. An empty cell takes the exercise's own value, shown grey in it.
The exercise form and the variant form each have their own rows; the exercise's keep the
plain ids ("set-0-reps"), the variant's are prefixed ("variant-set-0-reps").
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Static

from legtimer.ui.editor.fields import FieldInput, show_value
from legtimer.ui.editor.keys import SET_KEYS, bindings
from legtimer.ui.editor.refs import SET_FORM, FieldRef, Raw

COLUMN_TITLES = {"rest": "Rest after"}
"""Column titles that differ from the form's label (a set's rest comes after that set)."""


def column_title(ref: FieldRef) -> str:
    """ "Reps", "Duration", "Rest after", "Load", "Note"."""
    return COLUMN_TITLES.get(ref.key, ref.spec.label.split(" (")[0])


class SetCell(Input):
    """One value of one set; ``ref`` says which key, ``row`` which set (0-based)."""

    def __init__(self, ref: FieldRef, row: int, value: str, prefix: str = "") -> None:
        super().__init__(
            value,
            id=f"{prefix}set-{row}-{ref.key}",
            classes=f"set-cell -col-{ref.key}",
            compact=True,
            select_on_focus=False,
        )
        self.ref = ref
        self.row = row


class SetRow(Horizontal):
    """A set's number and its cells."""

    def __init__(self, row: int, values: Raw, prefix: str = "") -> None:
        self.cells = [SetCell(ref, row, str(values.get(ref.key, "")), prefix) for ref in SET_FORM]
        super().__init__(Label(f"{row + 1}", classes="set-number"), *self.cells, classes="set-row")


class SetGrid(Vertical):
    """One row per set; ctrl+n adds a set, ctrl+r removes one, up and down go between rows."""

    BINDINGS = bindings(SET_KEYS, "screen.")

    def __init__(self, form: str = "item") -> None:
        super().__init__(id=f"{form}-set-grid", classes="set-grid")
        self.prefix = "" if form == "item" else f"{form}-"
        self.rows: list[SetRow] = []
        self.display = False

    def show(self, rows: list[Raw] | None, placeholders: dict[str, str]) -> None:
        """Show these rows (None: hide the grid), each empty cell with its exercise's value.

        Nothing is mounted until an exercise has rows: a screen with fewer widgets answers a
        keystroke sooner.
        """
        if rows is None:
            if self.display:
                self.display = False
            return
        self.display = True
        if not self.children:
            titles = [
                Label(column_title(ref), classes=f"set-title -col-{ref.key}") for ref in SET_FORM
            ]
            self.mount(
                Static(
                    "empty: as the exercise says · ctrl+n add a set · ctrl+r remove one",
                    classes="hint",
                ),
                Horizontal(Label("Set", classes="set-number"), *titles, classes="set-row"),
            )
        while len(self.rows) < len(rows):
            row = SetRow(len(self.rows), rows[len(self.rows)], self.prefix)
            self.rows.append(row)
            self.mount(row)
        for number, row in enumerate(self.rows):
            shown = number < len(rows)
            if row.display != shown:
                row.display = shown
            if not shown:
                continue
            for cell in row.cells:
                show_value(cell, rows[number].get(cell.ref.key, ""))
                cell.placeholder = placeholders.get(cell.ref.key, "")

    def cell(self, row: int, key: str) -> SetCell | None:
        """The cell of set ``row`` for ``key`` (None when that row is not shown)."""
        if not 0 <= row < len(self.rows) or not self.rows[row].display:
            return None
        return next((cell for cell in self.rows[row].cells if cell.ref.key == key), None)

    def visible_cells(self) -> list[SetCell]:
        """Every cell of the rows shown, row by row."""
        return [cell for row in self.rows if row.display for cell in row.cells]


class PerSetToggle(Checkbox):
    """Ticked: the exercise has one row per set; unticked: a number of sets."""

    def __init__(self, form: str = "item") -> None:
        super().__init__(
            "one row per set", False, id=f"{form}-per-set", classes="per-set", compact=True
        )


def sets_row(count: FieldInput, toggle: PerSetToggle, grid: SetGrid) -> Vertical:
    """The sets field: its number and the toggle on one line, the rows, then its error line."""
    ref = count.ref
    error = Static("", id=f"{ref.widget_id}-error", classes="error -empty", markup=False)
    line = Horizontal(count, toggle, classes="sets-line")
    return Vertical(Label(ref.spec.label, markup=False), line, grid, error, classes="field")
