"""The form rows of the editor: a label, the widget for the value, and its error line."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from legtimer.ui.editor.draft import FLAG, TRISTATE

TRISTATE_OPTIONS = [("default", "default"), ("yes", "yes"), ("no", "no")]
YES_NO_OPTIONS = [("yes", "yes"), ("no", "no")]


def field_row(
    prefix: str,
    key: str,
    label: str,
    kind: str,
    value: Any,
    allow_default: bool = True,
    placeholder: str = "",
) -> Vertical:
    """A labelled widget with an error line under it; ids are PREFIX+KEY and ...-error."""
    widget_id = f"{prefix}{key}"
    widget: Widget
    if kind == FLAG:
        widget = Checkbox(label, bool(value), id=widget_id, compact=True)
    elif kind == TRISTATE:
        options = TRISTATE_OPTIONS if allow_default else YES_NO_OPTIONS
        widget = Select(
            options,
            value=str(value) or options[0][1],
            allow_blank=False,
            id=widget_id,
            compact=True,
        )
    else:
        widget = Input(str(value), id=widget_id, placeholder=placeholder, compact=True)
    children: list[Widget] = [] if kind == FLAG else [Label(label, markup=False)]
    children += [widget, Static("", id=f"{widget_id}-error", classes="error -empty", markup=False)]
    return Vertical(*children, classes="field")


def widget_value(widget: Widget) -> Any:
    """What a form widget holds now."""
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, Select):
        return str(widget.value)
    if isinstance(widget, Input):
        return widget.value
    return None


def set_widget_value(widget: Widget, value: Any) -> None:
    """Show ``value`` in a form widget."""
    if isinstance(widget, Checkbox):
        widget.value = bool(value)
    elif isinstance(widget, Select):
        widget.value = str(value) or "default"
    elif isinstance(widget, Input):
        widget.value = str(value)
