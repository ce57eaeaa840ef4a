"""Training-log speed, printed, never asserted.

- Recording a set (one fsynced transaction), median and max over 500 sets.
- Listing 5,000 workouts with their sets (``workouts()``), median of 5 runs.
- Opening the log and asking for the last session of one exercise, at that size.
- Opening the history screen on 5,000 workouts: open the log, read it, mount the screen
  (all three tabs composed, the workouts table filled), median of 5 runs.

The database lives in a temporary folder on the same disk as ``tempfile.gettempdir()``
(or the folder given as the first argument).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from legtimer.storage import trainlog_sql as sql
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord

EXERCISES = ("Split squat", "Goblet squat", "Hip thrust", "Calf raise")
SETS_PER_WORKOUT = 12


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_record_set(folder: Path, count: int = 500) -> list[float]:
    """Time ``record_set`` one set at a time, as the app does at the end of each set."""
    with TrainingLog.open(folder / "record.db") as log:
        workout = log.begin_workout("Bench", None, time.time())
        times = []
        for n in range(count):
            record = SetRecord(
                EXERCISES[n % 4], n // 12 + 1, n % 3 + 1, time.time(), target_reps=15, reps=15
            )
            start = time.perf_counter()
            log.record_set(workout, record)
            times.append(time.perf_counter() - start)
    return times


def fill(path: Path, workouts: int = 5000) -> None:
    """5,000 workouts of 12 sets, written in one transaction (only the reading is timed)."""
    with TrainingLog.open(path) as log, log._write() as db:
        for w in range(workouts):
            started = 1_600_000_000.0 + w * 86_400
            cursor = db.execute(
                "INSERT INTO workouts (routine_name, routine_file, started_at, ended_at, "
                "finished, total_seconds, worked_seconds, rested_seconds) "
                "VALUES (?, ?, ?, ?, 1, 1800, 1000, 800)",
                ("Legs", "legs.toml", started, started + 1800),
            )
            workout = int(cursor.lastrowid or 0)
            for n in range(SETS_PER_WORKOUT):
                record = SetRecord(
                    EXERCISES[n % 4],
                    1,
                    n // 4 + 1,
                    started + n * 120,
                    side=("left", "right")[n % 2],
                    target_reps=15,
                    reps=15 + w % 5,
                    load="12 kg",
                )
                sql.insert_set(db, workout, record)


def bench_history_screen(path: Path, runs: int = 5) -> list[float]:
    """Seconds from opening the log to the history screen mounted and filled."""
    import asyncio
    from datetime import date, datetime

    from legtimer.storage.history_data import read_history, sets_of
    from legtimer.ui.history_app import HistoryApp

    times: list[float] = []

    async def once() -> None:
        start = time.perf_counter()
        with TrainingLog.open(path) as log:
            app = HistoryApp(
                read_history(log),
                date.today(),
                lambda wid: sets_of(log, wid),
                lambda seconds: datetime.fromtimestamp(seconds).date(),
            )
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                times.append(time.perf_counter() - start)

    for _ in range(runs):
        asyncio.run(once())
    return times


def report_record_set(folder: Path) -> None:
    """Print the time to record a set (median, max), as `make bench` shows it."""
    times = bench_record_set(folder)
    print(
        f"record a set (x{len(times)}): median {_ms(statistics.median(times))}, "
        f"max {_ms(max(times))}"
    )


def report_history_screen(folder: Path) -> None:
    """Print the time to open the history screen on 5,000 workouts."""
    path = folder / "history.db"
    fill(path)
    times = bench_history_screen(path)
    print(
        f"open the history screen, 5,000 workouts: median {_ms(statistics.median(times))}, "
        f"max {_ms(max(times))}"
    )


def main() -> None:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(dir=base) as name:
        folder = Path(name)
        print(f"database folder: {folder}")
        times = bench_record_set(folder)
        print(
            f"record_set x{len(times)}: median {_ms(statistics.median(times))}, "
            f"p95 {_ms(sorted(times)[int(len(times) * 0.95)])}, max {_ms(max(times))}"
        )
        path = folder / "big.db"
        fill(path)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            with TrainingLog.open(path) as log:
                listed = log.workouts()
            runs.append(time.perf_counter() - start)
        total_sets = sum(len(w.sets) for w in listed)
        print(
            f"open + workouts() of {len(listed)} workouts / {total_sets} sets: "
            f"median {_ms(statistics.median(runs))}, max {_ms(max(runs))}"
        )
        with TrainingLog.open(path) as log:
            start = time.perf_counter()
            recent = log.workouts(limit=20)
            limited = time.perf_counter() - start
            start = time.perf_counter()
            last = log.last_session_sets("Hip thrust")
            lookup = time.perf_counter() - start
        print(f"workouts(limit=20): {_ms(limited)} ({len(recent)} workouts)")
        print(f"last_session_sets at 5,000 workouts: {_ms(lookup)} ({len(last)} sets)")
        start = time.perf_counter()
        TrainingLog.open(path).close()
        print(f"open an existing log: {_ms(time.perf_counter() - start)}")
        print(f"database size: {path.stat().st_size / 1e6:.1f} MB")
        times = bench_history_screen(path)
        print(
            f"open the history screen at 5,000 workouts: median "
            f"{_ms(statistics.median(times))}, max {_ms(max(times))}"
        )


if __name__ == "__main__":
    main()
