"""Presenter clickers in a real terminal: every key a clicker sends, in the phases it matters.

PageDown and Right end a manual set and do nothing where time runs the step; every other
clicker key pauses and resumes in any phase. Nothing a clicker sends skips or goes back.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal

CLICKS = """[routine]
name = "Clicks"
[defaults]
get_ready = "60s"
rest = "60s"
rest_after = "60s"
[[exercise]]
name = "Plank"
duration = "60s"
[[exercise]]
name = "Squats"
reps = 5
manual = true
"""

PAUSE_KEYS = ["PageUp", "Left", "F5", "S-F5", "Escape", ".", "b"]
"""tmux names of the clicker keys that pause and resume (PageUp, Left, F5, Shift+F5, Esc, ., b)."""
NEXT_KEYS = ["PageDown", "Right"]


@pytest.fixture
def clicks(tmp_path: Path) -> Iterator[tuple[Terminal, dict[str, str]]]:
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "clicks.toml"
    routine.write_text(CLICKS, encoding="utf-8")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    term = Terminal(tmp_path / "t", [LEGTIMER, "--routine", str(routine)], env=env)
    try:
        yield term, env
    finally:
        term.close()


def _in_band(word: str, also: str = "") -> Callable[[str], bool]:
    """A check: the band says ``word`` (and the screen has ``also``)."""
    return lambda screen: word in _band(screen) and also in screen


def _band(screen: str) -> str:
    return screen.split("\n", 3)[1] + screen.split("\n", 3)[2]


def _same_step_a_second_later(term: Terminal, word: str) -> None:
    """The step is still ``word`` after its clock has moved on (so nothing skipped it)."""
    before = term.wait_text(word)
    elapsed = before[before.find("elapsed") - 6 : before.find("elapsed")]
    term.wait_for(
        lambda s: word in _band(s) and s[s.find("elapsed") - 6 : s.find("elapsed")] != elapsed,
        what=f"{word}, a second later",
    )


@pytest.mark.parametrize("key", PAUSE_KEYS)
def test_each_pause_key_pauses_and_resumes_in_every_phase(
    clicks: tuple[Terminal, dict[str, str]], key: str
) -> None:
    term, _env = clicks
    for word, then in (("GET READY", "n"), ("WORK", "n"), ("REST", "n"), ("WORK", None)):
        term.wait_for(_in_band(word), what=word)
        term.keys(key)
        term.wait_for(_in_band("PAUSED"), what=f"{key} pauses in {word}")
        term.keys(key)
        term.wait_for(_in_band(word, "space Pause"), what=f"{key} resumes {word}")
        if then:
            term.keys(then)
    assert "Exercise 2 of 2" in term.screen(), "pausing never skipped: the manual set is on"
    term.keys("q", "y")


@pytest.mark.parametrize("key", NEXT_KEYS)
def test_next_ends_a_manual_set_and_does_nothing_where_time_runs(
    clicks: tuple[Terminal, dict[str, str]], key: str
) -> None:
    term, env = clicks
    for word in ("GET READY", "WORK", "REST"):
        term.wait_for(_in_band(word), what=word)
        term.keys(key)
        _same_step_a_second_later(term, word)
        assert "PAUSED" not in _band(term.screen())
        term.keys("n")
    term.wait_text("counting up")
    # A slip right as the set starts is ignored; then one press ends it.
    deadline = time.monotonic() + 10
    while "AGAINST LAST TIME" not in term.screen() and "DONE" not in _band(term.screen()):
        assert time.monotonic() < deadline, term.screen()
        term.keys(key)
        term.wait_for(lambda s: True)
    term.wait_text("DONE")
    term.keys("q")
    assert term.wait_exit() == 0
    workouts: list[dict[str, Any]] = json.loads(
        subprocess.run(
            [LEGTIMER, "history", "--json"],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            timeout=30,
            check=True,
        ).stdout
    )
    sets = [(s["exercise"], s["skipped"]) for s in workouts[0]["sets"]]
    assert sets == [("Plank", True), ("Squats", False)], "the clicker said done, never skip"
