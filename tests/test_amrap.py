"""AMRAP blocks (``time_cap``): what is left, how the log tells AMRAPs apart, the summary's rows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.session import Session
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.logbook import Logbook
from legtimer.storage.pending import WorkoutRecorder, merge_pending, pending_dir
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import Score, SetRecord
from legtimer.ui.screens.history import set_line
from legtimer.ui.screens.summary import summary_lines
from tests.conftest import FakeClock
from tests.test_trainlog import locked_log

TWO_AMRAPS = (
    '[routine]\nname = "Mini AMRAP"\n\n[defaults]\nget_ready = "3s"\n\n'
    '[[block]]\nname = "Burner"\ntime_cap = "25s"\nrounds = 2\nrest_between_rounds = "5s"\n\n'
    '[[block.exercise]]\nname = "Push-ups"\nreps = 5\n\n'
    '[[block.exercise]]\nname = "Plank"\nduration = "6s"\n'
)


def test_what_is_left_falls_with_the_cap_clock_whatever_the_exercise() -> None:
    """3 s get-ready + 25 s cap + 5 s rest + 25 s cap: "left" is 58 s less the time gone."""
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(TWO_AMRAPS)), clock)
    assert session.plan.total == pytest.approx(58.0)
    session.start()
    for at, done in ((5.0, False), (7.0, True), (10.0, False), (15.0, True), (20.0, False)):
        clock.set(at)
        session.tick()
        assert session.total_remaining() == pytest.approx(58.0 - at), at
        if done:  # the push-ups end; the plank (or the next pass) starts
            session.done()
            assert session.total_remaining() == pytest.approx(58.0 - at), at
    clock.set(28.5)
    session.tick()
    assert session.step.kind.is_rest
    assert session.total_remaining() == pytest.approx(58.0 - 28.5)


def _logged_two_amraps(tmp_path: Path, clock: FakeClock) -> tuple[WorkoutDriver, Path]:
    db = tmp_path / "legtimer.db"
    logbook = Logbook(WorkoutRecorder(db, timeout=0.05), "Mini AMRAP", None, started_at=1000.0)
    plan = compile_plan(parse_routine(TWO_AMRAPS))
    return WorkoutDriver(plan, clock=clock, schedule=lambda *_: None, listeners=[logbook]), db


def test_the_log_tells_the_two_amraps_of_a_block_apart(tmp_path: Path) -> None:
    """Push-ups done in each AMRAP: round is the AMRAP, pass the circuit's pass within it."""
    clock = FakeClock()
    driver, db = _logged_two_amraps(tmp_path, clock)
    driver.start()
    for at in (5.0, 38.0):  # the push-ups of AMRAP 1, then of AMRAP 2 (after the 5 s rest)
        clock.set(at)
        driver.tick()
        assert driver.send(Command.DONE)
    clock.set(70.0)
    driver.tick()
    assert driver.ending is not None
    with TrainingLog.open(db) as log:
        (workout,) = log.workouts()
        exported = json.loads(log.export_json())
        rows = list(csv.DictReader(io.StringIO(log.export_csv())))
    pushups = [s for s in workout.sets if s.exercise == "Push-ups"]
    assert [(s.block, s.round, s.pass_no, s.set_no) for s in pushups] == [
        ("Burner", 1, 1, 1),
        ("Burner", 2, 1, 1),
    ]
    shown = [(s["round"], s["pass"]) for s in exported[0]["sets"] if s["exercise"] == "Push-ups"]
    assert shown == [(1, 1), (2, 1)]
    assert [(r["round"], r["pass"]) for r in rows if r["exercise"] == "Push-ups"] == [
        ("1", "1"),
        ("2", "1"),
    ]
    assert [set_line(s) for s in pushups][1].startswith("Push-ups  AMRAP 2 pass 1 set 1")


OLD_LOG = """
CREATE TABLE workouts (id INTEGER PRIMARY KEY, routine_name TEXT NOT NULL, routine_file TEXT,
  started_at REAL NOT NULL, ended_at REAL, finished INTEGER NOT NULL DEFAULT 0,
  total_seconds REAL, worked_seconds REAL, rested_seconds REAL);
CREATE TABLE sets (id INTEGER PRIMARY KEY, workout_id INTEGER NOT NULL, exercise TEXT NOT NULL,
  variant TEXT, block TEXT, round INTEGER NOT NULL, set_no INTEGER NOT NULL, side TEXT,
  target_reps INTEGER, target_seconds REAL, reps INTEGER, seconds REAL, load TEXT,
  skipped INTEGER NOT NULL DEFAULT 0, started_at REAL NOT NULL);
CREATE TABLE scores (workout_id INTEGER NOT NULL, block TEXT NOT NULL, round INTEGER NOT NULL,
  rounds_done INTEGER NOT NULL, extra_exercises INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (workout_id, block, round));
CREATE TABLE loads (exercise TEXT PRIMARY KEY, load TEXT NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO workouts VALUES (1, 'Finisher', NULL, 100.0, 700.0, 1, 600.0, 400.0, 200.0);
INSERT INTO sets VALUES (1, 1, 'Swings', NULL, 'One', 1, 1, NULL, 10, NULL, 10, NULL, NULL, 0, 1);
INSERT INTO sets VALUES (2, 1, 'Swings', NULL, 'One', 2, 1, NULL, 10, NULL, 10, NULL, NULL, 0, 2);
INSERT INTO sets VALUES (3, 1, 'Squat', NULL, 'Two', 1, 1, NULL, 10, NULL, 10, NULL, NULL, 0, 3);
INSERT INTO sets VALUES (4, 1, 'Squat', NULL, 'Plain', 2, 1, NULL, 8, NULL, 8, NULL, NULL, 0, 4);
INSERT INTO scores VALUES (1, 'One', 1, 1, 0);
INSERT INTO scores VALUES (1, 'Two', 1, 0, 1);
INSERT INTO scores VALUES (1, 'Two', 2, 0, 0);
PRAGMA user_version = 3;
"""


