"""`legtimer history`: the history screen in a terminal; a table, JSON or CSV otherwise.

The table ends with each slot moved up to a harder variant ("Clamshells → Banded Clamshells
since 12 Jan"; once moved back down, "Clamshells → Banded Clamshells 12 Jan – 3 Feb").
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from legtimer.core.durations import format_clock
from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK

if TYPE_CHECKING:
    from legtimer.storage.trainlog import TrainingLog
    from legtimer.storage.trainlog_records import WorkoutRecord


def show_history(plain: bool = True, as_json: bool = False, as_csv: bool = False) -> int:
    """The history screen when stdout is a terminal and no format was asked for; else print
    the log: a table (oldest first), or every workout with its sets as JSON or CSV."""
    from legtimer.cli.workout import has_terminal, tidy_log
    from legtimer.core.harder import promotion_history
    from legtimer.storage.paths import log_path
    from legtimer.storage.trainlog import LogUnavailable, TrainingLog

    tidy_log()
    try:
        with TrainingLog.open(log_path()) as log:
            if not (plain or as_json or as_csv) and has_terminal():
                return _history_screen(log)
            if as_json:
                print(log.export_json())
                return EXIT_OK
            if as_csv:
                sys.stdout.write(log.export_csv())
                return EXIT_OK
            workouts = list(reversed(log.workouts()))
            promotions = promotion_history(log.harder_answers())
    except LogUnavailable as exc:
        print(f"legtimer: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if workouts:
        _print_table(workouts)
    else:
        print(f"no workouts yet (the log will be {log_path()})")
    if promotions:  # a yes to a harder variant is kept even before any workout is
        print()
        for promotion in promotions:
            print(promotion.line())
    return EXIT_OK


def _print_table(workouts: list[WorkoutRecord]) -> None:
    """One line per workout, oldest first."""
    width = max(8, *(len(w.routine_name) for w in workouts))
    print(f"{'WHEN':<16}  {'ROUTINE':<{width}}  {'TIME':>7}  {'WORKED':>7}  SETS")
    for workout in workouts:
        done = sum(1 for s in workout.sets if not s.skipped)
        skipped = len(workout.sets) - done
        sets = f"{done} done, {skipped} skipped" if workout.sets else "-"
        status = "" if workout.finished else "  (stopped early)"
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(workout.started_at))
        print(
            f"{when:<16}  {workout.routine_name:<{width}}  "
            f"{format_clock(workout.total_seconds or 0, count_up=True):>7}  "
            f"{format_clock(workout.worked_seconds or 0, count_up=True):>7}  "
            f"{sets}{status}"
        )


def _history_screen(log: TrainingLog) -> int:
    """Open the history screen on an open log (Textual is imported only now)."""
    from datetime import date, datetime

    from legtimer.storage.history_data import read_history, sets_of
    from legtimer.ui.history_app import HistoryApp

    def day_of(seconds: float) -> date:
        return datetime.fromtimestamp(seconds).date()

    app = HistoryApp(read_history(log), date.today(), lambda wid: sets_of(log, wid), day_of)
    app.run()
    return app.return_code or EXIT_OK
