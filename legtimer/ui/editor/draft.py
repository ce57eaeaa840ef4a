"""The editor's working copy: what the person typed, field by field, and what it means.

Raw text is kept exactly as typed (so a half-typed "1m3" stays on screen); it becomes TOML
values only to be checked by the same loader `legtimer check` uses, which is where every
message comes from. Which fields exist, and what kind each is, comes from the field schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex
from legtimer.core.loader import routine_from_data
from legtimer.core.routine import Routine, Section
from legtimer.core.schema import Field, Kind, Table, fields_in
from legtimer.core.writer import exercise_table, routine_data


class Scope(Enum):
    """Where in the draft a value lives: the routine, its defaults, or the selected entry."""

    ROUTINE = "routine"
    DEFAULTS = "defaults"
    ITEM = "item"


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
        return "from defaults" if self.scope is Scope.ITEM and self.spec.is_setting else ""


def _form(scope: Scope, table: Table) -> tuple[FieldRef, ...]:
    return tuple(FieldRef(scope, spec) for spec in fields_in(table).values())


ROUTINE_FORM = _form(Scope.ROUTINE, Table.ROUTINE)
DEFAULTS_FORM = _form(Scope.DEFAULTS, Table.DEFAULTS)
ITEM_FORM = _form(Scope.ITEM, Table.EXERCISE)
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
    return str(value)


@dataclass
class Item:
    """One warm-up, exercise or cool-down entry being edited."""

    section: Section
    raw: Raw
    lists: dict[str, list[str]] = field(default_factory=dict)
    """Lists as loaded: an item may itself contain a comma, so while the text shown is
    unchanged the original list is kept rather than split again."""
    _table: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def table(self) -> dict[str, Any]:
        """The TOML table this raw form stands for (kept until a field of it changes)."""
        if self._table is None:
            out: dict[str, Any] = {}
            for ref in ITEM_FORM:
                original = self.lists.get(ref.key)
                if original is not None and self.raw.get(ref.key) == to_raw(ref, original):
                    out[ref.key] = list(original)
                    continue
                value = to_value(ref, self.raw.get(ref.key, ""))
                if value is not None:
                    out[ref.key] = value
            self._table = out
        return self._table

    def set(self, key: str, value: Any) -> None:
        """Change one raw field."""
        self.raw[key] = value
        self._table = None

    def copy(self) -> Item:
        """An independent copy (its cached table may be shared: it is never mutated)."""
        lists = {key: list(value) for key, value in self.lists.items()}
        return Item(self.section, dict(self.raw), lists, self._table)

    def name(self) -> str:
        """The entry's name as typed, or "(no name)"."""
        return str(self.raw.get("name", "")).strip() or "(no name)"

    def label(self) -> str:
        """The line in the list: "EXERCISE · Clamshells"."""
        return f"{SECTION_LABELS[self.section]} · {self.name()}"


def item_from_table(section: Section, table: dict[str, Any]) -> Item:
    """An item whose raw fields show ``table``'s values."""
    raw = {ref.key: to_raw(ref, table.get(ref.key)) for ref in ITEM_FORM}
    lists = {
        ref.key: list(table[ref.key])
        for ref in ITEM_FORM
        if ref.spec.kind is Kind.TEXT_LIST and table.get(ref.key)
    }
    return Item(section, raw, lists)


def new_item(section: Section) -> Item:
    """A fresh entry for ``section``: named, and valid as it stands."""
    table: dict[str, Any] = {"name": "New exercise", "sets": 3, "reps": 10}
    if section is not Section.MAIN:
        table = {"name": f"New {SECTION_LABELS[section].lower()}", "duration": 30}
    return item_from_table(section, table)


Snapshot = tuple[Raw, Raw, list[Item]]