def test_an_old_log_keeps_its_sets_and_a_single_amraps_rounds_become_passes(
    tmp_path: Path,
) -> None:
    """Before the pass had its own field, a one-AMRAP block logged the pass as the round."""
    db = tmp_path / "legtimer.db"
    raw = sqlite3.connect(db)
    raw.executescript(OLD_LOG)
    raw.close()
    with TrainingLog.open(db) as log:
        (workout,) = log.workouts()
    assert [(s.block, s.round, s.pass_no) for s in workout.sets] == [
        ("One", 1, 1),
        ("One", 1, 2),
        ("Two", 1, None),  # two AMRAPs: which one it was is not known, so it is left alone
        ("Plain", 2, None),
    ]


def test_the_summary_row_of_an_amrap_adds_up_with_the_sets_the_cap_cut() -> None:
    """Push-ups done twice in each AMRAP and cut once by each cap: 4 done + 2 cut = 6 of."""
    clock = FakeClock()
    driver = WorkoutDriver(compile_plan(parse_routine(TWO_AMRAPS)), clock=clock)
    driver.start()
    # Each AMRAP: push-ups done 2 s in, 6 s plank, push-ups done again, plank, then the cap
    # cuts the third push-ups. AMRAP 1 begins at 3 s, AMRAP 2 at 33 s.
    for begin in (3.0, 33.0):
        for at in (begin + 2, begin + 10):
            clock.set(at)
            driver.tick()
            assert driver.send(Command.DONE)
    clock.set(60.0)
    driver.tick()
    assert driver.ending is not None
    summary = driver.ending.summary
    lines = summary_lines(summary)
    assert lines[0].split() == ["EXERCISE", "DONE", "SKIPPED", "CUT", "OF"]
    rows = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[1:]}
    assert rows["Push-ups"] == [4, 0, 2, 6]
    for name, (done, skipped, cut, planned) in rows.items():
        assert done + skipped + cut == planned, name


def test_the_summary_has_no_cut_column_when_no_cap_cut_a_set() -> None:
    text = '[routine]\nname = "T"\n\n[[exercise]]\nname = "Squat"\nreps = 5\nsets = 2\n'
    clock = FakeClock()
    driver = WorkoutDriver(compile_plan(parse_routine(text)), clock=clock)
    driver.start()
    ending = driver.end("stopped")
    assert summary_lines(ending.summary)[0].split() == ["EXERCISE", "DONE", "SKIPPED", "OF"]


def test_a_side_file_from_before_the_pass_field_is_merged_as_the_migration_would(
    tmp_path: Path,
) -> None:
    """A workout kept in a side file by an older legtimer (round = pass, no pass_no key)."""
    db, holder, recorder = locked_log(tmp_path)
    recorder.begin("Finisher day", "f.toml", 1000.0)
    for pass_no in (1, 2, 3):
        recorder.record_set(SetRecord("Burpees", pass_no, 1, 1000.0 + pass_no, block="Burner"))
    recorder.record_set(SetRecord("Lunges", 2, 1, 1100.0, block="Plain"))
    recorder.end(1200.0, True, 200.0, 150.0, 50.0, [Score("Burner", 1, 3, 0)])
    recorder.close()
    holder.execute("ROLLBACK")
    holder.close()
    assert recorder.side_file is not None
    lines = [json.loads(line) for line in recorder.side_file.read_text().splitlines()]
    for line in lines:
        line.get("set", {}).pop("pass_no", None)  # as the older writer wrote it
    recorder.side_file.write_text("".join(json.dumps(line) + "\n" for line in lines))

    with TrainingLog.open(db) as log:
        assert merge_pending(log, pending_dir(db)) == 1
        (workout,) = log.workouts()
    assert [(s.exercise, s.round, s.pass_no) for s in workout.sets] == [
        ("Burpees", 1, 1),
        ("Burpees", 1, 2),
        ("Burpees", 1, 3),
        ("Lunges", 2, None),
    ]
