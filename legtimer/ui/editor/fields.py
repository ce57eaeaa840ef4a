"""The form rows of the editor: a label, the widget for the value, and its error line.

Each value widget carries the :class:`FieldRef` it edits, so a change is routed by that typed
reference, never by parsing the widget's id.
"""

from __future__ import annotations

from typing import Any, cast

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from legtimer.ui.editor.refs import DEFAULT, FieldRef
from legtimer.ui.editor.refs import Widget as Kind


class FieldInput(Input):
    """A one-line field; the cursor goes to the end on focus, nothing is selected."""

    def __init__(self, ref: FieldRef, value: Any) -> None:
        super().__init__(
            str(value),
            id=ref.widget_id,
            placeholder=ref.placeholder,
            compact=True,
            select_on_focus=False,
        )
        self.ref = ref


class FieldArea(TextArea):
    """Wrapping multi-line text for long prose (a cue)."""

    def __init__(self, ref: FieldRef, value: Any) -> None:
        super().__init__(
            str(value), id=ref.widget_id, soft_wrap=True, compact=True, tab_behavior="focus"
        )
        self.ref = ref


class FieldCheck(Checkbox):
    """A yes/no that has no default to fall back on (per_side)."""

    def __init__(self, ref: FieldRef, value: Any) -> None:
        super().__init__(ref.spec.label, bool(value), id=ref.widget_id, compact=True)
        self.ref = ref


class FieldChoice(Select[str]):
    """One of a closed set: yes / no, default / yes / no for a setting an entry may leave to
    [defaults], a role, a first side; a variant's first option is "as exercise (its value)"."""

    def __init__(self, ref: FieldRef, value: Any) -> None:
        options = ref.options()
        self._inherited = ""
        self.choices = options
        """(shown, raw value) of each choice, in order."""
        super().__init__(
            options,
            value=str(value) if str(value) in dict(options).values() else options[0][1],
            allow_blank=False,
            id=ref.widget_id,
            compact=True,
        )
        self.ref = ref

    def show_inherited(self, inherited: str) -> None:
        """Name the exercise's value on the "as exercise" option (a variant's field)."""
        if inherited == self._inherited:
            return
        self._inherited = inherited
        value = self.value
        with self.prevent(Select.Changed):
            self.choices = self.ref.options(inherited)
            self.set_options(self.choices)
            self.value = value
            # Redraw the shown choice even when it is the same value as before.
            self.mutate_reactive(_SELECT_VALUE)


_SELECT_VALUE = cast(Any, Select).value
"""Select's value reactive (the class attribute of a generic widget, typed once here)."""
FieldWidget = FieldInput | FieldArea | FieldCheck | FieldChoice


def make_widget(ref: FieldRef, value: Any) -> FieldWidget:
    """The widget that edits ``ref``, showing ``value`` from the start (so nothing "changes")."""
    if ref.widget is Kind.CHECK:
        return FieldCheck(ref, value)
    if ref.widget in (Kind.TRISTATE, Kind.YES_NO, Kind.CHOICE):
        return FieldChoice(ref, value)
    if ref.widget is Kind.AREA:
        return FieldArea(ref, value)
    return FieldInput(ref, value)


def field_row(widget: FieldWidget) -> Vertical:
    """A labelled widget with an error line under it (id: the widget's id + "-error")."""
    ref = widget.ref
    children: list[Widget] = []
    if not isinstance(widget, FieldCheck):
        children.append(Label(ref.spec.label, markup=False))
    error = Static("", id=f"{ref.widget_id}-error", classes="error -empty", markup=False)
    return Vertical(*children, widget, error, classes="field")


def show_value(widget: FieldWidget | Input, value: Any) -> None:
    """Show ``value`` in a form widget without it counting as a change by the person."""
    with widget.prevent(Input.Changed, TextArea.Changed, Checkbox.Changed, Select.Changed):
        if isinstance(widget, FieldCheck):
            widget.value = bool(value)
        elif isinstance(widget, FieldChoice):
            widget.value = str(value) or DEFAULT
        elif isinstance(widget, FieldArea):
            if widget.text != str(value):
                widget.load_text(str(value))
                widget.move_cursor(widget.document.end)
        else:
            widget.value = str(value)
            widget.cursor_position = len(widget.value)
