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
    env = {"HOME": str(home), "LEGTIMER_HOME": str(tmp_path / "lt")}
    # The checkout's own code when the run says so (PYTHONPATH), not an installed copy.
    env.update({k: v for k, v in os.environ.items() if k == "PYTHONPATH"})
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
