"""Moving up in a real terminal: after a session with every Clamshells set at 20, the runners
workout asks before Clamshells, `y` runs Banded Clamshells, and `history` says so."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord
from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal, legtimer_output

OFFER = "All sets at 20 last time: try Banded Clamshells? y / n"


def every_clamshell_at_twenty(db: Path) -> None:
    with TrainingLog.open(db) as log:
        workout = log.begin_workout("Leg Workout for Runners", None, 1000.0)
        for set_no in (1, 2, 3):
            for side in ("left", "right"):
                done = SetRecord("Clamshells", 1, set_no, 1000.0 + set_no, side=side)
                log.record_set(workout, done._replace(target_reps=20, reps=20, seconds=40.0))
        log.end_workout(workout, 1600.0, True, 600.0, 300.0, 300.0)


def _step(screen: str) -> int | None:
    found = re.search(r"step (\d+) of \d+", screen)
    return int(found.group(1)) if found else None


def moved_on_from(before: int | None, drawn: str = OFFER) -> Callable[[str], bool]:
    """Another step, drawn whole: the get-ready before Clamshells with its ``drawn`` line."""
    return lambda s: _step(s) != before and ("GET READY" not in s or drawn in s)


def test_yes_before_clamshells_runs_banded_clamshells_from_now_on(tmp_path: Path) -> None:
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    every_clamshell_at_twenty(home / "lt" / "legtimer.db")
    events = tmp_path / "events.jsonl"
    command = [LEGTIMER, "--routine", "runners", "--no-ask", "--mute", "--event-log", str(events)]
    term = Terminal(tmp_path / "t", command, env=env, width=100, height=30)
    try:
        screen = term.wait_text("GET READY")
        for _ in range(12):  # n skips the get-ready and the warm-up
            if OFFER in screen:
                break
            term.keys("n")
            screen = term.wait_for(moved_on_from(_step(screen)), what="the next step")
        else:
            raise AssertionError(f"never offered:\n{screen}")
        assert "GET READY" in screen
        term.wait_text("Not yet")  # the footer has the answers too
        offered_at = _step(screen)
        assert offered_at is not None
        term.keys("y")
        # NEXT's name is in block letters here: its facts say which exercise it is.
        screen = term.wait_for(
            lambda s: (
                "12 of 12-20 reps · Needs mat, resistance band" in s
                and OFFER not in s
                and "Yes, harder" not in s
            ),
            what="Banded Clamshells next, at the bottom of its range, and y gone",
        )
        assert _step(screen) == offered_at  # y moved nothing on
        term.keys("n")  # n is Next again
        screen = term.wait_for(lambda s: _step(s) == offered_at + 1, what="the first set")
        assert " WORK " in screen
        assert "NEXT: Banded Clamshells · set 1 of 3 · right side" in screen
        assert term.quit_workout() == 0
    finally:
        term.close()
    history = legtimer_output(env, "history", "--plain")
    assert history.splitlines()[-1].startswith("Clamshells → Banded Clamshells since ")
    logged = [json.loads(line) for line in events.read_text().splitlines()]
    answered = [e for e in logged if e["event"] in ("HarderAnswered", "PlanChanged")]
    assert [(e["event"], e.get("accepted"), e.get("next")) for e in answered] == [
        ("HarderAnswered", True, None),
        ("PlanChanged", None, "Banded Clamshells"),
    ]


def test_v_then_y_before_banded_clamshells_goes_back_to_clamshells_for_good(
    tmp_path: Path,
) -> None:
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    with TrainingLog.open(home / "lt" / "legtimer.db") as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    way_back = "· v for Clamshells"
    command = [LEGTIMER, "--routine", "runners", "--no-ask", "--mute"]
    term = Terminal(tmp_path / "t", command, env=env, width=100, height=30)
    try:
        screen = term.wait_text("GET READY")
        for _ in range(12):  # n skips the get-ready and the warm-up
            if way_back in screen:
                break
            term.keys("n")
            screen = term.wait_for(moved_on_from(_step(screen), "instead of"), what="the next")
        else:
            raise AssertionError(f"never said how to go back:\n{screen}")
        assert "Banded Clamshells instead of Clamshells: yours since " in screen
        at = _step(screen)
        term.keys("v")
        screen = term.wait_text("Clamshells today · y: back to Clamshells from now on")
        term.wait_text("From now on")  # the footer has the key
        term.keys("y")
        screen = term.wait_for(
            lambda s: "back to Clamshells" not in s and "From now on" not in s,
            what="the question answered",
        )
        assert _step(screen) == at and "Banded" not in screen
        assert term.quit_workout() == 0
    finally:
        term.close()
    history = legtimer_output(env, "history", "--plain")
    last = history.splitlines()[-1]
    assert last.startswith("Clamshells → Banded Clamshells on ") and last.endswith(" only")
