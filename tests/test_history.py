"""The workout log and the safe writer under it: nothing is ever lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from legtimer.storage.files import atomic_write
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord
from tests.test_cli import run


def test_atomic_write_keeps_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "r.toml"
    atomic_write(target, "one\n")
    atomic_write(target, "two\n")
    assert target.read_text() == "two\n"
    assert (tmp_path / "r.toml.bak").read_text() == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.toml", "r.toml.bak"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "log.jsonl"
    target.write_bytes(b"precious\n")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(os, "fdopen", boom)
    elif failing == "fsync":
        monkeypatch.setattr(os, "fsync", boom)
    else:
        real = os.replace

        def replace_fails_for_target(src: str, dst: object) -> None:
            if Path(str(dst)) == target:
                boom()
            real(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace_fails_for_target)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_bytes() == b"precious\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _record_one(db: Path, routine: str = "Runners", finished: bool = True) -> None:
    with TrainingLog.open(db) as log:
        workout = log.begin_workout(routine, "routines/runners.toml", 1_700_000_000.0)
        for set_no, skipped in ((1, False), (2, False), (3, True)):
            log.record_set(
                workout,
                SetRecord(
                    "Clamshells",
                    1,
                    set_no,
                    1_700_000_010.0 + set_no,
                    side="left",
                    target_reps=20,
                    reps=None if skipped else 20,
                    skipped=skipped,
                ),
            )
        log.end_workout(workout, 1_700_000_600.0, finished, 600.0, 400.0, 200.0)


def test_history_command_lists_the_training_log(private_home: Path) -> None:
    empty = run("history")
    assert empty.returncode == 0 and "no workouts yet" in empty.stdout
    _record_one(private_home / "legtimer.db")
    _record_one(private_home / "legtimer.db", "Tabata", finished=False)
    shown = run("history")
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    assert "Runners" in lines[1] and "2 done, 1 skipped" in lines[1]
    assert "Tabata" in lines[2] and lines[2].endswith("(stopped early)")


def test_history_exports_every_set_as_json_and_csv(private_home: Path) -> None:
    _record_one(private_home / "legtimer.db")
    exported = json.loads(run("history", "--json").stdout)
    assert [w["routine_name"] for w in exported] == ["Runners"]
    sets = exported[0]["sets"]
    assert [(s["exercise"], s["set"], s["side"], s["reps"], s["skipped"]) for s in sets] == [
        ("Clamshells", 1, "left", 20, False),
        ("Clamshells", 2, "left", 20, False),
        ("Clamshells", 3, "left", None, True),
    ]
    csv_lines = run("history", "--csv").stdout.splitlines()
    assert len(csv_lines) == 4 and "exercise" in csv_lines[0]


def test_the_old_history_file_is_imported_once_and_kept(private_home: Path) -> None:
    old = private_home / "history.jsonl"
    line = {
        "when": "2026-01-12 07:30",
        "routine": "Runners",
        "total": 2200.0,
        "worked": 900.0,
        "rested": 1300.0,
        "sets_done": 20,
        "sets_skipped": 0,
        "finished": True,
    }
    old.write_text(json.dumps(line) + "\n")
    before = old.read_bytes()
    for _ in range(2):
        shown = run("history")
        assert shown.returncode == 0
        # The old log noted the end; the training log lists a workout by its start.
        assert shown.stdout.count("2026-01-12 06:53") == 1, shown.stdout
    assert old.read_bytes() == before
