"""What each CLI command does. Kept apart from argument parsing so tests can call them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from legtimer.core.durations import format_span

if TYPE_CHECKING:
    import argparse

from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK, RoutineError
from legtimer.core.loader import load_routine
from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine
from legtimer.core.words import count, plan_lines


def todays_totals(routines: Sequence[Routine]) -> list[float]:
    """Each routine's planned length at today's rep targets, as `legtimer plan` paces it.

    Read from the training log, opened once for them all (never created here): first-time
    targets without one, the top of each range when it cannot be read.
    """
    from legtimer.storage.paths import log_path
    from legtimer.storage.progress import targets_for_each

    each = targets_for_each(routines, log_path())
    return [compile_plan(r, targets).total for r, targets in zip(routines, each, strict=True)]


def list_routines() -> int:
    """`legtimer list`: name, exercises, estimated time and place of every routine."""
    from legtimer.storage.library import find_routines
    from legtimer.storage.paths import user_routines_dir

    entries = find_routines()
    mine = user_routines_dir()
    if not entries:
        print("no routines found", file=sys.stderr)
        print(f"your routines go in {mine}")
        return EXIT_OK
    loaded: list[Routine | str] = []
    for entry in entries:
        try:
            loaded.append(load_routine(entry.path))
        except RoutineError as exc:
            loaded.append(exc.problems[0].message if exc.problems else "invalid")
    totals = iter(todays_totals([r for r in loaded if isinstance(r, Routine)]))
    rows: list[tuple[str, ...]] = [("NAME", "ROUTINE", "EXERCISES", "TIME", "WHERE")]
    for entry, routine in zip(entries, loaded, strict=True):
        if isinstance(routine, str):
            rows.append((entry.name, f"(invalid: {routine})", "-", "-", str(entry.path)))
            continue
        rows.append(
            (
                entry.name,
                routine.name,
                str(routine.main_count),
                format_span(next(totals)),
                f"{entry.where}: {entry.path}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    if all(entry.bundled for entry in entries):
        print(f"\nyour own routines go in {mine} (none there yet)")
    return EXIT_OK


def show_plan(routine: Routine, without: tuple[str, ...] | None = None) -> int:
    """`legtimer plan ROUTINE [--without ITEMS]`: today's exercises at today's targets.

    Swaps come from --without, else from the equipment answers remembered for workouts;
    promotions to harder variants and today's offers from the training log (never created here).
    """
    from legtimer.core.harder import MovingUp
    from legtimer.core.targets import progresses
    from legtimer.core.today import asked_equipment, missing_items
    from legtimer.live.variants import TodaysChoices
    from legtimer.storage.paths import log_path
    from legtimer.storage.progress import moving_up_from_log, targets_from_log

    if without is not None:
        missing = missing_items(routine, without)
    else:
        from legtimer.storage.equipment import load_answers

        missing = load_answers().missing_of(asked_equipment(routine))
    db = log_path()
    choices = TodaysChoices(
        routine,
        missing,
        moving_up_from_log(db) if routine.has_variants else MovingUp(),
        targets=lambda today: targets_from_log(today, db),
    )
    plan = choices.plan()
    print("\n".join(plan_lines(plan)))
    for note in plan.notes:
        print(note)
    today = plan.routine
    shown: set[str] = set()
    for exercise in today.all_exercises():
        target = plan.target(exercise.name)
        if target is not None and progresses(today, exercise) and exercise.name not in shown:
            shown.add(exercise.name)
            print(f"{exercise.name}: {target.describe()}")
    for offer in (choices.offers or {}).values():
        print(f"{offer.slot}: all sets at {offer.top} last time: the workout offers {offer.harder}")
    return EXIT_OK


def check_files(files: Sequence[str]) -> int:
    """`legtimer check FILE...`: every problem of every file, exit 2 if any.

    A bare name that is not a file here is looked up like --routine does ("check my-legs").
    """
    import os

    bad = 0
    for name in files:
        target = name
        if not os.path.exists(name) and os.sep not in name:
            import contextlib

            from legtimer.storage.library import RoutineNotFound, resolve_routine

            # Not a known name either: the loader then says "no such file".
            with contextlib.suppress(RoutineNotFound):
                target = str(resolve_routine(name))
        try:
            routine = load_routine(target)
        except RoutineError as exc:
            bad += 1
            print(str(exc), file=sys.stderr)
            continue
        print(
            f"{target}: ok: {routine.name}, {count(routine.main_count, 'exercise')}, "
            f"up to {format_span(compile_plan(routine).total)}"  # ranges at their top: no log
        )
    return EXIT_BAD_INPUT if bad else EXIT_OK


def new_routine(name: str, source: str | None, title: str | None = None) -> int:
    """`legtimer new NAME [--from ROUTINE [--title TEXT]]`."""
    from legtimer.storage.starter import main as create_main

    return create_main(name, source, title)


def doctor() -> int:
    """`legtimer doctor` (and its old name `sound-check`): sound, voice, keep-awake, folders."""
    from legtimer.cli.doctor import doctor as run_doctor

    return run_doctor()


def show_history(args: argparse.Namespace) -> int:
    """`legtimer history`: past workouts from the training log, or exported whole."""
    from legtimer.cli.history import show_history as run_history

    return run_history(plain=args.plain, as_json=args.json, as_csv=args.csv)
