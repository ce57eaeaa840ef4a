"""Typed field readers that collect every problem instead of stopping at the first.

Which keys a table allows, their types, bounds and defaults all come from
:mod:`legtimer.core.schema`; this module only knows how to read each kind of value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from legtimer.core.durations import DURATION_HELP, MAX_STEP_SECONDS, parse_duration, type_name
from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex, TableId
from legtimer.core.routine import Overrides, Preferences, SetTarget, Settings
from legtimer.core.schema import SETTINGS, Field, Kind, Table, field, fields_in

Reader = Callable[["Report", TableId, "Where", Field, Any], Any]
"""How one kind of value is read: (report, table, where, field, value) -> value or None."""


class Place:
    """Where a table is, as messages name it: 'block 2 "Legs" exercise 1 "Squat"'.

    Put into words only when a problem is recorded there, so a good file never formats one:
    its kind ("block", "exercise", "set"...) and 1-based number, its name as written (said
    when it is text that is not blank), after the place of the table it sits in.
    """

    __slots__ = ("inside", "kind", "name", "number")

    def __init__(
        self, kind: str, number: int, name: object = None, inside: Where | None = None
    ) -> None:
        self.kind = kind
        self.number = number
        self.name = name
        self.inside = inside

    def __str__(self) -> str:
        text = f"{self.kind} {self.number}"
        if self.inside is not None:
            text = f"{self.inside} {text}"
        if isinstance(self.name, str) and self.name.strip():
            text += f' "{self.name}"'
        return text


Where = str | Place
"""How a problem's place is given: words, or a :class:`Place` put into words when needed."""


class Keys:
    """Some keys of a kind of table, each with its field and reader, worked out once at import.

    Reading a table with them costs a step per key the table holds, not per key it may hold.
    Given the NamedTuple class the table becomes (an Exercise, a Block...), what is read starts
    from that record's defaults in its field order, so ``Record._make(values.values())``
    builds it; without one, keys left out read as None.
    """

    __slots__ = ("by_key", "order", "required", "start")

    def __init__(self, fields: Iterable[Field], record: Any = None) -> None:
        self.order = tuple((spec.key, spec, _READERS[spec.kind]) for spec in fields)
        """(key, field, reader) in the schema's order."""
        self.by_key = {key: (spec, read) for key, spec, read in self.order}
        self.start: dict[str, Any] = (
            dict.fromkeys(self.by_key)
            if record is None
            else {name: record._field_defaults.get(name) for name in record._fields}
        )
        """What is read before any key is: each key left out keeps its value here."""
        self.required = tuple(key for key, spec, _ in self.order if spec.required)


