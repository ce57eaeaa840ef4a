"""Blocks end to end in a real terminal: an EMOM keeps its boundaries on the real clock when
done comes early, and an AMRAP's score reaches the summary and `history --json`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal, legtimer_output

EVERY = 4.0
"""The EMOM's interval, in seconds."""
BLOCKS = f"""[routine]
name = "Blocks"
[defaults]
get_ready = "1s"
[[block]]
name = "Minute"
rounds = 2
every = "{EVERY:g}s"
rest_after = "1s"
[[block.exercise]]
name = "Squats"
reps = 3
manual = true
seconds_per_rep = 1
[[block]]
name = "Finisher"
time_cap = "5s"
[[block.exercise]]
name = "Burpees"
reps = 5
"""
BOUNDARY_SLACK = 0.3
"""How late a round may start on the real clock."""


@pytest.fixture
def run(tmp_path: Path) -> Iterator[tuple[Terminal, Path, dict[str, str]]]:
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "blocks.toml"
    routine.write_text(BLOCKS, encoding="utf-8")
    events = tmp_path / "events.jsonl"
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    command = [LEGTIMER, "--routine", str(routine), "--event-log", str(events)]
    term = Terminal(tmp_path / "t", command, env=env)
    try:
        yield term, events, env
    finally:
        term.close()


def _events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _started(path: Path, name: str) -> list[dict[str, Any]]:
    return [e for e in _events(path) if e["event"] == "StepStarted" and e["name"] == name]


def _count(path: Path, name: str, wanted: int) -> Callable[[str], bool]:
    """A check: ``name`` has started ``wanted`` times (the screen is not needed)."""
    return lambda _screen: len(_started(path, name)) == wanted


def test_an_emom_keeps_its_boundaries_and_an_amrap_score_is_kept(
    run: tuple[Terminal, Path, dict[str, str]],
) -> None:
    term, events, env = run
    for round_no in (1, 2):
        term.wait_text("counting up")
        term.wait_for(_count(events, "Squats", round_no), what="round")
        term.keys("d")  # done early: the rest of the interval is rest
        term.wait_text(f"Round {round_no + 1} of 2 in" if round_no == 1 else "Minute ends in")
    first, second = _started(events, "Squats")
    assert (first["kind"], first["round"], second["round"]) == ("work", 1, 2)
    assert second["wall"] - first["wall"] == pytest.approx(EVERY, abs=1e-6), "due on the boundary"
    assert 0 <= second["handled"] - second["wall"] < BOUNDARY_SLACK, "started on the real clock"
    assert abs(second["handled"] - first["handled"] - EVERY) < BOUNDARY_SLACK

    term.wait_text("AMRAP")
    for done in (1, 2):
        term.wait_for(_count(events, "Burpees", done), what="burpees")
        term.keys("d")
        term.wait_text(f"{done} round{'s' if done > 1 else ''} + 0")
    summary = term.wait_text("Finisher (AMRAP 1):", timeout=20)
    assert "Finisher (AMRAP 1): 2 rounds + 0" in summary, summary
    assert any(e["event"] == "CapReached" for e in _events(events))
    term.keys("q")
    assert term.wait_exit() == 0

    history = legtimer_output(env, "history", "--json")
    (workout,) = json.loads(history)
    assert workout["scores"] == [
        {"block": "Finisher", "round": 1, "rounds_done": 2, "extra_exercises": 0}
    ]
