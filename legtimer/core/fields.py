"""Typed field readers that collect every problem instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from legtimer.core.durations import DURATION_HELP, MAX_STEP_SECONDS, parse_duration, type_name
from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex, TableId
from legtimer.core.routine import (
    PREFERENCE_NAMES,
    SETTING_NAMES,
    Exercise,
    Overrides,
    Preferences,
    Section,
    Settings,
)

MAX_SETS = 100
MAX_REPS = 1000
MAX_COUNTDOWN = 10
MAX_SECONDS_PER_REP = 60.0
EXERCISE_KEYS = (
    "name",
    "sets",
    "reps",
    "duration",
    "per_side",
    "cue",
    "benefit",
    "equipment",
    "easier",
    "harder",
    *SETTING_NAMES,
)
_T = TypeVar("_T")


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
    """Collects problems for one file; readers return a safe default after recording one."""

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

    def text(
        self, table: TableId, where: str, data: dict[str, Any], key: str, required: bool = False
    ) -> str:
        """A plain-text field."""
        value = data.get(key)
        if value is None:
            if required:
                self.add(table, None, where, f"missing '{key}'; add {key} = \"...\"")
            return ""
        if not isinstance(value, str):
            self.add(table, key, where, f"{key} must be text in quotes, not {type_name(value)}")
            return ""
        if required and not value.strip():
            self.add(table, key, where, f"{key} must not be empty")
        return value

    def integer(
        self,
        table: TableId,
        where: str,
        data: dict[str, Any],
        key: str,
        default: int,
        low: int,
        high: int,
    ) -> int:
        """A whole number within bounds (booleans and decimals refused)."""
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(
                table,
                key,
                where,
                f"{key} must be a whole number from {low} to {high}, not {type_name(value)}",
            )
            return default
        if not low <= value <= high:
            self.add(
                table, key, where, f"{key} = {value} is out of range; allowed: {low} to {high}"
            )
            return default
        return value

    def boolean(
        self, table: TableId, where: str, data: dict[str, Any], key: str, default: _T
    ) -> bool | _T:
        """true or false."""
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(table, key, where, f"{key} must be true or false, not {type_name(value)}")
            return default
        return value

    def duration(
        self,
        table: TableId,
        where: str,
        data: dict[str, Any],
        key: str,
        default: _T,
        positive: bool = False,
    ) -> float | _T:
        """A duration, zero allowed unless ``positive``; at most four hours."""
        value = data.get(key)
        if value is None:
            return default
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            self.add(table, key, where, f"{key}: {exc}; allowed: {DURATION_HELP}")
            return default
        if positive and seconds <= 0:
            self.add(table, key, where, f"{key} must be longer than zero")
            return default
        if seconds > MAX_STEP_SECONDS:
            self.add(table, key, where, f'{key} is longer than 4 hours; allowed: up to "4h"')
            return default
        return seconds

    def pace(self, table: TableId, where: str, data: dict[str, Any], default: _T) -> float | _T:
        """seconds_per_rep: a positive number of seconds."""
        value = data.get("seconds_per_rep")
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(
                table,
                "seconds_per_rep",
                where,
                "seconds_per_rep must be a number of "
                f"seconds like 3 or 2.5, not {type_name(value)}",
            )
            return default
        if not 0 < value <= MAX_SECONDS_PER_REP:
            self.add(
                table,
                "seconds_per_rep",
                where,
                f"seconds_per_rep = {value} is out of "
                f"range; allowed: more than 0, at most {MAX_SECONDS_PER_REP:g}",
            )
            return default
        return float(value)

    def settings(
        self, table: TableId, where: str, data: dict[str, Any], base: Settings
    ) -> Settings:
        """Read [defaults]: every setting key and the workout-wide preferences, nothing else."""
        allowed = (*SETTING_NAMES, *PREFERENCE_NAMES)
        for key in data:
            if key not in allowed:
                self.unknown_key(table, key, allowed, where)
        overrides = self.overrides(table, where, data)
        return overrides.apply_to(base)

    def preferences(self, table: TableId, where: str, data: dict[str, Any]) -> Preferences:
        """keep_awake and flash from [defaults]."""
        base = Preferences()
        return Preferences(
            keep_awake=self.boolean(table, where, data, "keep_awake", base.keep_awake),
            flash=self.boolean(table, where, data, "flash", base.flash),
        )

    def overrides(self, table: TableId, where: str, data: dict[str, Any]) -> Overrides:
        """The setting keys present in a table, each checked; absent ones stay None."""
        return Overrides(
            get_ready=self.duration(table, where, data, "get_ready", None),
            rest=self.duration(table, where, data, "rest", None),
            rest_after=self.duration(table, where, data, "rest_after", None),
            switch_sides=self.duration(table, where, data, "switch_sides", None),
            seconds_per_rep=self.pace(table, where, data, None),
            manual=self.boolean(table, where, data, "manual", None),
            countdown=_none_or_int(
                self.integer(table, where, data, "countdown", -1, 0, MAX_COUNTDOWN)
            ),
            halfway=self.boolean(table, where, data, "halfway", None),
            rep_beat=self.boolean(table, where, data, "rep_beat", None),
        )


def _none_or_int(value: int) -> int | None:
    return None if value < 0 else value


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
        for key in data:
            if key not in EXERCISE_KEYS:
                report.unknown_key(table, key, EXERCISE_KEYS, where)
        name = report.text(table, where, data, "name", required=True)
        sets = report.integer(table, where, data, "sets", 1, 1, MAX_SETS)
        reps = self._reps(table, where, data)
        duration = report.duration(table, where, data, "duration", None, positive=True)
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
        per_side = report.boolean(table, where, data, "per_side", False)
        equipment = self._equipment(table, where, data)
        overrides = report.overrides(table, where, data)
        settings = overrides.apply_to(self.defaults)
        if reps is not None and reps[1] * settings.seconds_per_rep > MAX_STEP_SECONDS:
            report.add(
                table,
                "reps",
                where,
                f"{reps[1]} reps at {settings.seconds_per_rep:g} s "
                "each is longer than 4 hours; allowed: at most 4 hours per set",
            )
        if duration is not None and overrides.manual:
            report.add(
                table,
                "manual",
                where,
                "manual applies to rep sets; a timed exercise always counts down",
            )
        exercise = Exercise(
            name=name,
            sets=sets,
            reps=reps,
            duration=duration,
            per_side=per_side,
            cue=report.text(table, where, data, "cue"),
            benefit=report.text(table, where, data, "benefit"),
            equipment=equipment,
            easier=report.text(table, where, data, "easier"),
            harder=report.text(table, where, data, "harder"),
            overrides=overrides,
        )
        return exercise if len(report.problems) == before else None

    def _reps(self, table: TableId, where: str, data: dict[str, Any]) -> tuple[int, int] | None:
        value = data.get("reps")
        if value is None:
            return None
        allowed = f"allowed: a whole number from 1 to {MAX_REPS}, or a range like [15, 20]"
        if isinstance(value, list):
            if len(value) != 2 or not all(_is_int(v) for v in value):
                self.report.add(
                    table,
                    "reps",
                    where,
                    f"a reps range must be two whole numbers [low, high]; {allowed}",
                )
                return None
            low, high = value
            if not (1 <= low <= MAX_REPS and 1 <= high <= MAX_REPS):
                self.report.add(table, "reps", where, f"reps {value} is out of range; {allowed}")
                return None
            if low > high:
                self.report.add(
                    table,
                    "reps",
                    where,
                    f"reps [{low}, {high}] has low above high; write [{high}, {low}]",
                )
                return None
            return (low, high)
        if not _is_int(value):
            self.report.add(
                table,
                "reps",
                where,
                f"reps must be a whole number, not {type_name(value)}; {allowed}",
            )
            return None
        if not 1 <= value <= MAX_REPS:
            self.report.add(table, "reps", where, f"reps = {value} is out of range; {allowed}")
            return None
        return (value, value)

    def _equipment(self, table: TableId, where: str, data: dict[str, Any]) -> tuple[str, ...]:
        value = data.get("equipment")
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report.add(
                table,
                "equipment",
                where,
                'equipment must be a list of text, like ["kettlebell", "mat"]',
            )
            return ()
        return tuple(value)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