class Report:
    """Collects problems for one file; readers return ``None`` after recording one."""

    def __init__(self, shown: str, lines: LineIndex) -> None:
        self.shown = shown
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, table: TableId, key: str | None, where: Where, message: str) -> None:
        """Record a problem at the line of ``key`` in ``table``."""
        line = self.lines.line_of(table, key)
        self.problems.append(Problem(self.shown, line, str(where), message, table, key))

    def raise_if_any(self) -> None:
        """Raise a RoutineError if anything was recorded, sorted by line."""
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: (p.line is None, p.line or 0))
            raise RoutineError(ordered)

    def unknown_key(
        self,
        table: TableId,
        key: str,
        allowed: Iterable[str],
        where: Where,
        kind: Table | None = None,
    ) -> None:
        """Unknown keys are errors, with a suggestion for near misses or where the idea belongs."""
        from legtimer.core.hints import ALIASES, belongs_elsewhere, suggest  # only when wrong

        allowed = list(allowed)
        belongs = belongs_elsewhere(key, kind)
        if belongs:
            self.add(table, key, where, f"unknown key '{key}'; {belongs}")
            return
        guess = ALIASES.get(key.lower()) if kind is Table.SET else None
        guess = guess or suggest(key, allowed)
        hint = f"did you mean '{guess}'?" if guess else f"allowed: {', '.join(allowed)}"
        if kind is Table.SET:
            hint += f" a set may have {', '.join(allowed)}"
        self.add(table, key, where, f"unknown key '{key}'; {hint}")

    def known_keys(self, table: TableId, where: Where, data: dict[str, Any], kind: Table) -> None:
        """Every key of ``data`` must be one the schema allows in this kind of table."""
        allowed = fields_in(kind)
        if allowed.keys() >= data.keys():
            return
        for key in data:
            if key not in allowed:
                self.unknown_key(table, key, allowed, where, kind)

    def value(self, table: TableId, where: Where, data: dict[str, Any], spec: Field) -> Any:
        """One key read as its schema says; None when it is absent or wrong (then recorded)."""
        value = data.get(spec.key)
        if value is None:
            if spec.required:
                self.add(table, None, where, f"missing '{spec.key}'; add {spec.key} = \"...\"")
            return None
        reader = _READERS[spec.kind]
        return reader(self, table, where, spec, value)

    def values(
        self, table: TableId, where: Where, data: dict[str, Any], keys: Keys
    ) -> dict[str, Any]:
        """Each of ``keys`` read as :meth:`value` does, problems recorded in the schema's order.

        A key left out, or wrong, keeps its value in ``keys.start``.
        """
        problems = self.problems
        before = len(problems)
        out = keys.start.copy()
        by_key = keys.by_key
        for key, value in data.items():
            found = by_key.get(key)
            if found is not None and value is not None:
                value = found[1](self, table, where, found[0], value)
                if value is not None:
                    out[key] = value
        for key in keys.required:
            if data.get(key) is None:
                break
        else:
            if len(problems) == before:
                return out
        # Something is wrong: read again key by key in the schema's order, so that problems
        # are recorded in the order (and so with the lines) they always have been.
        del problems[before:]
        out = keys.start.copy()
        get = data.get
        for key, spec, read in keys.order:
            value = get(key)
            if value is not None:
                value = read(self, table, where, spec, value)
                if value is not None:
                    out[key] = value
            elif spec.required:
                self.add(table, None, where, f"missing '{key}'; add {key} = \"...\"")
        return out

    def _text(self, table: TableId, where: Where, spec: Field, value: Any) -> str | None:
        if not isinstance(value, str):
            self.add(
                table, spec.key, where, f"{spec.key} must be text in quotes, not {type_name(value)}"
            )
            return None
        if spec.required and not value.strip():
            self.add(table, spec.key, where, f"{spec.key} must not be empty")
            return None
        return value

    def _whole(self, table: TableId, where: Where, spec: Field, value: Any) -> int | None:
        """A whole number within bounds (booleans and decimals refused)."""
        key = spec.key
        if not is_int(value):
            self.add(
                table,
                key,
                where,
                f"{key} must be a whole number from {spec.allowed()}, not {type_name(value)}",
            )
            return None
        if not within(spec, value):
            self.add(
                table, key, where, f"{key} = {value} is out of range; allowed: {spec.allowed()}"
            )
            return None
        return int(value)

    def _boolean(self, table: TableId, where: Where, spec: Field, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.add(
                table, spec.key, where, f"{spec.key} must be true or false, not {type_name(value)}"
            )
            return None
        return value

    def _duration(self, table: TableId, where: Where, spec: Field, value: Any) -> float | None:
        """A duration, zero allowed unless the schema says above zero; at most four hours."""
        key = spec.key
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            self.add(table, key, where, f"{key}: {exc}; allowed: {DURATION_HELP}")
            return None
        if spec.above_low and seconds <= 0:
            self.add(table, key, where, f"{key} must be longer than zero")
            return None
        if seconds > MAX_STEP_SECONDS:
            self.add(table, key, where, f'{key} is longer than 4 hours; allowed: up to "4h"')
            return None
        return seconds

    def _number(self, table: TableId, where: Where, spec: Field, value: Any) -> float | None:
        key = spec.key
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(
                table,
                key,
                where,
                f"{key} must be a number of seconds like 3 or 2.5, not {type_name(value)}",
            )
            return None
        if not within(spec, value):
            self.add(
                table, key, where, f"{key} = {value} is out of range; allowed: {spec.allowed()}"
            )
            return None
        return float(value)

    def _reps(
        self, table: TableId, where: Where, spec: Field, value: Any
    ) -> tuple[int, int] | None:
        if is_int(value) and within(spec, value):
            return (value, value)
        if (
            isinstance(value, list)
            and len(value) == 2
            and is_int(low := value[0])
            and is_int(high := value[1])
            and low <= high
            and within(spec, low)
            and within(spec, high)
        ):
            return (low, high)
        # Something is wrong with it: say what.
        allowed = (
            f"allowed: a whole number from {spec.low:g} to {spec.high:g}, or a range like [15, 20]"
        )
        if isinstance(value, str) and (found := _TEXT_RANGE.match(value)):
            low, high = found.group(1), found.group(2)
            fix = f"write reps = [{low}, {high}]" if high else f"write reps = {low}"
            self.add(table, "reps", where, f'reps = "{value}" is text; {fix}')
            return None
        if isinstance(value, list):
            if (
                len(value) >= 2
                and all(is_int(v) for v in value)
                and (len(value) > 2 or value[0] > value[1])
            ):
                # Reps that change each set, written as a list: never read as a range.
                each = ", ".join(f"{{ reps = {v} }}" for v in value)
                low, high = min(value), max(value)
                self.add(
                    table,
                    "reps",
                    where,
                    f"reps {value}: a range is [low, high], like [{low}, {high}]; "
                    f"reps that change each set are written sets = [{each}]",
                )
                return None
            if len(value) != 2 or not all(is_int(v) for v in value):
                self.add(
                    table,
                    "reps",
                    where,
                    f"a reps range must be two whole numbers [low, high]; {allowed}",
                )
                return None
            low, high = value
            if not (within(spec, low) and within(spec, high)):
                self.add(table, "reps", where, f"reps {value} is out of range; {allowed}")
                return None
            return (low, high)
        if not is_int(value):
            self.add(
                table,
                "reps",
                where,
                f"reps must be a whole number, not {type_name(value)}; {allowed}",
            )
            return None
        if not within(spec, value):
            self.add(table, "reps", where, f"reps = {value} is out of range; {allowed}")
            return None
        return (value, value)

    def _sets(
        self, table: TableId, where: Where, spec: Field, value: Any
    ) -> int | tuple[SetTarget, ...] | None:
        """A number of sets, or a list of per-set tables (each checked, all problems kept)."""
        if not isinstance(value, list):
            if is_int(value) and within(spec, value):
                return int(value)
            return self._whole(table, where, spec._replace(kind=Kind.WHOLE), value)
        if not value or not all(isinstance(item, dict) for item in value):
            self.add(
                table,
                "sets",
                where,
                "sets must be a whole number or a list of per-set tables, "
                'like sets = [{ reps = 5, load = "20 kg" }, { reps = 5, load = "40 kg" }]',
            )
            return None
        if spec.high is not None and len(value) > spec.high:
            self.add(
                table, "sets", where, f"sets lists {len(value)} sets; allowed: at most {spec.high}"
            )
            return None
        before = len(self.problems)
        targets = [
            self._set_target(table, Place("set", n, inside=where), item, n)
            for n, item in enumerate(value, 1)
        ]
        if len(self.problems) != before:
            return None
        return tuple(t for t in targets if t is not None)

    def _set_target(
        self, table: TableId, where: Where, data: dict[str, Any], number: int
    ) -> SetTarget | None:
        before = len(self.problems)
        if not _SET_TABLE_KEYS.issuperset(data):
            self.known_keys(table, where, data, Table.SET)
        read = self.values(table, where, data, _SET_KEYS)
        if read["reps"] is not None and read["duration"] is not None:
            self.add(table, "sets", where, "has both reps and duration; use exactly one")
        if len(self.problems) != before:
            # The keys of an inline table have no line of their own: point at its set's line.
            line = self.lines.item_line(table, "sets", number)
            for n in range(before, len(self.problems)):
                self.problems[n] = self.problems[n]._replace(line=line, key="sets")
            return None
        return SetTarget._make(read.values())

    def _choice(self, table: TableId, where: Where, spec: Field, value: Any) -> str | None:
        if value not in spec.choices:
            self.add(
                table,
                spec.key,
                where,
                f"{spec.key} must be {spec.allowed()}, not {value!r}"
                if isinstance(value, str)
                else f"{spec.key} must be {spec.allowed()}, not {type_name(value)}",
            )
            return None
        return str(value)

    def _text_list(
        self, table: TableId, where: Where, spec: Field, value: Any
    ) -> tuple[str, ...] | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(
                table,
                spec.key,
                where,
                f'{spec.key} must be a list of text, like ["kettlebell", "mat"]',
            )
            return None
        return tuple(value)

    def _sound_file(self, table: TableId, where: Where, spec: Field, value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(
                table,
                spec.key,
                where,
                f"{spec.key} must be the path of a .wav file "
                'next to the routine, like "sounds/bell.wav"',
            )
            return None
        return value

    def settings(self, table: TableId, where: Where, data: dict[str, Any]) -> Settings:
        """Read [defaults]: every setting key and the workout-wide preferences, nothing else."""
        self.known_keys(table, where, data, Table.DEFAULTS)
        return self.overrides(table, where, data).apply_to(Settings())

    def preferences(self, table: TableId, where: Where, data: dict[str, Any]) -> Preferences:
        """keep_awake, flash and remote from [defaults]."""
        read = {
            name: value
            for name in Preferences._fields
            if (value := self.value(table, where, data, field(Table.DEFAULTS, name))) is not None
        }
        return Preferences(**read)

    def overrides(self, table: TableId, where: Where, data: dict[str, Any]) -> Overrides:
        """The setting keys present in a table, each checked; absent ones stay None."""
        if data.keys().isdisjoint(_SETTING_NAMES):
            return _NO_OVERRIDES
        return Overrides._make(self.values(table, where, data, _SETTING_KEYS).values())


_READERS = {
    Kind.TEXT: Report._text,
    Kind.WHOLE: Report._whole,
    Kind.DURATION: Report._duration,
    Kind.NUMBER: Report._number,
    Kind.BOOLEAN: Report._boolean,
    Kind.REPS: Report._reps,
    Kind.SETS: Report._sets,
    Kind.CHOICE: Report._choice,
    Kind.TEXT_LIST: Report._text_list,
    Kind.SOUND_FILE: Report._sound_file,
}


_SET_ALLOWED = fields_in(Table.SET)
_SET_TABLE_KEYS = frozenset(_SET_ALLOWED)
_SET_KEYS = Keys(_SET_ALLOWED.values(), SetTarget)
_SETTING_KEYS = Keys(SETTINGS, Overrides)
_SETTING_NAMES = frozenset(spec.key for spec in SETTINGS)
_NO_OVERRIDES = Overrides()


_TEXT_RANGE = re.compile(r"^\s*(\d+)\s*(?:(?:-|–|to|,)\s*(\d+))?\s*$")


def within(spec: Field, value: float) -> bool:
    """``value`` lies within the field's bounds (an open side has none)."""
    low = -math.inf if spec.low is None else spec.low
    high = math.inf if spec.high is None else spec.high
    return (low < value if spec.above_low else low <= value) and value <= high


def is_int(value: object) -> bool:
    """A TOML whole number (True and False are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool)
