"""The training log: round trips, migrations, import, two writers, a killed writer, fallbacks."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

import pytest

from legtimer.storage import trainlog_sql
from legtimer.storage.paths import log_path
from legtimer.storage.pending import WorkoutRecorder, merge_pending, pending_dir
from legtimer.storage.trainlog import LogUnavailable, TrainingLog
from legtimer.storage.trainlog_export import CSV_COLUMNS
from legtimer.storage.trainlog_records import Score, SetRecord, WorkoutRecord

SPAWN = multiprocessing.get_context("spawn")

SQUAT_LEFT = SetRecord(
    "Split squat", 1, 1, 1000.0, side="left", target_reps=15, reps=15, seconds=45.0, load="12 kg"
)
SQUAT_RIGHT = SQUAT_LEFT._replace(side="right", started_at=1050.0, reps=14)
PLANK = SetRecord("Plank", 1, 1, 1100.0, block="finisher", target_seconds=30.0, seconds=30.0)
SKIPPED = SetRecord("Calf raise", 1, 1, 1200.0, target_reps=20, skipped=True)


def wait_until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Poll ``condition()`` until true, failing after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def record_workout(log: TrainingLog, name: str, started: float, sets: list[SetRecord]) -> int:
    workout = log.begin_workout(name, f"{name.lower()}.toml", started)
    for record in sets:
        log.record_set(workout, record)
    log.end_workout(workout, started + 600, True, 600.0, 400.0, 200.0)
    return workout


def test_default_path_honours_legtimer_home(private_home: Path) -> None:
    assert log_path() == private_home / "legtimer.db"


def test_round_trip_of_a_workout_with_sets_and_scores(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        workout = log.begin_workout("Legs", "legs.toml", 1000.0)
        ids = [log.record_set(workout, s) for s in (SQUAT_LEFT, SQUAT_RIGHT, PLANK, SKIPPED)]
        log.correct_reps(ids[1], 13)
        scores = (Score("finisher", 1, 4, 2), Score("finisher", 2, 5))
        log.end_workout(workout, 1600.0, True, 600.0, 420.0, 180.0, scores)
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        [stored] = log.workouts()
    expected = [SQUAT_LEFT, SQUAT_RIGHT._replace(reps=13), PLANK, SKIPPED]
    assert stored == WorkoutRecord(
        workout,
        "Legs",
        "legs.toml",
        1000.0,
        1600.0,
        True,
        600.0,
        420.0,
        180.0,
        tuple(s._replace(id=i) for s, i in zip(expected, ids, strict=True)),
        scores,
    )
    assert stored.sets[3].skipped is True


def test_workouts_are_newest_first_and_limited(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        for started in (300.0, 100.0, 200.0):
            record_workout(log, f"W{int(started)}", started, [SQUAT_LEFT])
        assert [w.started_at for w in log.workouts()] == [300.0, 200.0, 100.0]
        assert [w.started_at for w in log.workouts(limit=2)] == [300.0, 200.0]
        assert all(len(w.sets) == 1 for w in log.workouts())
        assert log.workouts(limit=0) == []


def test_last_session_sets_follows_what_was_done(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        assert log.last_session_sets("Split squat") == []
        record_workout(log, "Old", 100.0, [SQUAT_LEFT._replace(reps=10)])
        newest = record_workout(
            log,
            "New",
            200.0,
            [SQUAT_LEFT, SQUAT_LEFT._replace(set_no=2, skipped=True, reps=None)],
        )
        # Every set skipped: that workout says nothing about what the person can do.
        record_workout(log, "Skipped", 250.0, [SQUAT_LEFT._replace(skipped=True, reps=None)])
        # Only the harder variant was done in the latest workout: its own history.
        record_workout(
            log, "Variant", 300.0, [SQUAT_LEFT._replace(variant="Bulgarian split squat")]
        )
        last = log.last_session_sets("Split squat")
        assert [(s.reps, s.skipped) for s in last] == [(15, False)]
        assert [s.variant for s in log.last_session_sets("Bulgarian split squat")] == [
            "Bulgarian split squat"
        ]
        older = log.last_session_sets("Split squat", exclude_workout=newest)
        assert [s.reps for s in older] == [10]


def test_loads_are_remembered_per_exercise(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        assert log.last_load("Goblet squat") is None
        log.remember_load("Goblet squat", "16 kg")
        log.remember_load("Goblet squat", "20 kg")
        assert log.last_load("Goblet squat") == "20 kg"
        assert log.last_load("Lunge") is None


def test_correcting_or_ending_what_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        with pytest.raises(ValueError):
            log.correct_reps(99, 3)
        with pytest.raises(ValueError):
            log.end_workout(99, 1.0, True, 1.0, 1.0, 0.0)


RAW_V1 = """
CREATE TABLE workouts (id INTEGER PRIMARY KEY, routine_name TEXT NOT NULL, routine_file TEXT,
  started_at REAL NOT NULL, ended_at REAL, finished INTEGER NOT NULL DEFAULT 0,
  total_seconds REAL, worked_seconds REAL, rested_seconds REAL);
