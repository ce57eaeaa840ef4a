"""The workout log and the safe writer under it: nothing is ever lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from legtimer.core.summary import ExerciseTally, Summary
from legtimer.storage import history
from legtimer.storage.files import atomic_write
from tests.test_cli import run


def summary(total: float = 600.0, finished: bool = True) -> Summary:
    return Summary(
        "Runners",
        total,
        400.0,
        200.0,
        finished,
        (ExerciseTally("Clamshells", "exercise", 3, 2, 1),),
    )


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


def test_record_and_load(tmp_path: Path) -> None:
    log = tmp_path / "h.jsonl"
    assert history.record(summary(), log, now=0)
    assert history.record(summary(900, finished=False), log, now=0)
    assert not history.record(summary(10, finished=False), log, now=0), "a false start"
    entries, bad = history.load(log)
    assert bad == 0
    assert [(e.routine, e.total, e.finished, e.sets_done) for e in entries] == [
        ("Runners", 600.0, True, 2),
        ("Runners", 900.0, False, 2),
    ]


def test_unreadable_lines_are_counted_and_kept(tmp_path: Path) -> None:
    log = tmp_path / "h.jsonl"
    log.write_text('{"broken": \nnot json\n')
    history.record(summary(), log, now=0)
    entries, bad = history.load(log)
    assert len(entries) == 1 and bad == 2
    assert log.read_text().startswith('{"broken": \nnot json\n')


def test_history_command(private_home: Path) -> None:
    empty = run("history")
    assert empty.returncode == 0 and "no workouts yet" in empty.stdout
    history.record(summary(), private_home / "history.jsonl", now=0)
    shown = run("history")
    assert shown.returncode == 0
    assert "Runners" in shown.stdout and "2 done, 1 skipped" in shown.stdout
