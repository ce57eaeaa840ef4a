"""One legtimer keeps its place at a time; a killed one lets go at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from legtimer.storage.placelock import PlaceLock
from tests.conftest import ROOT

HOLD = """
import sys, time
from pathlib import Path
from legtimer.storage.placelock import PlaceLock
lock = PlaceLock(Path(sys.argv[1]))
print("held" if lock.take() else "refused", flush=True)
time.sleep(60)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def test_a_second_legtimer_is_refused_and_told_who_holds_the_place(tmp_path: Path) -> None:
    path = tmp_path / "state" / "checkpoint.lock"
    child = _holder(path)
    try:
        lock = PlaceLock(path)
        assert lock.take() is False
        assert lock.holder() == child.pid
        assert lock.holder_name() == f"another legtimer (process {child.pid})"
    finally:
        child.kill()
        child.wait()


def test_kill_9_lets_go_of_the_place_with_nothing_to_clear(tmp_path: Path) -> None:
    path = tmp_path / "state" / "checkpoint.lock"
    child = _holder(path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    lock = PlaceLock(path)
    assert lock.take() is True
    assert lock.holder() == os.getpid()
    assert PlaceLock(path).take() is False, "now this process holds it"
    lock.release()
    again = PlaceLock(path)
    assert again.take() is True
    again.release()


def test_a_folder_that_cannot_be_made_does_not_refuse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert PlaceLock(blocker / "state" / "checkpoint.lock").take() is True
