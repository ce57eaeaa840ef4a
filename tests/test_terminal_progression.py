"""Progression in a real terminal: a rep range run twice climbs, the log has both.

The issue's story: run, correct a set's reps in the rest (and type the last set's reps), finish;
run again and see the new target; then `history --json`, `plan` and the history screen.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal

BRIDGES = """[routine]
name = "Bridges"
[defaults]
get_ready = "3s"
rest = "30s"
[[exercise]]
name = "Glute bridges"
sets = 2
reps = [2, 4]
manual = true
"""


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str], list[Terminal]]]:
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "bridges.toml"
    routine.write_text(BRIDGES, encoding="utf-8")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    opened: list[Terminal] = []
    yield routine, env, opened
    for term in opened:
        term.close()


def _run_once(
    tmp: Path, routine: Path, env: dict[str, str], opened: list[Terminal], correct: bool = False
) -> str:
    term = Terminal(tmp, [LEGTIMER, "--routine", str(routine)], env=env)
    opened.append(term)
    get_ready = term.wait_text("GET READY")
    screen = term.wait_text("counting up")
    term.keys("d")
    if correct:
        # In the rest: one more rep for set 1 than the target; the log must say so.
        term.wait_text("↑↓ to correct")
        term.keys("Up")
        term.wait_text("Set 1: 3 reps  ↑↓ to correct")
    term.wait_text("REST")
    term.keys("n")
    term.wait_text("counting up")
    if correct:
        term.keys("3")  # set 2: the reps typed, then Enter ends it
        term.wait_text("3 reps typed: Enter ends the set with 3")
        term.keys("Enter")
    else:
        term.keys("d")
    summary = term.wait_text("AGAINST LAST TIME")
    term.keys("q")
    assert term.wait_exit() == 0
    return get_ready + "\n----\n" + screen + "\n----\n" + summary


def _json(env: dict[str, str]) -> list[dict[str, Any]]:
    result = subprocess.run(
        [LEGTIMER, "history", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=30,
        check=True,
    )
    workouts: list[dict[str, Any]] = json.loads(result.stdout)
    return workouts


def test_a_rep_range_climbs_from_one_workout_to_the_next(
    tmp_path: Path, setup: tuple[Path, dict[str, str], list[Terminal]]
) -> None:
    routine, env, opened = setup
    first = _run_once(tmp_path / "t1", routine, env, opened, correct=True)
    assert "2 reps, counting up" in first, first
    assert "Glute bridges  first time → 3/3" in first, first

    second = _run_once(tmp_path / "t2", routine, env, opened)
    assert "Last time 3 / 3 → today 4" in second, "the new target before the exercise"
    assert "4 reps, counting up" in second, second
    assert "Glute bridges  3/3 → 4/4" in second, second

    workouts = _json(env)
    assert [w["routine_name"] for w in workouts] == ["Bridges", "Bridges"]
    done = [[(s["exercise"], s["target_reps"], s["reps"]) for s in w["sets"]] for w in workouts]
    assert done == [
        [("Glute bridges", 2, 3), ("Glute bridges", 2, 3)],
        [("Glute bridges", 4, 4), ("Glute bridges", 4, 4)],
    ], "the corrected and the typed reps, then the climb they earned"

    plan = subprocess.run(
        [LEGTIMER, "plan", str(routine)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=30,
        check=True,
    )
    assert "Glute bridges: Last time 4 / 4 → today 4" in plan.stdout, "capped at the top"

    history = Terminal(tmp_path / "t3", [LEGTIMER, "history"], env=env)
    opened.append(history)
    head = history.wait_text("TRAINING LOG")
    assert "2 workouts" in head
    history.keys("w")
    history.wait_text("Bridges")
    history.keys("Enter")
    history.wait_text("Glute bridges  round 1 set 1  4 of 4 reps")
    history.keys("q")
    assert history.wait_exit() == 0
