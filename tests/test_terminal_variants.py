"""Without a box, in a real terminal: Squat Jumps where Box Jumps were, and in the log."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal, legtimer_output


def _step(screen: str) -> int | None:
    found = re.search(r"step (\d+) of \d+", screen)
    return int(found.group(1)) if found else None


def _moved_from(before: int | None) -> Callable[[str], bool]:
    return lambda screen: _step(screen) != before


def test_without_a_box_squat_jumps_are_done_and_logged(tmp_path: Path) -> None:
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    command = [LEGTIMER, "--routine", "runners", "--without", "box", "--no-ask"]
    term = Terminal(tmp_path / "t", command, env=env, width=90, height=26)
    try:
        first = term.wait_text("Squat Jumps instead of Box Jumps: no plyo box")
        seen = [first]
        screen = first
        for _ in range(60):
            if "Squat Jumps" in screen and "Set 1 of 3" in screen and " WORK " in screen:
                break
            before = _step(screen)
            term.keys("n")
            screen = term.wait_for(_moved_from(before), what="the next step")
            seen.append(screen)
        else:
            raise AssertionError(f"never reached Squat Jumps:\n{screen}")
        assert not any("Box Jumps" in s for s in seen[1:]), "Box Jumps never shows"
        term.keys("d")
        term.wait_for(lambda s: "Squat Jumps" in s and "set 1 of 3 done" in s, what="the rest")
        assert term.quit_workout() == 0
    finally:
        term.close()
    history = legtimer_output(env, "history", "--json")
    (workout,) = json.loads(history)
    done = [(s["exercise"], s["variant"], s["skipped"]) for s in workout["sets"]]
    assert ("Box Jumps", "Squat Jumps", False) in done, done
    assert all(s["variant"] is None for s in workout["sets"] if s["exercise"] != "Box Jumps")