@dataclass
class Draft:
    """The whole routine being edited."""

    head: Raw
    defaults: Raw
    items: list[Item]
    sounds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_routine(cls, routine: Routine) -> Draft:
        """A draft showing a loaded routine."""
        data = routine_data(routine)
        head = {ref.key: to_raw(ref, data["routine"].get(ref.key)) for ref in ROUTINE_FORM}
        defaults = {ref.key: to_raw(ref, data["defaults"].get(ref.key)) for ref in DEFAULTS_FORM}
        for ref in DEFAULTS_FORM:
            if ref.key not in data["defaults"]:
                defaults[ref.key] = to_raw(ref, ref.spec.default)
        items = [
            item_from_table(section, exercise_table(exercise))
            for section in Section
            for exercise in routine.section(section)
        ]
        return cls(head, defaults, items, dict(routine.sounds))

    def raw(self, scope: Scope, index: int | None) -> Raw | None:
        """The raw values a scope's widgets show (None: no entry is selected)."""
        if scope is Scope.ROUTINE:
            return self.head
        if scope is Scope.DEFAULTS:
            return self.defaults
        if index is not None and 0 <= index < len(self.items):
            return self.items[index].raw
        return None

    def set(self, ref: FieldRef, index: int | None, value: Any) -> bool:
        """Store a widget's value; False when nothing changed."""
        raw = self.raw(ref.scope, index)
        if raw is None or raw.get(ref.key) == value:
            return False
        if ref.scope is Scope.ITEM and index is not None:
            self.items[index].set(ref.key, value)
        else:
            raw[ref.key] = value
        return True

    def data(self) -> dict[str, Any]:
        """The TOML document this draft stands for."""
        head = {
            ref.key: value
            for ref in ROUTINE_FORM
            if (value := to_value(ref, self.head.get(ref.key, ""))) is not None
        }
        defaults = {
            ref.key: value
            for ref in DEFAULTS_FORM
            if (value := to_value(ref, self.defaults.get(ref.key, ""))) is not None
            and (ref.spec.is_setting or value != ref.spec.default)
        }
        out: dict[str, Any] = {"routine": head, "defaults": defaults}
        if self.sounds:
            out["sounds"] = dict(self.sounds)
        for section in Section:
            tables = [item.table() for item in self.items if item.section is section]
            if tables:
                out[section.value] = tables
        return out

    def check(self, data: dict[str, Any], path: str | None) -> tuple[Routine | None, list[Problem]]:
        """The routine ``data`` makes, or every problem with it (as `legtimer check`).

        Sound files are not read here (the editor cannot change them; saving checks them), so
        a keystroke never touches the disk.
        """
        try:
            routine = routine_from_data(data, LineIndex(), path or "<new>", None)
        except RoutineError as exc:
            return None, exc.problems
        return routine._replace(path=path), []

    def snapshot(self) -> Snapshot:
        """Everything an undo needs to put back."""
        return dict(self.head), dict(self.defaults), [item.copy() for item in self.items]

    def restore(self, snapshot: Snapshot) -> None:
        """Put a snapshot back (it stays usable for a redo)."""
        head, defaults, items = snapshot
        self.head, self.defaults = dict(head), dict(defaults)
        self.items = [item.copy() for item in items]

    def position(self, index: int) -> tuple[str, int]:
        """(section key, index within the section) of items[index], as problems name it."""
        item = self.items[index]
        within = sum(1 for other in self.items[:index] if other.section is item.section)
        return item.section.value, within

    def move(self, index: int, step: int) -> int:
        """Move an item up or down within its section; returns its new index."""
        target = index + step
        if not 0 <= target < len(self.items):
            return index
        if self.items[target].section is not self.items[index].section:
            return index
        self.items[index], self.items[target] = self.items[target], self.items[index]
        return target

    def add(self, index: int | None, section: Section | None = None) -> int:
        """A new item: after ``index`` in its section, or at the end of ``section``."""
        if section is None:
            if index is not None and 0 <= index < len(self.items):
                at, section = index + 1, self.items[index].section
            else:
                section = Section.MAIN
                at = self._end_of(section)
        else:
            at = self._end_of(section)
        self.items.insert(at, new_item(section))
        return at

    def _end_of(self, section: Section) -> int:
        order = list(Section)
        return sum(1 for item in self.items if order.index(item.section) <= order.index(section))

    def duplicate(self, index: int) -> int:
        """A copy of the item right after it."""
        self.items.insert(index + 1, self.items[index].copy())
        return index + 1

    def delete(self, index: int) -> int:
        """Remove an item; returns the index to select next (-1 when none are left)."""
        del self.items[index]
        return min(index, len(self.items) - 1)
