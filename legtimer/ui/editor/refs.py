"""What each form widget edits, and how its text becomes a TOML value and back.

Which fields exist, and what kind each is, comes from the field schema: the routine, its
defaults, an exercise, a block and a per-set row each get their form from their own table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from legtimer.core.routine import Section
from legtimer.core.schema import Field, Kind, Table, fields_in


class Scope(Enum):
    """Where in the draft a value lives: the routine, its defaults, the selected entry or block,
    or one row of the selected entry's per-set list."""

    ROUTINE = "routine"
    DEFAULTS = "defaults"
    ITEM = "item"
    BLOCK = "block"
    SET = "set"


class Widget(Enum):
    """How a field is edited."""

    LINE = "line"
    AREA = "area"
    """Wrapping multi-line text (a cue)."""
    CHECK = "check"
    YES_NO = "yes-no"
    TRISTATE = "tristate"
    """default / yes / no: a setting an entry may leave to [defaults]."""


@dataclass(frozen=True)
class FieldRef:
    """A typed reference from a form widget to the value it edits."""

    scope: Scope
    spec: Field

    @property
    def key(self) -> str:
        """The routine key."""
        return self.spec.key

    @property
    def widget_id(self) -> str:
        """A stable id for the widget (for tests and CSS; never parsed back)."""
        return f"{self.scope.value}-{self.spec.key}"

    @property
    def widget(self) -> Widget:
        """The kind of widget that edits this field."""
        if self.spec.kind is Kind.BOOLEAN:
            if self.scope is Scope.BLOCK:
                # Left out means "as each exercise says": a block may say yes or no on purpose.
                return Widget.TRISTATE
            if self.scope is not Scope.DEFAULTS and self.spec.default is True:
                # Left out means yes (progression): "default" keeps a file from gaining the key.
                return Widget.TRISTATE
            if self.scope is Scope.ITEM:
                return Widget.TRISTATE if self.spec.is_setting else Widget.CHECK
            return Widget.YES_NO
        return Widget.AREA if self.spec.multiline else Widget.LINE

    @property
    def placeholder(self) -> str:
        """Grey text in an empty field."""
        if self.scope is Scope.ITEM and self.spec.is_setting:
            return "from defaults"
        if self.scope is Scope.BLOCK and self.key == "rest_after":
            return "from defaults (rest after exercise)"
        if self.scope is Scope.BLOCK and self.key in ("every", "time_cap"):
            return "off"
        return ""


def _form(scope: Scope, table: Table) -> tuple[FieldRef, ...]:
    return tuple(FieldRef(scope, spec) for spec in fields_in(table).values())


ROUTINE_FORM = _form(Scope.ROUTINE, Table.ROUTINE)
DEFAULTS_FORM = _form(Scope.DEFAULTS, Table.DEFAULTS)
ITEM_FORM = _form(Scope.ITEM, Table.EXERCISE)
BLOCK_FORM = _form(Scope.BLOCK, Table.BLOCK)
SET_FORM = tuple(sorted(_form(Scope.SET, Table.SET), key=lambda ref: ref.key == "note"))
"""A per-set row's columns: reps, duration, load, rest, then the note (prose reads best last)."""
ITEM_KEYS = frozenset(ref.key for ref in ITEM_FORM)
SECTION_LABELS = {
    Section.WARMUP: "WARM-UP",
    Section.MAIN: "EXERCISE",
    Section.COOLDOWN: "COOL-DOWN",
}
SCOPE_OF_TABLE = {"routine": Scope.ROUTINE, "defaults": Scope.DEFAULTS}
"""Problems name tables as the file does; entries are matched by their position."""

Raw = dict[str, Any]
"""Field key -> what is in the widget (text, or a bool for a checkbox)."""

_RANGE = re.compile(r"^\s*\[?\s*(\d+)\s*(?:-|,|to)\s*(\d+)\s*\]?\s*$")
_CHOICE = {"yes": True, "no": False}


def to_value(ref: FieldRef, raw: Any) -> Any:
    """Widget content -> TOML value; None means "leave the key out"."""
    widget = ref.widget
    if widget is Widget.CHECK:
        return True if raw else None
    text = str(raw)
    if widget in (Widget.TRISTATE, Widget.YES_NO):
        return _CHOICE.get(text)
    if not text.strip():
        return None
    kind = ref.spec.kind
    if kind is Kind.TEXT:
        return text
    if kind is Kind.TEXT_LIST:
        return [part.strip() for part in text.split(",") if part.strip()]
    stripped = text.strip()
    if kind is Kind.REPS and (found := _RANGE.match(stripped)):
        return [int(found.group(1)), int(found.group(2))]
    numeric = (Kind.WHOLE, Kind.SETS, Kind.REPS, Kind.DURATION, Kind.NUMBER)
    if kind in numeric and re.fullmatch(r"-?\d+", stripped):
        return int(stripped)
    if kind in (Kind.NUMBER, Kind.DURATION) and re.fullmatch(r"-?\d+\.\d*", stripped):
        return float(stripped)
    return text


def to_raw(ref: FieldRef, value: Any) -> Any:
    """TOML value -> widget content."""
    widget = ref.widget
    if widget is Widget.CHECK:
        return bool(value)
    if widget in (Widget.TRISTATE, Widget.YES_NO):
        return "default" if value is None else ("yes" if value else "no")
    if value is None:
        return ""
    if ref.spec.kind is Kind.TEXT_LIST:
        return ", ".join(value)
    if ref.spec.kind is Kind.REPS and isinstance(value, list):
        return f"{value[0]}-{value[1]}"
    if ref.spec.kind is Kind.SETS and isinstance(value, list):
        return str(len(value))
    return str(value)


def blank(form: tuple[FieldRef, ...]) -> Raw:
    """Every field of a form, empty."""
    return {ref.key: to_raw(ref, None) for ref in form}


def table_of(form: tuple[FieldRef, ...], raw: Raw) -> dict[str, Any]:
    """The TOML table a form's raw values stand for (empty fields left out)."""
    return {
        ref.key: value for ref in form if (value := to_value(ref, raw.get(ref.key, ""))) is not None
    }
