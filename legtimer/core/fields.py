"""Reading one exercise table ([[exercise]], a warm-up, a cool-down or a block's exercise).

The value readers and the problem report live in :mod:`legtimer.core.report`; variants, which
are read like exercises, in :mod:`legtimer.core.loader_variants`.
"""

from __future__ import annotations

from typing import Any

from legtimer.core.durations import MAX_STEP_SECONDS
from legtimer.core.lines import TableId
from legtimer.core.loader_variants import read_variants
from legtimer.core.report import Keys, Place, Report, Where
from legtimer.core.routine import Exercise, Section, Settings
from legtimer.core.schema import Table, fields_in

_ALLOWED = fields_in(Table.EXERCISE)
_TABLE_KEYS = frozenset(_ALLOWED)
_OWN_KEYS = Keys((spec for spec in _ALLOWED.values() if not spec.is_setting), Exercise)
"""An exercise's own keys (its settings are read as overrides of [defaults])."""


class ExerciseReader:
    """Reads one [[warmup]], [[exercise]] or [[cooldown]] entry."""

    def __init__(self, report: Report, section: Section, defaults: Settings) -> None:
        self.report = report
        self.section = section
        self.defaults = defaults
        self.key = section.value
        self.counted: dict[str, int] = {}
        """Variant tables read so far per header ("exercise.variant"), for their lines."""

    def read(
        self,
        index: int,
        data: dict[str, Any],
        table: TableId | None = None,
        inside: Where | None = None,
    ) -> Exercise | None:
        """The exercise, or None when it has problems (which are recorded).

        Args:
            index: its position in its list (0-based).
            data: the parsed table.
            table: which table of the file it is, when not ``(section, index)``.
            inside: the place of the table it sits in (a block), for messages.
        """
        report = self.report
        before = len(report.problems)
        table = table or (self.key, index)
        where = Place(self.key, index + 1, data.get("name"), inside)
        raw_variants = data.get("variant")
        if "variant" in data:
            data = {key: value for key, value in data.items() if key != "variant"}
        if not _TABLE_KEYS.issuperset(data):
            report.known_keys(table, where, data, Table.EXERCISE)
        values = report.values(table, where, data, _OWN_KEYS)
        per_set = values["sets"]
        if isinstance(per_set, tuple):
            values["per_set"] = per_set
            values["sets"] = len(per_set)
        else:
            per_set = ()
        if "reps" in data and "duration" in data:
            report.add(table, "duration", where, "has both reps and duration; use exactly one")
        elif "reps" not in data and "duration" not in data and not _sets_say_reps(data.get("sets")):
            report.add(
                table,
                None,
                where,
                "needs reps (like reps = 10 or reps = [15, 20]) or "
                'duration (like duration = "45s")',
            )
        overrides = report.overrides(table, where, data)
        per_rep = overrides.seconds_per_rep
        if per_rep is None:
            per_rep = self.defaults.seconds_per_rep
        top = values["reps"][1] if values["reps"] else 0
        if per_set:
            top = max([top] + [t.reps[1] for t in per_set if t.reps is not None])
        if top and top * per_rep > MAX_STEP_SECONDS:
            report.add(
                table,
                "reps",
                where,
                f"{top} reps at {per_rep:g} s "
                "each is longer than 4 hours; allowed: at most 4 hours per set",
            )
        if values["duration"] is not None and overrides.manual:
            report.add(
                table,
                "manual",
                where,
                "manual applies to rep sets; a timed exercise always counts down",
            )
        exercise = None
        if len(report.problems) == before:
            values["overrides"] = overrides
            exercise = Exercise._make(values.values())
        if raw_variants is not None:
            variants = read_variants(report, self.counted, exercise, raw_variants, table, where)
            if exercise is not None:
                values["variants"] = variants
                exercise = Exercise._make(values.values())
        return None if len(report.problems) != before else exercise


def _sets_say_reps(raw: Any) -> bool:
    """Every per-set table as written names reps or duration (even one with other problems,
    which are reported on its own line: the exercise then needs no reps of its own). Read from
    the file rather than the sets read: a set keeps reps or duration exactly when it wrote one."""
    return (
        isinstance(raw, list)
        and bool(raw)
        and all(isinstance(item, dict) and ("reps" in item or "duration" in item) for item in raw)
    )
