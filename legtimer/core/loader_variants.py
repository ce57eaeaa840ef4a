"""[[exercise.variant]] tables -> Variants: other exercises that may stand in an exercise's slot.

A variant has a name and a role (swap, easier, harder); every other key is an exercise key,
checked the same way, and what it leaves out it takes from its exercise. Variants have no
variants of their own. Every problem is kept, with its line, like the rest of the loader.
"""

from __future__ import annotations

from typing import Any

from legtimer.core.lines import TableId
from legtimer.core.report import Keys, Place, Report, Where
from legtimer.core.routine import Exercise, Overrides, Variant
from legtimer.core.schema import Table, fields_in

OWN_KEYS = ("name", "role")
"""Keys every variant has for itself; the rest are inherited when left out."""

_ALLOWED = fields_in(Table.VARIANT)
_KEYS = Keys(spec for spec in _ALLOWED.values() if not spec.is_setting)
_INHERITED = {key: rank for rank, key in enumerate(k for k in _ALLOWED if k not in OWN_KEYS)}
"""The keys a variant may take from its exercise, with their place in the schema's order."""


def read_variants(
    report: Report,
    counted: dict[str, int],
    exercise: Exercise | None,
    raw: Any,
    table: TableId,
    where: Where,
) -> tuple[Variant, ...]:
    """The variants written under one exercise (none when the exercise itself is bad).

    Args:
        report: where problems go.
        counted: variant tables read so far per header, advanced here (for line numbers).
        exercise: the exercise they belong to, or None when it had problems.
        raw: the parsed value of its ``variant`` key.
        table: the exercise's table, e.g. ("exercise", 4).
        where: how messages name the exercise.
    """
    header = f"{table[0]}.variant"
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        report.add(table, "variant", where, f"write each variant as its own [[{header}]] table")
        return ()
    out: list[Variant] = []
    names = {exercise.name} if exercise is not None else set()
    for number, item in enumerate(raw):
        occurrence = counted.get(header, 0)
        counted[header] = occurrence + 1
        variant = _read_one(report, exercise, item, (header, occurrence), where, number)
        if variant is None:
            continue
        if variant.name in names:
            report.add(
                (header, occurrence),
                "name",
                f"{where} variant {number + 1}",
                f'"{variant.name}" is named twice; each variant needs a name of its own',
            )
            continue
        names.add(variant.name)
        out.append(variant)
    return tuple(out)


def _read_one(
    report: Report,
    exercise: Exercise | None,
    data: dict[str, Any],
    table: TableId,
    exercise_where: Where,
    number: int,
) -> Variant | None:
    before = len(report.problems)
    where = Place("variant", number + 1, data.get("name"), exercise_where)
    if "variant" in data:
        report.add(
            table,
            "variant",
            where,
            "a variant cannot have variants of its own; list every variant under the exercise",
        )
    own = {key: value for key, value in data.items() if key != "variant"}
    if not _ALLOWED.keys() >= own.keys():
        report.known_keys(table, where, own, Table.VARIANT)
    values = report.values(table, where, own, _KEYS)
    read = {key: value for key in own if (value := values.get(key)) is not None}
    if "reps" in own and "duration" in own:
        report.add(table, "duration", where, "has both reps and duration; use exactly one")
    settings = report.overrides(table, where, own)
    if exercise is None or len(report.problems) != before:
        return None
    role = read.pop("role")
    written = tuple(sorted((key for key in own if key in _INHERITED), key=_INHERITED.__getitem__))
    resolved = _inherit(exercise, read, settings)
    if resolved.reps is None and resolved.duration is None and not _every_set_says(resolved):
        report.add(
            table,
            None,
            where,
            "needs reps or duration: its exercise's per-set list was replaced by its own sets",
        )
        return None
    return Variant(role, resolved, written)


def _inherit(exercise: Exercise, read: dict[str, Any], settings: Overrides) -> Exercise:
    """The exercise with the variant's own keys laid over it."""
    changes = dict(read)
    if isinstance(changes.get("sets"), tuple):
        changes["per_set"] = changes["sets"]
        changes["sets"] = len(changes["per_set"])
    elif "sets" in changes or "reps" in changes or "duration" in changes:
        changes["per_set"] = ()
    if "reps" in changes:
        changes["duration"] = None
    elif "duration" in changes:
        changes["reps"] = None
    merged = exercise.overrides
    if settings.count(None) != len(settings):
        pairs = zip(settings._fields, settings, strict=True)
        written: dict[str, Any] = {name: value for name, value in pairs if value is not None}
        merged = merged._replace(**written)
    return exercise._replace(**changes, overrides=merged, variants=(), slot="")


def _every_set_says(exercise: Exercise) -> bool:
    return bool(exercise.per_set) and all(
        t.reps is not None or t.duration is not None for t in exercise.per_set
    )
