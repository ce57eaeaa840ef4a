"""Real life, in a real terminal: keep-awake on a private desktop bus, a killed app resumed where
it stopped, every ending logged, and no screen without a terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from legtimer.storage.checkpoint import read_checkpoint
from tests.alsa_capture import null_audio_home
from tests.conftest import ROOT
from tests.dbus_fake import private_session_bus
from tests.tmux import LEGTIMER, Terminal

QUICK = """[routine]
name = "Quick Test"
[defaults]
get_ready = "2s"
rest = "3s"
rest_after = "3s"
[[exercise]]
name = "Squats"
sets = 3
duration = "2s"
[[exercise]]
name = "Kettlebell Swings"
sets = 3
duration = "20s"
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A HOME with a null sound device, so no sound notice shows."""
    return null_audio_home(tmp_path / "home")


@pytest.fixture
def quick(tmp_path: Path) -> Path:
    path = tmp_path / "quick.toml"
    path.write_text(QUICK, encoding="utf-8")
    return path


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt"), **extra}


def _logged(home: Path) -> list[dict[str, Any]]:
    result = subprocess.run(
        [LEGTIMER, "history", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **_env(home)},
        timeout=30,
        check=True,
    )
    workouts: list[dict[str, Any]] = json.loads(result.stdout)
    return workouts


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for term in opened:
        term.close()


def test_the_screen_stays_awake_from_start_to_summary(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal]
) -> None:
    (tmp_path / "bus").mkdir()
    with private_session_bus(tmp_path / "bus") as bus:
        started = time.time()
        term = Terminal(
            tmp_path,
            [LEGTIMER, "--routine", str(quick)],
            env=_env(home, DBUS_SESSION_BUS_ADDRESS=bus.address),
        )
        terminal.append(term)
        term.wait_text("GET READY")
        deadline = time.monotonic() + 5
        while not bus.calls() and time.monotonic() < deadline:
            time.sleep(0.05)
        calls = bus.calls()
        assert [c["call"] for c in calls] == ["Inhibit"]
        assert calls[0]["at"] - started < 2.0, "inhibited within 2 s of starting"
        term.keys("n", "d", "n", "d", "n", "d")  # through the squats quickly
        for _ in range(6):
            term.keys("n")
        term.wait_text("DONE", timeout=20)
        deadline = time.monotonic() + 5
        while len(bus.calls()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        calls = bus.calls()
        assert [c["call"] for c in calls] == ["Inhibit", "UnInhibit"]
        assert calls[1]["cookie"] == calls[0]["cookie"]
        assert "screen may sleep" not in term.screen()
        term.keys("q")
        assert term.wait_exit() == 0


def test_without_a_desktop_bus_one_notice_and_the_workout_runs(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal]
) -> None:
    term = Terminal(
        tmp_path,
        [LEGTIMER, "--routine", str(quick)],
        env=_env(home, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/no-such-bus"),
        width=120,
    )
    terminal.append(term)
    term.wait_text("The screen may sleep")
    term.wait_text("Squats", timeout=10)
    for _ in range(12):
        term.keys("n")
    screen = term.wait_text("DONE", timeout=20)
    assert screen.count("The screen may sleep") <= 1
    term.keys("q")
    assert term.wait_exit() == 0


def test_a_killed_workout_resumes_at_the_same_exercise_and_set(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal]
) -> None:
    first = Terminal(tmp_path / "one", [LEGTIMER, "--routine", str(quick)], env=_env(home))
    terminal.append(first)
    first.wait_text("GET READY")
    # Squats 1-3 done (and their rests skipped), then into Kettlebell Swings set 2.
    first.keys("n", "d", "n", "d", "n", "d", "n", "n", "n")
    # Keys are handled one by one: wait for where they end, not a screen on the way there.
    first.wait_for(
        lambda s: " WORK " in s and "Kettlebell Swings" in s and "Set 2 of 3" in s,
        what="Kettlebell Swings, set 2, under way",
    )
    checkpoint = home / "lt" / "state" / "checkpoint.json"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the place is written off-thread at each step change
        place = read_checkpoint(checkpoint)
        if place is not None and (place.exercise, place.set_no) == ("Kettlebell Swings", 2):
            break
        time.sleep(0.05)
    os.kill(first.command_pid(), signal.SIGKILL)
    assert first.wait_exit() == 128 + signal.SIGKILL

    second = Terminal(tmp_path / "two", [LEGTIMER, "--routine", str(quick)], env=_env(home))
    terminal.append(second)
    prompt = second.wait_text("Resume Quick Test")
    assert "Kettlebell Swings · set 2 of 3" in prompt
    second.keys("r")
    second.wait_text("GET READY")
    second.wait_for(
        lambda s: " WORK " in s and "Kettlebell Swings" in s and "Set 2 of 3" in s,
        timeout=15,
        what="the resumed set under way",
    )
    second.keys("d")
    second.wait_text(" REST ")
    second.keys("n")
    second.wait_for(lambda s: " WORK " in s and "Set 3 of 3" in s, what="the last set")
    second.keys("d")
    second.wait_text("DONE", timeout=20)
    second.keys("q")
    assert second.wait_exit() == 0
    (workout,) = _logged(home)
    sets = [(s["exercise"], s["set"]) for s in workout["sets"]]
    assert sets == [("Squats", 1), ("Squats", 2), ("Squats", 3)] + [
        ("Kettlebell Swings", n) for n in (1, 2, 3)
    ], "each set once, from both parts"
    assert workout["finished"] is True


def _place_becomes(checkpoint: Path, exercise: str, set_no: int) -> None:
    """Wait for the place written off-thread at a step change."""
    deadline = time.monotonic() + 5
    place = None
    while time.monotonic() < deadline:
        place = read_checkpoint(checkpoint)
        if place is not None and (place.exercise, place.set_no) == (exercise, set_no):
            return
        time.sleep(0.05)
    raise AssertionError(f"the place is {place}, not {exercise} set {set_no}")


def test_a_second_legtimer_neither_resumes_nor_moves_a_running_workouts_place(
    tmp_path: Path, home: Path, terminal: list[Terminal]
) -> None:
    slow = tmp_path / "slow.toml"  # sets long enough to stand still while the test looks
    slow.write_text(QUICK.replace('duration = "2s"', 'duration = "5m"'), encoding="utf-8")
    first = Terminal(tmp_path / "one", [LEGTIMER, "--routine", str(slow)], env=_env(home))
    terminal.append(first)
    first.wait_text("GET READY")
    first.keys("n", "d", "n")
    first.wait_for(lambda s: " WORK " in s and "Set 2 of 3" in s, what="Squats, set 2")
    checkpoint = home / "lt" / "state" / "checkpoint.json"
    _place_becomes(checkpoint, "Squats", 2)

    pid = first.command_pid()
    resume = Terminal(tmp_path / "resume", [LEGTIMER, "resume"], env=_env(home))
    terminal.append(resume)
    assert resume.wait_exit() == 2
    said = f"no workout to resume (another legtimer (process {pid}) is open and keeps its place)"
    assert said in resume.history().replace("\n", "")

    second = Terminal(tmp_path / "two", [LEGTIMER, "--routine", str(slow)], env=_env(home))
    terminal.append(second)
    screen = second.wait_text(f"Another legtimer (process {pid}) is open")  # a toast
    assert "Resume Quick Test" not in screen, "the running workout is not offered"
    assert "GET READY" in screen
    second.keys("n", "d", "n", "d", "n")
    second.wait_for(lambda s: " WORK " in s and "Set 3 of 3" in s, what="second: Squats set 3")
    time.sleep(0.3)  # room for a checkpoint write, were one (wrongly) made
    place = read_checkpoint(checkpoint)
    assert place is not None and (place.exercise, place.set_no) == ("Squats", 2), (
        "the first workout's place stands"
    )
    assert second.quit_workout() == 0

    first.wait_for(lambda s: " WORK " in s and "Set 2 of 3" in s, what="first: still set 2")
    first.keys("d")  # the first still keeps its place
    first.wait_text(" REST ")
    first.keys("n")
    first.wait_for(lambda s: " WORK " in s and "Set 3 of 3" in s, what="first: Squats set 3")
    _place_becomes(checkpoint, "Squats", 3)
    assert first.quit_workout() == 0


def _quit_via_summary(term: Terminal) -> None:
    term.keys("q", "s")
    term.wait_text("STOPPED EARLY")
    term.keys("q")


ENDINGS: dict[str, Callable[[Terminal], object]] = {
    "q then y": lambda term: term.keys("q", "y"),
    "q then s (summary)": _quit_via_summary,
    "ctrl+q": lambda term: term.keys("C-q"),
    "SIGTERM": lambda term: os.kill(term.command_pid(), signal.SIGTERM),
    "SIGHUP (terminal closed)": lambda term: os.kill(term.command_pid(), signal.SIGHUP),
}


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_every_ending_is_logged_as_stopped_early(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal], ending: str
) -> None:
    term = Terminal(tmp_path, [LEGTIMER, "--routine", str(quick)], env=_env(home))
    terminal.append(term)
    term.wait_text("GET READY")
    term.keys("n", "d")  # one set of squats done
    term.wait_text("REST")
    ENDINGS[ending](term)
    term.wait_exit()
    (workout,) = _logged(home)
    assert workout["finished"] is False
    assert [(s["exercise"], s["skipped"]) for s in workout["sets"]] == [("Squats", False)]


def _cpu_ticks(pid: int) -> int | None:
    """utime + stime of a live process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else int(fields[11]) + int(fields[12])


