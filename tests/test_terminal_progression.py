"""Progression in a real terminal: a rep range run twice climbs one rep, the log has both.

Correcting a set's reps by keys in the rest belongs to the workout screen (being redesigned);
this test covers the rest of the issue's story: run, finish, run again, see the new target,
then `history --json` and the history screen.
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
get_ready = "1s"
[[exercise]]
name = "Glute bridges"
reps = [2, 3]
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


def _run_once(tmp: Path, routine: Path, env: dict[str, str], opened: list[Terminal]) -> str:
    term = Terminal(tmp, [LEGTIMER, "--routine", str(routine)], env=env)
    opened.append(term)
    return _finish(term)


def _finish(term: Terminal) -> str:
    term.wait_text("counting up")
    screen = term.screen()
    term.keys("d")
    summary = term.wait_text("AGAINST LAST TIME")
    term.keys("q")
    assert term.wait_exit() == 0
    return screen + "\n----\n" + summary


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
    first = _run_once(tmp_path / "t1", routine, env, opened)
    assert "2 reps, counting up" in first, first
    assert "Glute bridges  first time → 2" in first

    second = _run_once(tmp_path / "t2", routine, env, opened)
    assert "3 reps, counting up" in second, second
    assert "Glute bridges  2 → 3" in second

    workouts = _json(env)
    assert [w["routine_name"] for w in workouts] == ["Bridges", "Bridges"]
    done = [[(s["exercise"], s["target_reps"], s["reps"]) for s in w["sets"]] for w in workouts]
    assert done == [[("Glute bridges", 2, 2)], [("Glute bridges", 3, 3)]]

    plan = subprocess.run(
        [LEGTIMER, "plan", str(routine)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=30,
        check=True,
    )
    assert "Glute bridges: Last time 3 → today 3" in plan.stdout, "capped at the top"

    history = Terminal(tmp_path / "t3", [LEGTIMER, "history"], env=env)
    opened.append(history)
    head = history.wait_text("TRAINING LOG")
    assert "2 workouts" in head
    history.keys("w")
    history.wait_text("Bridges")
    history.keys("Enter")
    history.wait_text("Glute bridges  round 1 set 1  3 of 3 reps")
    history.keys("q")
    assert history.wait_exit() == 0
