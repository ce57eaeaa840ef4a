"""What each form widget edits, and how its text becomes a TOML value and back.

Which fields exist, and what kind each is, comes from the field schema: the routine, its
defaults, an exercise, a block and a per-set row each get their form from their own table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from legtimer.core.loader_variants import OWN_KEYS
from legtimer.core.routine import Section
from legtimer.core.schema import Field, Kind, Table, fields_in


class Scope(Enum):
    """Where in the draft a value lives: the routine, its defaults, the selected entry, block or
    variant, or one row of the selected entry's per-set list."""

    ROUTINE = "routine"
    DEFAULTS = "defaults"
    ITEM = "item"
    BLOCK = "block"
    SET = "set"
    VARIANT = "variant"


class Widget(Enum):
    """How a field is edited."""

    LINE = "line"
    AREA = "area"
    """Wrapping multi-line text (a cue)."""
    CHECK = "check"
    YES_NO = "yes-no"
    TRISTATE = "tristate"
    """default / yes / no: a setting an entry may leave to [defaults]."""
    CHOICE = "choice"
    """One of a closed set (role, first_side); a variant may also leave it to its exercise."""


DEFAULT = "default"
"""The raw value of a choice left out of the file (to [defaults], or to a variant's exercise)."""
NONE = "none"
"""What a variant's text field says to be empty on purpose rather than its exercise's."""


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
            if self.scope in (Scope.BLOCK, Scope.VARIANT):
                # Left out means "as each exercise says" (or "as its exercise"): a block or a
                # variant may say yes or no on purpose.
                return Widget.TRISTATE
            if self.scope is not Scope.DEFAULTS and self.spec.default is True:
                # Left out means yes (progression): "default" keeps a file from gaining the key.
                return Widget.TRISTATE
            if self.scope is Scope.ITEM:
                return Widget.TRISTATE if self.spec.is_setting else Widget.CHECK
            return Widget.YES_NO
        if self.spec.kind is Kind.CHOICE:
            return Widget.CHOICE
        return Widget.AREA if self.spec.multiline else Widget.LINE

    @property
    def inherits(self) -> bool:
        """Left empty, the value is the exercise's: every key of a variant but its name and role."""
        return self.scope is Scope.VARIANT and self.key not in OWN_KEYS

    def options(self, inherited: str = "") -> list[tuple[str, str]]:
        """A choice widget's (shown, raw value) pairs; ``inherited`` is the exercise's value,
        shown on the first option of a variant's choice."""
        first = [(as_exercise(inherited), DEFAULT)] if self.inherits else []
        if self.widget is Widget.CHOICE:
            return [*first, *((choice, choice) for choice in self.spec.choices)]
        if self.widget is Widget.TRISTATE:
            return [*(first or [(DEFAULT, DEFAULT)]), ("yes", "yes"), ("no", "no")]
        return [("yes", "yes"), ("no", "no")]

    @property
    def placeholder(self) -> str:
        """Grey text in an empty field (a variant's shows its exercise's value instead)."""
        if self.inherits:
            return as_exercise()
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
VARIANT_FORM = _form(Scope.VARIANT, Table.VARIANT)
"""A variant's name and role, then every exercise key (empty: as its exercise)."""
SECTION_LABELS = {
    Section.WARMUP: "WARM-UP",
    Section.MAIN: "EXERCISE",
    Section.COOLDOWN: "COOL-DOWN",
}
SCOPE_OF_TABLE = {"routine": Scope.ROUTINE, "defaults": Scope.DEFAULTS}
"""Problems name tables as the file does; entries are matched by their position."""

Raw = dict[str, Any]
"""Field key -> what is in the widget (text, or a bool for a checkbox)."""


def as_exercise(value: str = "") -> str:
    """How a variant's empty field says it takes its exercise's value: "as exercise: 8-10"."""
    return f"as exercise: {value}" if value else "as exercise"


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
    if widget is Widget.CHOICE:
        # Outside a variant the default is left out too, so files stay as people write them.
        left_out = text in ("", DEFAULT) or (not ref.inherits and text == ref.spec.default)
        return None if left_out else text
    if not text.strip():
        return None
    kind = ref.spec.kind
    if ref.inherits and kind in (Kind.TEXT, Kind.TEXT_LIST) and text.strip().lower() == NONE:
        return [] if kind is Kind.TEXT_LIST else ""
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
        return DEFAULT if value is None else ("yes" if value else "no")
    if widget is Widget.CHOICE:
        if value is not None:
            return str(value)
        return DEFAULT if ref.inherits else str(ref.spec.default or "")
    if value is None:
        return ""
    if ref.inherits and ref.spec.kind in (Kind.TEXT, Kind.TEXT_LIST) and not value:
        return NONE
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


def table_of(
    form: tuple[FieldRef, ...], raw: Raw, originals: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The TOML table a form's raw values stand for (empty fields left out); a key in
    ``originals`` is written as it was loaded."""
    out = {}
    for ref in form:
        if originals and ref.key in originals:
            out[ref.key] = originals[ref.key]
        elif (value := to_value(ref, raw.get(ref.key, ""))) is not None:
            out[ref.key] = value
    return out


def originals_of(form: tuple[FieldRef, ...], table: dict[str, Any], raw: Raw) -> dict[str, Any]:
    """Values of ``table`` that their text in ``raw`` would not give back exactly (a list whose
    items hold commas, a text of spaces alone, a variant's text that reads "none"): kept as
    loaded until their field is edited, so opening and saving a file changes nothing."""
    return {
        ref.key: value
        for ref in form
        if (value := table.get(ref.key)) is not None and to_value(ref, raw.get(ref.key)) != value
    }


def without(originals: dict[str, Any], key: str) -> dict[str, Any]:
    """``originals`` less ``key``, as a new dict (entries and their copies share the old one)."""
    return {name: value for name, value in originals.items() if name != key}


AS_LOADED = "(as loaded)"
"""Where a per-set row keeps its originals: in the row, so they move and copy with it (no
routine key has this name)."""