def test_closing_the_window_while_legtimer_quits_leaves_nothing_running(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal]
) -> None:
    """The window goes (the pty with it) just as the person quits: Textual's exit then waited
    forever to restore the gone terminal (2 runs in 3 left legtimer running), and the input
    thread spun on its dead pty. Nothing may stay behind, and the set done is kept."""
    term = Terminal(tmp_path, [LEGTIMER, "--routine", str(quick)], env=_env(home))
    terminal.append(term)
    term.wait_text("GET READY")
    term.keys("n", "d")  # one set of squats done
    term.wait_text("REST")
    pid = term.command_pid()
    term.keys("q")
    term.wait_text("y: quit now")
    term.keys("y")  # and the window goes while legtimer is ending
    term.close()
    deadline = time.monotonic() + 15
    while _cpu_ticks(pid) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _cpu_ticks(pid) is None, "legtimer still running after its terminal closed"
    (workout,) = _logged(home)
    assert workout["finished"] is False
    assert [(s["exercise"], s["skipped"]) for s in workout["sets"]] == [("Squats", False)]


def test_skipping_through_everything_at_once_is_a_false_start(
    tmp_path: Path, home: Path, quick: Path, terminal: list[Terminal]
) -> None:
    term = Terminal(tmp_path, [LEGTIMER, "--routine", str(quick)], env=_env(home))
    terminal.append(term)
    term.wait_text("GET READY")
    for _ in range(12):
        term.keys("n")
    screen = term.wait_text("STOPPED EARLY", timeout=20)
    assert "0 done" in screen
    term.keys("q")
    term.wait_exit()
    assert _logged(home) == [], "nothing done, in seconds: not a workout (tests/test_live.py)"


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "legtimer.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **_env(home)},
        stdin=subprocess.DEVNULL,
        timeout=30,
    )


def test_without_a_terminal_it_says_so_and_exits_2(home: Path, tmp_path: Path) -> None:
    result = _cli("--routine", "runners", home=home)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "legtimer plan" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_a_bad_event_log_path_is_a_clear_error(home: Path, tmp_path: Path) -> None:
    result = _cli("--routine", "runners", "--event-log", str(tmp_path / "no" / "x"), home=home)
    assert result.returncode == 2
    assert "--event-log" in result.stderr and "No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
