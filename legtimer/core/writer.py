"""Routine -> TOML text, tidy and in the format's own order, for the editor's saves.

Only what the routine says is written: per-exercise settings appear only where the exercise
overrides [defaults], and durations read the way a person writes them ("45s", "1m30s"). The
keys, their order and their defaults come from :mod:`legtimer.core.schema`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from legtimer.core.durations import format_duration
from legtimer.core.routine import (
    Block,
    Exercise,
    Overrides,
    Routine,
    Section,
    SetTarget,
    Settings,
    Variant,
)
from legtimer.core.schema import SETTINGS, Field, Kind, Table, fields_in


def toml_value(spec: Field, value: Any) -> Any:
    """A value as TOML wants it: durations as text, whole numbers as integers, reps as written."""
    if isinstance(value, bool) or spec.kind in (Kind.TEXT, Kind.SOUND_FILE):
        return value
    if spec.kind is Kind.DURATION:
        return format_duration(float(value))
    if spec.kind is Kind.REPS:
        low, high = value
        return low if low == high else [low, high]
    if spec.kind is Kind.TEXT_LIST:
        return list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _written(spec: Field, value: Any) -> bool:
    """Whether a key is worth writing: set, and not just its default."""
    return value is not None and value != spec.default


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    """One [[exercise]] (or warm-up / cool-down) entry."""
    table: dict[str, Any] = {}
    for spec in fields_in(Table.EXERCISE).values():
        if spec.is_setting:
            continue
        if spec.key == "sets" and exercise.per_set:
            table["sets"] = [set_table(target) for target in exercise.per_set]
            continue
        value = getattr(exercise, spec.key)
        if spec.required or _written(spec, value):
            table[spec.key] = toml_value(spec, value)
    table.update(overrides_table(exercise.overrides))
    if exercise.variants:
        table["variant"] = [variant_table(variant) for variant in exercise.variants]
    return table


def variant_table(variant: Variant) -> dict[str, Any]:
    """One [[exercise.variant]]: its name, its role and the keys the file gave it, no more."""
    exercise = variant.exercise
    table: dict[str, Any] = {"name": exercise.name, "role": variant.role}
    for spec in fields_in(Table.VARIANT).values():
        if spec.key in table or spec.key not in variant.written:
            continue
        if spec.is_setting:
            table[spec.key] = toml_value(spec, getattr(exercise.overrides, spec.key))
        elif spec.key == "sets" and exercise.per_set:
            table["sets"] = [set_table(target) for target in exercise.per_set]
        else:
            table[spec.key] = toml_value(spec, getattr(exercise, spec.key))
    return table


def set_table(target: SetTarget) -> dict[str, Any]:
    """One per-set table: only what the set itself says."""
    return {
        spec.key: toml_value(spec, value)
        for spec in fields_in(Table.SET).values()
        if (value := getattr(target, spec.key)) not in (None, "")
    }


def block_table(block: Block) -> dict[str, Any]:
    """One [[block]] with its exercises under "exercise"."""
    table: dict[str, Any] = {}
    for spec in fields_in(Table.BLOCK).values():
        value = getattr(block, spec.key)
        # rest_until_ready = false on a block is said on purpose (it overrides [defaults]).
        if spec.required or _written(spec, value) or value is False:
            table[spec.key] = toml_value(spec, value)
    table["exercise"] = [exercise_table(item) for item in block.exercises]
    return table


def overrides_table(overrides: Overrides) -> dict[str, Any]:
    """The settings an exercise sets itself, in [defaults] order."""
    return {
        spec.key: toml_value(spec, value)
        for spec in SETTINGS
        if (value := getattr(overrides, spec.key)) is not None
    }


def defaults_table(settings: Settings) -> dict[str, Any]:
    """[defaults] in full, so a person editing the file by hand sees every knob (newer knobs
    only when changed, so files saved before them stay the same)."""
    return {
        spec.key: toml_value(spec, getattr(settings, spec.key))
        for spec in SETTINGS
        if not spec.quiet_default or getattr(settings, spec.key) != spec.default
    }


def routine_data(routine: Routine) -> dict[str, Any]:
    """The whole routine as a TOML-ready dict in the format's order."""
    head = {}
    for spec in fields_in(Table.ROUTINE).values():
        value = getattr(routine, spec.key)
        if spec.required or _written(spec, value):
            head[spec.key] = toml_value(spec, value)
    defaults = defaults_table(routine.defaults)
    for spec in fields_in(Table.DEFAULTS).values():
        if not spec.is_setting:
            value = getattr(routine.preferences, spec.key)
            if _written(spec, value):
                defaults[spec.key] = value
    data: dict[str, Any] = {"routine": head, "defaults": defaults}
    if routine.sounds:
        data["sounds"] = dict(routine.sounds)
    for section in Section:
        items = routine.section(section)
        if items:
            data[section.value] = [exercise_table(item) for item in items]
    if routine.blocks:
        data["block"] = [block_table(block) for block in routine.blocks]
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


