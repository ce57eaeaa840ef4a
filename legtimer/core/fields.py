"""Typed field readers that collect every problem instead of stopping at the first.

Which keys a table allows, their types, bounds and defaults all come from
:mod:`legtimer.core.schema`; this module only knows how to read each kind of value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from legtimer.core.durations import DURATION_HELP, MAX_STEP_SECONDS, parse_duration, type_name
from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex, TableId
from legtimer.core.routine import Exercise, Overrides, Preferences, Section, Settings
from legtimer.core.schema import SETTINGS, Field, Kind, Table, field, fields_in


def suggest(key: str, allowed: Iterable[str]) -> str | None:
    """The allowed key a typo most likely meant ("rset" -> "rest", "exercises" -> "exercise").

    Fewest edits wins (a swap of two letters counts as one), then difflib's similarity.
    """
    import difflib  # only when something is wrong: keeps `check` of a good file fast

    options = list(allowed)
    close = set(difflib.get_close_matches(key, options, n=5, cutoff=0.6))
    near = [o for o in options if _edits(key.lower(), o) <= max(1, len(o) // 3)]
    ranked = sorted(
        close.union(near),
        key=lambda o: (_edits(key.lower(), o), -difflib.SequenceMatcher(None, key, o).ratio()),
    )
    return ranked[0] if ranked else None


def _edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insert, delete, change, or swap neighbours."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


class Report:
    """Collects problems for one file; readers return ``None`` after recording one."""

    def __init__(self, shown: str, lines: LineIndex) -> None:
        self.shown = shown
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, table: TableId, key: str | None, where: str, message: str) -> None:
        """Record a problem at the line of ``key`` in ``table``."""
        line = self.lines.line_of(table, key)
        self.problems.append(Problem(self.shown, line, where, message, table, key))

    def raise_if_any(self) -> None:
        """Raise a RoutineError if anything was recorded, sorted by line."""
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: (p.line is None, p.line or 0))
            raise RoutineError(ordered)

    def unknown_key(self, table: TableId, key: str, allowed: Iterable[str], where: str) -> None:
        """Unknown keys are errors, with a suggestion for near misses."""
        allowed = list(allowed)
        guess = suggest(key, allowed)
        hint = f"did you mean '{guess}'?" if guess else f"allowed: {', '.join(allowed)}"
        self.add(table, key, where, f"unknown key '{key}'; {hint}")

    def known_keys(self, table: TableId, where: str, data: dict[str, Any], kind: Table) -> None:
        """Every key of ``data`` must be one the schema allows in this kind of table."""
        allowed = fields_in(kind)
        for key in data:
            if key not in allowed:
                self.unknown_key(table, key, allowed, where)

    def value(self, table: TableId, where: str, data: dict[str, Any], spec: Field) -> Any:
        """One key read as its schema says; None when it is absent or wrong (then recorded)."""
        value = data.get(spec.key)
        if value is None:
            if spec.required:
                self.add(table, None, where, f"missing '{spec.key}'; add {spec.key} = \"...\"")
            return None
        reader = _READERS[spec.kind]
        return reader(self, table, where, spec, value)

    def _text(self, table: TableId, where: str, spec: Field, value: Any) -> str | None:
        if not isinstance(value, str):
            self.add(
                table, spec.key, where, f"{spec.key} must be text in quotes, not {type_name(value)}"
            )
            return None
        if spec.required and not value.strip():
            self.add(table, spec.key, where, f"{spec.key} must not be empty")
            return None
        return value

    def _whole(self, table: TableId, where: str, spec: Field, value: Any) -> int | None:
        """A whole number within bounds (booleans and decimals refused)."""
        key, allowed = spec.key, spec.allowed()
        if not _is_int(value):
            self.add(
                table,
                key,
                where,
                f"{key} must be a whole number from {allowed}, not {type_name(value)}",
            )
            return None
        if not _within(spec, value):
            self.add(table, key, where, f"{key} = {value} is out of range; allowed: {allowed}")
            return None
        return int(value)

    def _boolean(self, table: TableId, where: str, spec: Field, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.add(
                table, spec.key, where, f"{spec.key} must be true or false, not {type_name(value)}"
            )
            return None
        return value

    def _duration(self, table: TableId, where: str, spec: Field, value: Any) -> float | None:
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

    def _number(self, table: TableId, where: str, spec: Field, value: Any) -> float | None:
        key = spec.key
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(
                table,
                key,
                where,
                f"{key} must be a number of seconds like 3 or 2.5, not {type_name(value)}",
            )
            return None
        if not _within(spec, value):
            self.add(
                table, key, where, f"{key} = {value} is out of range; allowed: {spec.allowed()}"
            )
            return None
        return float(value)

    def _reps(self, table: TableId, where: str, spec: Field, value: Any) -> tuple[int, int] | None:
        allowed = (
            f"allowed: a whole number from {spec.low:g} to {spec.high:g}, or a range like [15, 20]"
        )
        if isinstance(value, list):
            if len(value) != 2 or not all(_is_int(v) for v in value):
                self.add(
                    table,
                    "reps",
                    where,
                    f"a reps range must be two whole numbers [low, high]; {allowed}",
                )
                return None
            low, high = value
            if not (_within(spec, low) and _within(spec, high)):
                self.add(table, "reps", where, f"reps {value} is out of range; {allowed}")
                return None
            if low > high:
                self.add(
                    table,
                    "reps",
                    where,
                    f"reps [{low}, {high}] has low above high; write [{high}, {low}]",
                )
                return None
            return (low, high)
        if not _is_int(value):
            self.add(
                table,
                "reps",
                where,
                f"reps must be a whole number, not {type_name(value)}; {allowed}",
            )
            return None
        if not _within(spec, value):
            self.add(table, "reps", where, f"reps = {value} is out of range; {allowed}")
            return None
        return (value, value)

    def _text_list(
        self, table: TableId, where: str, spec: Field, value: Any
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

    def _sound_file(self, table: TableId, where: str, spec: Field, value: Any) -> str | None:
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

    def settings(self, table: TableId, where: str, data: dict[str, Any]) -> Settings:
        """Read [defaults]: every setting key and the workout-wide preferences, nothing else."""
        self.known_keys(table, where, data, Table.DEFAULTS)
        return self.overrides(table, where, data).apply_to(Settings())

    def preferences(self, table: TableId, where: str, data: dict[str, Any]) -> Preferences:
        """keep_awake, flash and remote from [defaults]."""
        read = {
            name: value
            for name in Preferences._fields
            if (value := self.value(table, where, data, field(Table.DEFAULTS, name))) is not None
        }
        return Preferences(**read)

    def overrides(self, table: TableId, where: str, data: dict[str, Any]) -> Overrides:
        """The setting keys present in a table, each checked; absent ones stay None."""
        return Overrides(**{spec.key: self.value(table, where, data, spec) for spec in SETTINGS})


_READERS = {
    Kind.TEXT: Report._text,
    Kind.WHOLE: Report._whole,
    Kind.DURATION: Report._duration,
    Kind.NUMBER: Report._number,
    Kind.BOOLEAN: Report._boolean,
    Kind.REPS: Report._reps,
    Kind.TEXT_LIST: Report._text_list,
    Kind.SOUND_FILE: Report._sound_file,
}


def _within(spec: Field, value: float) -> bool:
    low = spec.low if spec.low is not None else -float("inf")
    high = spec.high if spec.high is not None else float("inf")
    return (low < value if spec.above_low else low <= value) and value <= high


class ExerciseReader:
    """Reads one [[warmup]], [[exercise]] or [[cooldown]] entry."""

    def __init__(self, report: Report, section: Section, defaults: Settings) -> None:
        self.report = report
        self.section = section
        self.defaults = defaults

    def read(self, index: int, data: dict[str, Any]) -> Exercise | None:
        """The exercise, or None when it has problems (which are recorded)."""
        report = self.report
        before = len(report.problems)
        table: TableId = (self.section.value, index)
        raw_name = data.get("name")
        label = raw_name if isinstance(raw_name, str) and raw_name.strip() else None
        where = f"{self.section.value} {index + 1}" + (f' "{label}"' if label else "")
        report.known_keys(table, where, data, Table.EXERCISE)
        values: dict[str, Any] = {}
        for spec in fields_in(Table.EXERCISE).values():
            if not spec.is_setting:
                value = report.value(table, where, data, spec)
                values[spec.key] = spec.default if value is None else value
        if "reps" in data and "duration" in data:
            report.add(table, "duration", where, "has both reps and duration; use exactly one")
        elif "reps" not in data and "duration" not in data:
            report.add(
                table,
                None,
                where,
                "needs reps (like reps = 10 or reps = [15, 20]) or "
                'duration (like duration = "45s")',
            )
        overrides = report.overrides(table, where, data)
        settings = overrides.apply_to(self.defaults)
        reps = values["reps"]
        if reps is not None and reps[1] * settings.seconds_per_rep > MAX_STEP_SECONDS:
            report.add(
                table,
                "reps",
                where,
                f"{reps[1]} reps at {settings.seconds_per_rep:g} s "
                "each is longer than 4 hours; allowed: at most 4 hours per set",
            )
        if values["duration"] is not None and overrides.manual:
            report.add(
                table,
                "manual",
                where,
                "manual applies to rep sets; a timed exercise always counts down",
            )
        if len(report.problems) != before:
            return None
        return Exercise(**values, overrides=overrides)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