CREATE TABLE sets (id INTEGER PRIMARY KEY, workout_id INTEGER NOT NULL REFERENCES workouts (id),
  exercise TEXT NOT NULL, variant TEXT, block TEXT, round INTEGER NOT NULL,
  set_no INTEGER NOT NULL, side TEXT, target_reps INTEGER, target_seconds REAL, reps INTEGER,
  seconds REAL, load TEXT, skipped INTEGER NOT NULL DEFAULT 0, started_at REAL NOT NULL);
CREATE TABLE scores (workout_id INTEGER NOT NULL, block TEXT NOT NULL, round INTEGER NOT NULL,
  rounds_done INTEGER NOT NULL, extra_exercises INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (workout_id, block, round));
CREATE TABLE loads (exercise TEXT PRIMARY KEY, load TEXT NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO workouts VALUES (1, 'Legs', NULL, 100.0, 700.0, 1, 600.0, 400.0, 200.0);
INSERT INTO sets VALUES (1, 1, 'Squat', NULL, NULL, 1, 1, NULL, 10, NULL, 10, NULL, NULL, 0, 100.0);
PRAGMA user_version = 1;
"""


def make_raw_v1(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.executescript(RAW_V1)
    raw.close()


def user_version(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])
    finally:
        raw.close()


def test_a_v1_database_made_by_raw_sql_opens_at_the_current_version(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    with TrainingLog.open(db) as log:
        [workout] = log.workouts()
        assert (workout.routine_name, [s.reps for s in workout.sets]) == ("Legs", [10])
        record_workout(log, "More", 800.0, [SQUAT_LEFT])
    assert user_version(db) == trainlog_sql.SCHEMA_VERSION


def test_an_appended_migration_step_upgrades_a_v1_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    later = ("ALTER TABLE workouts ADD COLUMN notes TEXT", "UPDATE workouts SET notes = 'moved'")
    newest = trainlog_sql.SCHEMA_VERSION + 1
    monkeypatch.setattr(trainlog_sql, "MIGRATIONS", (*trainlog_sql.MIGRATIONS, later))
    monkeypatch.setattr(trainlog_sql, "SCHEMA_VERSION", newest)
    TrainingLog.open(db).close()
    assert user_version(db) == newest
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT routine_name, notes FROM workouts").fetchall() == [("Legs", "moved")]
    raw.close()
    TrainingLog.open(db).close()  # already there: nothing applied twice


def test_a_failed_migration_step_leaves_the_version_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    before = trainlog_sql.SCHEMA_VERSION
    broken = ("ALTER TABLE workouts ADD COLUMN notes TEXT", "THIS IS NOT SQL")
    monkeypatch.setattr(trainlog_sql, "MIGRATIONS", (*trainlog_sql.MIGRATIONS, broken))
    monkeypatch.setattr(trainlog_sql, "SCHEMA_VERSION", before + 1)
    with pytest.raises(LogUnavailable):
        TrainingLog.open(db)
    assert user_version(db) == before  # each earlier step committed on its own
    raw = sqlite3.connect(db)
    columns = [row[1] for row in raw.execute("PRAGMA table_info(workouts)")]
    raw.close()
    assert "notes" not in columns


def test_an_empty_file_at_version_0_gets_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    db.touch()
    with TrainingLog.open(db) as log:
        record_workout(log, "Legs", 1.0, [SQUAT_LEFT])
        assert len(log.workouts()) == 1
    assert user_version(db) == trainlog_sql.SCHEMA_VERSION
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_a_database_from_a_newer_legtimer_is_refused_not_damaged(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(LogUnavailable, match="newer legtimer"):
        TrainingLog.open(db)
    assert user_version(db) == 99


def test_a_corrupt_file_is_reported_in_one_readable_line(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    db.write_bytes(b"not sqlite " + os.urandom(8192))
    with pytest.raises(LogUnavailable) as caught:
        TrainingLog.open(db)
    message = str(caught.value)
    assert message == f"the training log at {db} is damaged (not a database)"
    assert db.read_bytes().startswith(b"not sqlite ")


def test_a_path_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(LogUnavailable, match="cannot be used") as caught:
        TrainingLog.open(tmp_path / "file" / "legtimer.db")
    assert "\n" not in str(caught.value)


def history_lines(tmp_path: Path) -> Path:
    path = tmp_path / "history.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for total, finished in ((600.0, True), (900.0, False)):
            # As legtimer 0.1 wrote them: "when" is the local minute the workout ended.
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(1_700_000_000.0 + total))
            line = {
                "when": when,
                "routine": "Runners",
                "total": total,
                "worked": total * 0.6,
                "rested": total * 0.4,
                "sets_done": 2,
                "sets_skipped": 1,
                "finished": finished,
            }
            out.write(json.dumps(line) + "\n")
        out.write('{"when": "yesterday", "routine": "x"}\nnot json at all\n\n')
        out.write('{"when": "2023-01-02 07:30", "routine": "Core", "total": 300, "worked": 200, ')
        out.write('"rested": 100, "sets_done": 5, "sets_skipped": 0, "finished": true}\n')
    return path


def test_import_jsonl_once_counting_bad_lines_and_leaving_the_file(tmp_path: Path) -> None:
    path = history_lines(tmp_path)
    before = path.read_bytes()
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        assert log.jsonl_import_report() is None
        assert log.import_jsonl(path) == 3
        assert log.import_jsonl(path) == 0
        assert log.jsonl_import_report() == (3, 2)
        workouts = log.workouts()
    assert path.read_bytes() == before
    assert [(w.routine_name, w.finished, w.total_seconds) for w in workouts] == [
        ("Runners", False, 900.0),
        ("Runners", True, 600.0),
        ("Core", True, 300.0),
    ]
    runners = workouts[1]
    assert runners.ended_at is not None
    assert runners.ended_at - runners.started_at == 600.0
    assert abs(runners.ended_at - 1_700_000_600.0) < 60  # written to the minute
    assert (runners.worked_seconds, runners.rested_seconds) == (360.0, 240.0)


def test_import_of_a_missing_file_imports_nothing_and_can_run_later(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        assert log.import_jsonl(tmp_path / "history.jsonl") == 0
        assert log.jsonl_import_report() is None
        assert log.import_jsonl(history_lines(tmp_path)) == 3


def test_export_json_shape(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        first = record_workout(log, "Legs", 100.0, [SQUAT_LEFT, SKIPPED])
        second = log.begin_workout("Core", None, 200.0)
        log.end_workout(second, 300.0, False, 100.0, 60.0, 40.0, [Score("amrap", 1, 3, 1)])
        data = json.loads(log.export_json())
    assert [w["id"] for w in data] == [first, second]  # oldest first
    assert set(data[0]) == {
        "id",
        "routine_name",
        "routine_file",
        "started_at",
        "ended_at",
        "finished",
        "total_seconds",
        "worked_seconds",
        "rested_seconds",
        "sets",
        "scores",
        "harder_offers",
    }
    assert data[0]["sets"][0] == {
        "exercise": "Split squat",
        "variant": None,
        "block": None,
        "round": 1,
        "pass": None,
        "set": 1,
        "side": "left",
        "target_reps": 15,
        "target_seconds": None,
        "reps": 15,
        "seconds": 45.0,
        "load": "12 kg",
        "skipped": False,
        "started_at": 1000.0,
    }
    assert data[0]["sets"][1]["skipped"] is True
    assert data[1]["sets"] == []
    assert data[1]["finished"] is False
    assert data[1]["scores"] == [
        {"block": "amrap", "round": 1, "rounds_done": 3, "extra_exercises": 1}
    ]


def test_export_csv_header_and_one_row_per_set(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        record_workout(log, "Legs", 100.0, [SQUAT_LEFT, SQUAT_RIGHT, PLANK])
        record_workout(log, "Rest day", 200.0, [])
        text = log.export_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [(r["routine_name"], r["exercise"], r["side"]) for r in body] == [
        ("Legs", "Split squat", "left"),
        ("Legs", "Split squat", "right"),
        ("Legs", "Plank", ""),
        ("Rest day", "", ""),
    ]
    assert body[0]["finished"] == "1"
    assert body[0]["load"] == "12 kg"
    assert body[2]["block"] == "finisher"


# --- two processes at once, and a killed writer ----------------------------------------------


def _write_workouts(db: str, tag: str, count: int, go: EventType) -> None:
    go.wait()
    with TrainingLog.open(Path(db), timeout=60.0) as log:
        for i in range(count):
            workout = log.begin_workout(tag, None, float(i))
            for n in (1, 2):
                log.record_set(workout, SetRecord("Squat", 1, n, float(i), reps=n))
            log.end_workout(workout, i + 60.0, True, 60.0, 40.0, 20.0)


def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    TrainingLog.open(db).close()
    go = SPAWN.Event()
    writers = [SPAWN.Process(target=_write_workouts, args=(str(db), tag, 500, go)) for tag in "AB"]
    for writer in writers:
        writer.start()
    go.set()
    for writer in writers:
        writer.join(timeout=300)
        assert writer.exitcode == 0
    with TrainingLog.open(db) as log:
        workouts = log.workouts()
    assert len(workouts) == 1000
    assert sorted(w.routine_name for w in workouts) == ["A"] * 500 + ["B"] * 500
    assert all([s.reps for s in w.sets] == [1, 2] and w.finished for w in workouts)
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM sets").fetchone() == (2000,)
    raw.close()


def _crash_set(workout: int, n: int) -> SetRecord:
    return SetRecord("Lunge", 1, n, float(workout), side="left", reps=workout % 50 + n, load="8 kg")


def _write_forever(db: str) -> None:
    with TrainingLog.open(Path(db), timeout=60.0) as log:
        i = 0
        while True:
            workout = log.begin_workout("crash", None, float(i))
            for n in (1, 2, 3):
                log.record_set(workout, _crash_set(i, n))
            log.end_workout(workout, i + 60.0, True, 60.0, 40.0, 20.0)
            i += 1


def _ended(db: Path) -> int:
    raw = sqlite3.connect(db, timeout=10)
    try:
        return int(
            raw.execute("SELECT count(*) FROM workouts WHERE ended_at NOT NULL").fetchone()[0]
        )
    finally:
        raw.close()


def test_a_writer_killed_mid_stream_leaves_a_sound_log(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    TrainingLog.open(db).close()
    writer = SPAWN.Process(target=_write_forever, args=(str(db),))
    writer.start()
    try:
        wait_until(lambda: _ended(db) >= 40)
    finally:
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(timeout=30)
    assert writer.exitcode == -signal.SIGKILL
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    with TrainingLog.open(db) as log:
        workouts = log.workouts()
        record_workout(log, "after", 1e6, [SQUAT_LEFT])  # still writable
    assert len(workouts) >= 40
    for workout in workouts:
        index = int(workout.started_at)
        expected = [_crash_set(index, n) for n in (1, 2, 3)]
        done = [s._replace(id=None) for s in workout.sets]
        if workout.ended_at is not None:
            assert done == expected
        else:  # the one under way: a prefix of its sets, each whole
            assert done == expected[: len(done)]
    assert sum(w.ended_at is None for w in workouts) <= 1


# --- the side file ---------------------------------------------------------------------------


def lock(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def locked_log(tmp_path: Path) -> tuple[Path, sqlite3.Connection, WorkoutRecorder]:
    """A log another connection holds locked, and a recorder that gives up on it at once."""
    db = tmp_path / "legtimer.db"
    TrainingLog.open(db).close()
    return db, lock(db), WorkoutRecorder(db, timeout=0.05)


def test_a_locked_log_sends_the_workout_to_a_side_file_merged_once(tmp_path: Path) -> None:
    db, holder, recorder = locked_log(tmp_path)
    recorder.begin("Legs", "legs.toml", 1000.0)
    first = recorder.record_set(SQUAT_LEFT)
    recorder.record_set(SQUAT_RIGHT)
    recorder.correct_reps(first, 11)
    recorder.remember_load("Split squat", "14 kg")
    recorder.end(1600.0, True, 600.0, 400.0, 200.0, [Score("finisher", 1, 4, 2)])
    recorder.close()
    assert recorder.problem is not None
    assert recorder.problem.startswith("the training log is locked by another program")
    assert "\n" not in recorder.problem
    assert recorder.side_file is not None and recorder.side_file.parent == pending_dir(db)
    holder.execute("ROLLBACK")
    holder.close()

    with TrainingLog.open(db) as log:
        assert log.workouts() == []
        assert merge_pending(log, pending_dir(db)) == 1
        assert merge_pending(log, pending_dir(db)) == 0
        [workout] = log.workouts()
        assert log.last_load("Split squat") == "14 kg"
    assert list(pending_dir(db).iterdir()) == []
    assert (workout.routine_name, workout.ended_at, workout.finished) == ("Legs", 1600.0, True)
    assert [s._replace(id=None) for s in workout.sets] == [
        SQUAT_LEFT._replace(reps=11),
        SQUAT_RIGHT,
    ]
    assert workout.scores == (Score("finisher", 1, 4, 2),)


def test_a_lock_mid_workout_continues_the_same_workout(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    recorder = WorkoutRecorder(db, timeout=0.05)
    recorder.begin("Legs", None, 1000.0)
    first = recorder.record_set(SQUAT_LEFT)
    assert recorder.problem is None and recorder.side_file is None
    holder = lock(db)
    recorder.record_set(SQUAT_RIGHT)
    recorder.correct_reps(first, 12)  # a set already in the log, corrected while locked
    recorder.end(1600.0, False, 600.0, 400.0, 200.0)
    recorder.close()
    holder.execute("ROLLBACK")
    holder.close()
    assert recorder.problem is not None
    with TrainingLog.open(db) as log:
        assert merge_pending(log, pending_dir(db)) == 1
        [workout] = log.workouts()
    assert [s.reps for s in workout.sets] == [12, 14]
    assert (workout.ended_at, workout.finished) == (1600.0, False)


def test_a_damaged_log_falls_back_from_the_start(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    db.write_bytes(os.urandom(4096))
    recorder = WorkoutRecorder(db)
    assert recorder.problem is not None and "damaged" in recorder.problem
    recorder.begin("Legs", None, 1.0)
    recorder.record_set(PLANK)
    recorder.end(61.0, True, 60.0, 30.0, 30.0)
    recorder.close()
    lines = pending_dir(db).joinpath(recorder.side_file.name if recorder.side_file else "x")
    kinds = [json.loads(line)["kind"] for line in lines.read_text().splitlines()]
    assert kinds == ["begin", "set", "end"]


def test_a_workout_under_way_is_not_merged_and_a_torn_last_line_is_ignored(
    tmp_path: Path,
) -> None:
    db, holder, recorder = locked_log(tmp_path)
    recorder.begin("Legs", None, 1.0)
    recorder.record_set(PLANK)
    holder.execute("ROLLBACK")
    holder.close()
    with TrainingLog.open(db) as log:
        assert merge_pending(log, pending_dir(db)) == 0  # its owner still holds it
        recorder.close()  # the process "crashes": no end, lock released
        assert recorder.side_file is not None
        with recorder.side_file.open("ab") as out:
            out.write(b'{"kind": "set", "handle": 1, "set": {"exercise": "Pla')
        assert merge_pending(log, pending_dir(db)) == 1
        [workout] = log.workouts()
    assert workout.ended_at is None
    assert [s.exercise for s in workout.sets] == ["Plank"]


def test_a_crash_between_commit_and_removal_does_not_merge_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "legtimer.db"
    db.write_bytes(os.urandom(4096))
    recorder = WorkoutRecorder(db)
    recorder.begin("Legs", None, 1.0)
    recorder.record_set(PLANK)
    recorder.end(61.0, True, 60.0, 30.0, 30.0)
    recorder.close()
    db.unlink()

    def no_unlink(path: object) -> None:
        raise OSError("simulated crash before the file was removed")

    with TrainingLog.open(db) as log:
        monkeypatch.setattr(os, "unlink", no_unlink)
        assert merge_pending(log, pending_dir(db)) == 1
        monkeypatch.undo()
        assert len(list(pending_dir(db).glob("*.jsonl"))) == 1
        assert merge_pending(log, pending_dir(db)) == 0
        assert len(log.workouts()) == 1
    assert list(pending_dir(db).iterdir()) == []


def test_a_side_file_without_a_begin_is_kept_aside(tmp_path: Path) -> None:
    folder = pending_dir(tmp_path / "legtimer.db")
    folder.mkdir()
    (folder / "odd.jsonl").write_text("garbage\n")
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        assert merge_pending(log, folder) == 0
    assert [p.name for p in folder.iterdir()] == ["odd.jsonl.unreadable"]
