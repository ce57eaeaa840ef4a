"""The editor's working copy: what the person typed, field by field, and what it means.

Raw text is kept exactly as typed (so a half-typed "1m3" stays on screen); it becomes TOML
values only to be checked by the same loader `legtimer check` uses, which is where every
message comes from.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex
from legtimer.core.loader import routine_from_data
from legtimer.core.routine import SETTING_NAMES, Routine, Section
from legtimer.core.writer import defaults_table, exercise_table

TEXT, INT, REPS, DURATION, NUMBER, FLAG, TRISTATE, LIST = (
    "text",
    "int",
    "reps",
    "duration",
    "number",
    "flag",
    "tristate",
    "list",
)

HEAD_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", TEXT),
    ("description", "Description", TEXT),
    ("rounds", "Rounds (circuit)", INT),
    ("rest_between_rounds", "Rest between rounds", DURATION),
)
SETTING_KINDS = {
    "get_ready": DURATION,
    "rest": DURATION,
    "rest_after": DURATION,
    "switch_sides": DURATION,
    "seconds_per_rep": NUMBER,
    "manual": TRISTATE,
    "countdown": INT,
    "halfway": TRISTATE,
    "rep_beat": TRISTATE,
}
SETTING_LABELS = {
    "get_ready": "Get ready",
    "rest": "Rest between sets",
    "rest_after": "Rest after exercise",
    "switch_sides": "Switch sides",
    "seconds_per_rep": "Seconds per rep",
    "manual": "Manual (press done)",
    "countdown": "Countdown ticks",
    "halfway": "Halfway cue",
    "rep_beat": "Rep beat",
}
EXERCISE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", TEXT),
    ("sets", "Sets", INT),
    ("reps", "Reps (10 or 15-20)", REPS),
    ("duration", "Duration (or reps)", DURATION),
    ("per_side", "Per side", FLAG),
    ("cue", "Form cue", TEXT),
    ("benefit", "Benefit", TEXT),
    ("equipment", "Equipment (comma-separated)", LIST),
    ("easier", "Easier", TEXT),
    ("harder", "Harder", TEXT),
    *((name, SETTING_LABELS[name], SETTING_KINDS[name]) for name in SETTING_NAMES),
)
SECTION_LABELS = {
    Section.WARMUP: "WARM-UP",
    Section.MAIN: "EXERCISE",
    Section.COOLDOWN: "COOL-DOWN",
}

Raw = dict[str, Any]
"""Field key -> what is in the widget (text, or a bool for a checkbox)."""

_RANGE = re.compile(r"^\s*\[?\s*(\d+)\s*(?:-|,|to)\s*(\d+)\s*\]?\s*$")


def to_value(kind: str, raw: Any) -> Any:
    """Widget content -> TOML value; None means "leave the key out"."""
    if kind == FLAG:
        return True if raw else None
    text = str(raw)
    if kind == TRISTATE:
        return {"yes": True, "no": False}.get(text)
    if not text.strip():
        return None
    if kind == TEXT:
        return text
    if kind == LIST:
        return [part.strip() for part in text.split(",") if part.strip()]
    stripped = text.strip()
    if kind == REPS:
        found = _RANGE.match(stripped)
        if found:
            return [int(found.group(1)), int(found.group(2))]
    if kind in (INT, REPS, DURATION, NUMBER) and re.fullmatch(r"-?\d+", stripped):
        return int(stripped)
    if kind in (NUMBER, DURATION) and re.fullmatch(r"-?\d+\.\d*", stripped):
        return float(stripped)
    return text


def to_raw(kind: str, value: Any) -> Any:
    """TOML value -> widget content."""
    if kind == FLAG:
        return bool(value)
    if kind == TRISTATE:
        return "default" if value is None else ("yes" if value else "no")
    if value is None:
        return ""
    if kind == LIST:
        return ", ".join(value)
    if kind == REPS and isinstance(value, list):
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

    def table(self) -> dict[str, Any]:
        """The TOML table this raw form stands for."""
        out: dict[str, Any] = {}
        for key, _label, kind in EXERCISE_FIELDS:
            original = self.lists.get(key)
            if original is not None and self.raw.get(key) == to_raw(kind, original):
                out[key] = list(original)
                continue
            value = to_value(kind, self.raw.get(key, ""))
            if value is not None:
                out[key] = value
        return out

    def label(self) -> str:
        """The line in the list: "EXERCISE · Clamshells"."""
        name = str(self.raw.get("name", "")).strip() or "(no name)"
        return f"{SECTION_LABELS[self.section]} · {name}"


def item_from_table(section: Section, table: dict[str, Any]) -> Item:
    """An item whose raw fields show ``table``'s values."""
    raw = {key: to_raw(kind, table.get(key)) for key, _l, kind in EXERCISE_FIELDS}
    lists = {
        key: list(table[key])
        for key, _l, kind in EXERCISE_FIELDS
        if kind == LIST and table.get(key)
    }
    return Item(section, raw, lists)


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
        from legtimer.core.durations import format_duration

        head_values: dict[str, Any] = {
            "name": routine.name,
            "description": routine.description,
            "rounds": routine.rounds if routine.rounds != 1 else None,
            "rest_between_rounds": (
                format_duration(routine.rest_between_rounds)
                if routine.rest_between_rounds
                else None
            ),
        }
        head = {key: to_raw(kind, head_values.get(key)) for key, _l, kind in HEAD_FIELDS}
        head["source"] = routine.source
        defaults = {
            key: to_raw(SETTING_KINDS[key], value)
            for key, value in defaults_table(routine.defaults).items()
        }
        items = [
            item_from_table(section, exercise_table(exercise))
            for section in Section
            for exercise in routine.section(section)
        ]
        return cls(head, defaults, items, dict(routine.sounds))

    def data(self) -> dict[str, Any]:
        """The TOML document this draft stands for."""
        head = {
            key: value
            for key, _l, kind in HEAD_FIELDS
            if (value := to_value(kind, self.head.get(key, ""))) is not None
        }
        if self.head.get("source"):
            head["source"] = self.head["source"]
        defaults = {}
        for key in SETTING_NAMES:
            kind = SETTING_KINDS[key]
            raw = self.defaults.get(key, "")
            value = (
                to_value(kind, raw)
                if kind != TRISTATE
                else {"yes": True, "no": False}.get(str(raw))
            )
            if value is not None:
                defaults[key] = value
        out: dict[str, Any] = {"routine": head, "defaults": defaults}
        if self.sounds:
            out["sounds"] = dict(self.sounds)
        for section in Section:
            tables = [item.table() for item in self.items if item.section is section]
            if tables:
                out[section.value] = tables
        return out

    def check(self, path: str | None) -> tuple[Routine | None, list[Problem]]:
        """The routine this draft makes, or every problem with it (as `legtimer check`)."""
        try:
            return routine_from_data(
                copy.deepcopy(self.data()), LineIndex(), path or "<new>", path
            ), []
        except RoutineError as exc:
            return None, exc.problems

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

    def add(self, index: int | None, section: Section = Section.MAIN) -> int:
        """A new item after ``index`` (in its section), or at the end of ``section``."""
        if index is not None and 0 <= index < len(self.items):
            section = self.items[index].section
            at = index + 1
        else:
            at = max(
                (
                    i + 1
                    for i, item in enumerate(self.items)
                    if list(Section).index(item.section) <= list(Section).index(section)
                ),
                default=0,
            )
        raw = item_from_table(section, {"name": "New exercise", "sets": 3, "reps": 10}).raw
        self.items.insert(at, Item(section, raw))
        return at

    def duplicate(self, index: int) -> int:
        """A copy of the item right after it."""
        original = self.items[index]
        self.items.insert(
            index + 1, Item(original.section, dict(original.raw), copy.deepcopy(original.lists))
        )
        return index + 1

    def delete(self, index: int) -> int:
        """Remove an item; returns the index to select next (-1 when none are left)."""
        del self.items[index]
        return min(index, len(self.items) - 1)