def dumps_data(data: dict[str, Any]) -> str:
    """A routine document as TOML: plain tables first, then each list as [[arrays of tables]].

    tomli-w on its own writes a list of short tables inline (`warmup = [{...}]`) above
    `[routine]`; writing each part on its own keeps every saved file shaped like the bundled ones.
    """
    import tomli_w  # only saving needs it

    parts: list[str] = []
    for key in ("routine", "defaults", "sounds"):
        if key in data:
            parts.append(tomli_w.dumps({key: data[key]}))
    for section in Section:
        if section is Section.COOLDOWN:
            for block in data.get("block", ()):
                head = {key: value for key, value in block.items() if key != "exercise"}
                parts.append("[[block]]\n" + tomli_w.dumps(head))
                for entry in block.get("exercise", ()):
                    parts += _entry("block.exercise", entry, tomli_w.dumps)
        for entry in data.get(section.value, ()):
            parts += _entry(section.value, entry, tomli_w.dumps)
    # Single-line strings with escapes: multi-line ones would turn a "\r\n" into "\n".
    return _one_line_arrays("\n".join(parts))


def _entry(header: str, entry: dict[str, Any], dumps: Callable[[dict[str, Any]], str]) -> list[str]:
    """An exercise's table, then each of its variants just after it."""
    own = {key: value for key, value in entry.items() if key != "variant"}
    parts = [f"[[{header}]]\n" + _dump_table(own, dumps)]
    parts += [
        f"[[{header}.variant]]\n" + _dump_table(variant, dumps)
        for variant in entry.get("variant", ())
    ]
    return parts


_SETS_MARK = "legtimer: per-set list goes here"


def _dump_table(table: dict[str, Any], dumps: Callable[[dict[str, Any]], str]) -> str:
    """One table's keys; a per-set list is always one inline table per line.

    tomli-w writes a list of tables it finds too long or nested (`{ reps = [5, 8] }`) as
    `[[sets]]` tables, which under an exercise's own header would be a new top-level table.
    """
    sets = table.get("sets")
    if not isinstance(sets, list):
        return dumps(table)
    text = dumps({**table, "sets": _SETS_MARK})
    rows = "".join(f"    {_inline(target, dumps)},\n" for target in sets)
    return text.replace(f"sets = {_inline(_SETS_MARK, dumps)}\n", f"sets = [\n{rows}]\n", 1)


def _inline(value: Any, dumps: Callable[[dict[str, Any]], str]) -> str:
    """A value on one line, as TOML writes it inline (strings keep their escapes)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{key} = {_inline(item, dumps)}" for key, item in value.items())
        return "{ " + inner + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(item, dumps) for item in value) + "]"
    return dumps({"v": value}).removeprefix("v = ").removesuffix("\n")


def dumps_routine(routine: Routine) -> str:
    """The routine as TOML text."""
    return dumps_data(routine_data(routine))
