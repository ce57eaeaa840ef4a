"""Routine -> TOML text, tidy and in the format's own order, for the editor's saves.

Only what the routine says is written: per-exercise settings appear only where the exercise
overrides [defaults], and durations read the way a person writes them ("45s", "1m30s").
"""

from __future__ import annotations

import re
from typing import Any

from legtimer.core.durations import format_duration
from legtimer.core.routine import (
    SETTING_NAMES,
    Exercise,
    Overrides,
    Preferences,
    Routine,
    Section,
    Settings,
)

DURATION_SETTINGS = {"get_ready", "rest", "rest_after", "switch_sides"}


def setting_value(name: str, value: float | int | bool) -> Any:
    """A setting as TOML wants it: durations as text, whole numbers as integers."""
    if isinstance(value, bool):
        return value
    if name in DURATION_SETTINGS:
        return format_duration(float(value))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    """One [[exercise]] (or warm-up / cool-down) entry."""
    table: dict[str, Any] = {"name": exercise.name}
    if exercise.sets != 1:
        table["sets"] = exercise.sets
    if exercise.reps is not None:
        low, high = exercise.reps
        table["reps"] = low if low == high else [low, high]
    if exercise.duration is not None:
        table["duration"] = format_duration(exercise.duration)
    if exercise.per_side:
        table["per_side"] = True
    for key in ("cue", "benefit"):
        if getattr(exercise, key):
            table[key] = getattr(exercise, key)
    if exercise.equipment:
        table["equipment"] = list(exercise.equipment)
    for key in ("easier", "harder"):
        if getattr(exercise, key):
            table[key] = getattr(exercise, key)
    table.update(overrides_table(exercise.overrides))
    return table


def overrides_table(overrides: Overrides) -> dict[str, Any]:
    """The settings an exercise sets itself, in [defaults] order."""
    return {
        name: setting_value(name, value)
        for name in SETTING_NAMES
        if (value := getattr(overrides, name)) is not None
    }


def defaults_table(settings: Settings) -> dict[str, Any]:
    """[defaults] in full, so a person editing the file by hand sees every knob."""
    return {name: setting_value(name, getattr(settings, name)) for name in SETTING_NAMES}


def routine_data(routine: Routine) -> dict[str, Any]:
    """The whole routine as a TOML-ready dict in the format's order."""
    head: dict[str, Any] = {"name": routine.name}
    if routine.description:
        head["description"] = routine.description
    if routine.source:
        head["source"] = routine.source
    if routine.rounds != 1:
        head["rounds"] = routine.rounds
    if routine.rest_between_rounds:
        head["rest_between_rounds"] = format_duration(routine.rest_between_rounds)
    defaults = defaults_table(routine.defaults)
    for name, value in routine.preferences._asdict().items():
        if value != getattr(Preferences(), name):
            defaults[name] = value
    data: dict[str, Any] = {"routine": head, "defaults": defaults}
    if routine.sounds:
        data["sounds"] = dict(routine.sounds)
    for section in Section:
        items = routine.section(section)
        if items:
            data[section.value] = [exercise_table(item) for item in items]
    return data


_ARRAY = re.compile(r"^(?P<head>[^\n]* = )\[\n(?P<body>(?:    [^\n]*,\n)+)\]$", re.MULTILINE)
MAX_LINE = 100


def _one_line_arrays(text: str) -> str:
    """tomli-w puts every array on several lines; short ones read better as `[15, 20]`."""

    def collapse(match: re.Match[str]) -> str:
        # split("\n"), not splitlines(): a string may hold U+0085 or U+2028 and stay one item.
        items = [line.strip()[:-1] for line in match.group("body").split("\n") if line]
        line = f"{match.group('head')}[{', '.join(items)}]"
        simple = not any(item.startswith(("[", "{", '"""', "'''")) for item in items)
        return line if simple and len(line) <= MAX_LINE else match.group(0)

    return _ARRAY.sub(collapse, text)


def dumps_routine(routine: Routine) -> str:
    """The routine as TOML text (tomli_w is imported here: only saving needs it)."""
    import tomli_w

    # Single-line strings with escapes: multi-line ones would turn a "\r\n" into "\n".
    return _one_line_arrays(tomli_w.dumps(routine_data(routine)))
