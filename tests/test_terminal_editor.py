"""In a real terminal: `legtimer new`, `legtimer edit` to add an exercise and save, then
`legtimer check` and `legtimer plan` on the result."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal


def test_new_edit_save_check_plan(tmp_path: Path) -> None:
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(tmp_path / "lt"), **_pythonpath()}
    created = subprocess.run(
        [LEGTIMER, "new", "e2e"],
        capture_output=True,
        text=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    path = tmp_path / "lt" / "routines" / "e2e.toml"
    assert path.exists()

    term = Terminal(tmp_path, [LEGTIMER, "edit", "e2e"], env=env, width=120, height=40)
    try:
        term.wait_text("Editing")
        term.wait_text("EXERCISE · Squats")
        term.keys("Down")  # to Squats: its form opens on the right
        term.wait_for(lambda screen: "│ EXERCISE · Squats" in screen, what="the Squats form")
        term.keys("a")  # a new exercise after the highlighted one; its name is selected
        term.wait_text("New exercise")
        term.keys("Wall sit")
        term.wait_text("EXERCISE · Wall sit")
        term.keys("C-s")
        term.wait_text("will not keep them")  # the starter has comments: asked once
        term.keys("y")
        term.wait_text("Saved")
        term.keys("Escape")
        assert term.wait_exit() == 0
        assert "Traceback" not in term.history()
    finally:
        term.close()

    checked = subprocess.run(
        [LEGTIMER, "check", str(path)],
        capture_output=True,
        text=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
    assert "3 exercises" in checked.stdout
    planned = subprocess.run(
        [LEGTIMER, "plan", "e2e"],
        capture_output=True,
        text=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert planned.returncode == 0, planned.stderr
    assert "Wall sit · set 1 of 3 · 10 reps" in planned.stdout
    assert (path.parent / "e2e.toml.bak").read_text().startswith("# e2e")


def test_add_a_warm_up_type_a_multi_line_cue_undo_a_delete(tmp_path: Path) -> None:
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(tmp_path / "lt")}
    run_env = {**env, "PATH": "/usr/bin:/bin", **_pythonpath()}
    created = subprocess.run(
        [LEGTIMER, "new", "quick", "--from", "quick-bodyweight"],
        capture_output=True,
        text=True,
        env=run_env,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    path = tmp_path / "lt" / "routines" / "quick.toml"
    term = Terminal(tmp_path, [LEGTIMER, "edit", "quick"], env=env, width=120, height=40)
    try:
        term.wait_text("EXERCISE · Squats")
        assert "WARM-UP" not in term.screen()
        term.keys("w")  # a warm-up, though the routine has none: its name is selected
        term.wait_text("WARM-UP · New warm-up")
        term.keys("Jog")
        term.wait_text("WARM-UP · Jog")
        term.keys("Tab", "Tab", "Tab", "Tab", "Tab")  # sets, reps, duration, per side, cue
        term.keys("Easy pace.", "Enter", "Breathe.")
        term.wait_text("Breathe.")
        term.keys("BTab", "BTab", "BTab", "BTab", "BTab", "BTab")  # back to the list
        term.keys("Down")
        term.wait_for(lambda screen: "│ EXERCISE · Squats" in screen, what="the Squats form")
        term.keys("x")
        term.wait_text("Deleted Squats · ctrl+z to undo")
        term.keys("C-z")
        term.wait_text("▊ EXERCISE · Squats")  # back in the list
        term.keys("C-s")
        term.wait_text("will not keep them")
        term.keys("y")
        term.wait_text("Saved")
        term.keys("Escape")
        assert term.wait_exit() == 0
        assert "Traceback" not in term.history()
    finally:
        term.close()
    checked = subprocess.run(
        [LEGTIMER, "check", str(path)], capture_output=True, text=True, env=run_env, timeout=60
    )
    assert checked.returncode == 0, checked.stderr
    assert "5 exercises" in checked.stdout
    planned = subprocess.run(
        [LEGTIMER, "plan", "quick"], capture_output=True, text=True, env=run_env, timeout=60
    )
    assert planned.returncode == 0, planned.stderr
    assert "Warm-up: Jog" in planned.stdout
    assert 'cue = "Easy pace.\\nBreathe."' in path.read_text()


def _pythonpath() -> dict[str, str]:
    """Pass PYTHONPATH on, so a worktree's own legtimer is the one tested."""

    value = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": value} if value else {}
