"""[[block]] tables -> Blocks: named parts with their own rounds, EMOM (`every`) or AMRAP
(`time_cap`), each checked with every problem kept, like the rest of the loader."""

from __future__ import annotations

from typing import Any

from legtimer.core.durations import format_clock, format_span
from legtimer.core.fields import ExerciseReader
from legtimer.core.lines import TableId
from legtimer.core.report import Keys, Place, Report, Where
from legtimer.core.routine import Block, Exercise, Section, Settings
from legtimer.core.schema import Table, fields_in

BLOCK_EXERCISE = "block.exercise"
"""How the line index names a [[block.exercise]] table (counted over the whole file)."""

BLOCK_ORDER = (  # also said when tomllib stops at such a [[block]]
    "a [[block.exercise]] comes before any [[block]]; start each block with [[block]] "
    "and its name, then its [[block.exercise]] tables"
)

_ALLOWED = fields_in(Table.BLOCK)
_TABLE_KEYS = frozenset(_ALLOWED) | {"exercise"}
"""What a [[block]] table may hold: its keys and its [[block.exercise]] tables."""
_KEYS = Keys(_ALLOWED.values(), Block)
"""A block's keys; one left out takes Block's default (so rest_until_ready left out is None,
"as each exercise says", not off)."""


def read_blocks(report: Report, data: dict[str, Any], defaults: Settings) -> tuple[Block, ...]:
    """Every [[block]] of the file; problems are recorded, bad blocks left out."""
    value = data.get("block")
    if value is None:
        return ()
    if isinstance(value, dict):
        if set(value) == {"exercise"}:  # only [[block.exercise]] tables, no [[block]] at all
            report.add((BLOCK_EXERCISE, 0), None, "[[block.exercise]]", BLOCK_ORDER)
            return ()
        report.add(
            ("block", 0), None, "[block]", "write [[block]] with double brackets, one per block"
        )
        return ()
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        report.add(("", 0), "block", "block", "must be a list of tables, each written [[block]]")
        return ()
    reader = ExerciseReader(report, Section.MAIN, defaults)
    blocks: list[Block] = []
    counted = 0
    for index, table in enumerate(value):
        block, used = _read_block(report, reader, index, table, counted, defaults)
        counted += used
        if block is not None:
            blocks.append(block)
    return tuple(blocks)


def _read_block(
    report: Report,
    reader: ExerciseReader,
    index: int,
    data: dict[str, Any],
    first_exercise: int,
    defaults: Settings,
) -> tuple[Block | None, int]:
    """One block and how many [[block.exercise]] tables it holds."""
    before = len(report.problems)
    table: TableId = ("block", index)
    where = Place("block", index + 1, data.get("name"))
    if not _TABLE_KEYS.issuperset(data):
        own = {key: value for key, value in data.items() if key != "exercise"}
        report.known_keys(table, where, own, Table.BLOCK)
    values = report.values(table, where, data, _KEYS)  # reads the block's keys, not "exercise"

    raw_exercises = data.get("exercise")
    exercises: list[Exercise] = []
    count = 0
    if raw_exercises is None:
        report.add(
            table,
            None,
            where,
            "has no exercises; follow it with [[block.exercise]] tables (name, reps or duration)",
        )
    elif not isinstance(raw_exercises, list) or not all(
        isinstance(item, dict) for item in raw_exercises
    ):
        report.add(table, "exercise", where, "write each exercise as [[block.exercise]]")
    else:
        count = len(raw_exercises)
        for number, item in enumerate(raw_exercises):
            table_id = (BLOCK_EXERCISE, first_exercise + number)
            exercise = reader.read(number, item, table_id, where)
            if exercise is not None:
                exercises.append(exercise)

    every, cap = values["every"], values["time_cap"]
    if every is not None and cap is not None:
        report.add(
            table,
            "time_cap",
            where,
            "has both every and time_cap; a block is an EMOM (every) or an AMRAP (time_cap), "
            "not both",
        )
    elif every is not None or cap is not None:
        _check_clocked(report, table, where, data, raw_exercises, first_exercise, every)
        if every is not None and len(report.problems) == before:
            # Only work of a fixed length is sure to overrun every round: a manual set's
            # length is a guess (reps x seconds_per_rep), and one that runs over starts the
            # next round at once, marked late.
            work = sum(round_work(ex, ex.settings(defaults), fixed_only=True) for ex in exercises)
            if work > every + 1e-9:
                report.add(
                    table,
                    "every",
                    where,
                    f"one round's timed work ({format_clock(work)}) is longer than every "
                    f"({format_clock(every)}); lengthen every or shorten the work",
                )
    if len(report.problems) != before:
        return None, count
    values["exercises"] = tuple(exercises)
    return Block._make(values.values()), count


def _check_clocked(
    report: Report,
    table: TableId,
    where: Where,
    data: dict[str, Any],
    raw_exercises: Any,
    first_exercise: int,
    every: float | None,
) -> None:
    """In EMOM and AMRAP blocks the clock decides the rest: written rests are errors."""
    mode = "an every (EMOM) block" if every is not None else "a time_cap (AMRAP) block"
    why = f"in {mode} the clock decides the rest"
    if every is not None and "rest_between_rounds" in data:
        interval = f"its {format_span(every)} interval" if every > 0 else "its interval"
        report.add(
            table,
            "rest_between_rounds",
            where,
            f"{why}: each round's rest is what is left of {interval}; remove rest_between_rounds",
        )
    if every is not None and "rest_until_ready" in data:
        # An AMRAP block keeps it: its rests between AMRAPs (and after it) may wait.
        report.add(table, "rest_until_ready", where, f"{why}; remove rest_until_ready")
    if not isinstance(raw_exercises, list):
        return
    for number, item in enumerate(raw_exercises):
        if not isinstance(item, dict) or (
            item.keys().isdisjoint(_CLOCK_RESTS) and not _any_set_rest(item.get("sets"))
        ):
            continue
        ex_table = (BLOCK_EXERCISE, first_exercise + number)
        for key in _CLOCK_RESTS:
            if key in item:
                report.add(
                    ex_table,
                    key,
                    f"{where} exercise {number + 1}",
                    f"{why}, exercises run back to back; remove {key}",
                )
        if _any_set_rest(item.get("sets")):
            report.add(
                ex_table,
                "sets",
                f"{where} exercise {number + 1}",
                f"{why}: a set here has no rest; remove rest",
            )


_CLOCK_RESTS = ("rest", "rest_after", "rest_until_ready")
"""Rest keys an exercise may not have in an EMOM or AMRAP block."""


def _any_set_rest(sets: Any) -> bool:
    """Some per-set table of ``sets`` (as written) says its own rest."""
    return isinstance(sets, list) and any(isinstance(s, dict) and "rest" in s for s in sets)


def round_work(exercise: Exercise, settings: Settings, fixed_only: bool = False) -> float:
    """Planned seconds of one pass through ``exercise``: every set and side, back to back.

    Args:
        fixed_only: count only what has a fixed length: a manual set (it ends on done) counts 0.
    """
    total = 0.0
    for set_no in range(1, exercise.sets + 1):
        target = exercise.as_set(set_no)
        if target.duration is not None:
            one = target.duration
        elif fixed_only and settings.manual:
            one = 0.0
        else:
            assert target.reps is not None
            one = target.reps[1] * settings.seconds_per_rep
        total += 2 * one + settings.switch_sides if exercise.per_side else one
    return total
