"""In a real terminal: `legtimer new`, `legtimer edit` to add an exercise and save, then
`legtimer check` and `legtimer plan` on the result."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal


def test_new_edit_save_check_plan(tmp_path: Path) -> None:
    env, run_env, path = _new_routine(tmp_path, "e2e")
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
        _save_and_quit(term)  # the starter has comments: asked once
    finally:
        term.close()

    checked = _legtimer(run_env, "check", str(path))
    assert checked.returncode == 0, checked.stderr
    assert "3 exercises" in checked.stdout
    planned = _legtimer(run_env, "plan", "e2e")
    assert planned.returncode == 0, planned.stderr
    assert "Wall sit · set 1 of 3 · 10 reps" in planned.stdout
    assert (path.parent / "e2e.toml.bak").read_text().startswith("# e2e")


def test_add_a_warm_up_type_a_multi_line_cue_undo_a_delete(tmp_path: Path) -> None:
    env, run_env, path = _new_routine(tmp_path, "quick", "--from", "quick-bodyweight")
    term = Terminal(tmp_path, [LEGTIMER, "edit", "quick"], env=env, width=120, height=40)
    try:
        term.wait_text("EXERCISE · Squats")
        assert "WARM-UP" not in term.screen()
        term.keys("w")  # a warm-up, though the routine has none: its name is selected
        term.wait_text("WARM-UP · New warm-up")
        term.keys("Jog")
        term.wait_text("WARM-UP · Jog")
        cue = field_line(term, "Form cue")
        # sets, one row per set, reps, duration, per side, cue
        term.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        # Keys sent in one burst reach the old focus before Tab has moved it: wait for it.
        term.wait_for(lambda _: field_line(term, "Form cue") != cue, what="the cue's focus")
        term.keys("Easy pace.", "Enter", "Breathe.")
        term.wait_text("Breathe.")
        term.keys("BTab", "BTab", "BTab", "BTab", "BTab", "BTab", "BTab")  # back to the list
        term.wait_for(lambda screen: "+Block" in screen, what="the list's keys")
        term.keys("Down")
        term.wait_for(lambda screen: "│ EXERCISE · Squats" in screen, what="the Squats form")
        term.keys("x")
        term.wait_text("Deleted Squats · ctrl+z to undo")
        term.keys("C-z")
        term.wait_text("▊ EXERCISE · Squats")  # back in the list
        _save_and_quit(term)
    finally:
        term.close()
    checked = _legtimer(run_env, "check", str(path))
    assert checked.returncode == 0, checked.stderr
    assert "5 exercises" in checked.stdout
    planned = _legtimer(run_env, "plan", "quick")
    assert planned.returncode == 0, planned.stderr
    assert "Warm-up: Jog" in planned.stdout
    assert 'cue = "Easy pace.\\nBreathe."' in path.read_text()


def test_blocks_and_per_set_rows_from_the_keyboard(tmp_path: Path) -> None:
    """A copy of strength-day: a new block, moved down whole, an exercise with a row per set,
    saved, checked and planned."""
    env, run_env, path = _new_routine(tmp_path, "mine", "--from", "strength-day")
    term = Terminal(tmp_path, [LEGTIMER, "edit", "mine"], env=env, width=120, height=40)
    try:
        term.wait_text("BLOCK · Ramp: goblet squat")
        term.keys("Down")  # the ramp's goblet squat: its sets are a row each
        term.wait_text("empty: as the exercise says")
        term.keys("b")  # a new block after the ramp, its name selected
        term.wait_text("BLOCK · New block")
        term.keys("Finisher")
        term.wait_text("BLOCK · Finisher")
        term.keys("BTab")  # back to the list, on the new block's head: its keys are back
        term.wait_for(lambda screen: "+Block" in screen, what="the list's keys")
        term.keys("J")  # the whole block moves down past Pair A
        term.wait_for(
            lambda screen: (
                "▊ BLOCK · Finisher" in screen
                and screen.index("▊ BLOCK · Finisher") > screen.index("One-arm row")
            ),
            what="Finisher below Pair A",
        )
        term.keys("Down")
        term.wait_text("in block Finisher")
        term.keys("Enter")  # its exercise's name: the list's keys leave the footer
        term.wait_for(lambda screen: "+Block" not in screen, what="the name field")
        term.keys("Tab", "Tab")  # sets, then "one row per set": its label turns bold
        bold = "\x1b[1m"
        term.wait_for(
            lambda _: re.search(rf"{re.escape(bold)}[^ ]* one row per set", term.styled_screen()),
            what="the focus on 'one row per set'",
        )
        term.keys("Space")
        term.wait_text("ctrl+n add a set")
        shown = term.styled_screen()
        term.keys("Tab")  # the first row's reps (keys sent in one burst would outrun the focus)
        term.wait_for(lambda _: term.styled_screen() != shown, what="the focus in the rows")
        term.keys("12")
        term.wait_for(lambda screen: "1   12" in screen, what="a first set of 12")
        term.keys("C-n")  # a copy of that row, just after it
        term.wait_for(lambda screen: "2   12" in screen, what="a copy of the first set")
        _save_and_quit(term)
    finally:
        term.close()
    text = path.read_text()
    assert text.index('name = "Pair A: squat and row"') < text.index('name = "Finisher"')
    assert "sets = [\n    { reps = 12 },\n    { reps = 12 },\n    {},\n    {},\n]" in text
    planned = _legtimer(run_env, "plan", "mine")
    assert planned.returncode == 0, planned.stderr
    assert "Finisher" in planned.stdout


def test_a_variant_added_chosen_and_moved_from_the_keyboard(tmp_path: Path) -> None:
    """A copy of runners: Box Jumps gets a harder variant (its role picked from the choice),
    moved up above Pop Squats, saved; check and plan read it, and without a box the first swap
    still stands in."""
    env, run_env, path = _new_routine(tmp_path, "mine", "--from", "runners")
    term = Terminal(tmp_path, [LEGTIMER, "edit", "mine"], env=env, width=120, height=40)
    try:
        term.wait_text("↳ HARDER · Banded Clamshells")  # variants sit under their exercise
        term.keys(*["Down"] * 10)
        term.wait_for(lambda screen: "│ EXERCISE · Box Jumps" in screen, what="Box Jumps")
        term.wait_text("Variants: Squat Jumps (swap), Pop Squats (swap)")
        term.keys("v")  # after its last variant, the name selected
        term.wait_text("↳ SWAP · New variant")
        term.keys("Tuck Jumps")
        term.wait_text("VARIANT · Tuck Jumps · a swap for Box Jumps")
        role = field_line(term, "Role")
        term.keys("Tab")  # to the role: a choice, not free text
        term.wait_for(lambda _: field_line(term, "Role") != role, what="the role's focus")
        term.keys("Enter")
        term.wait_for(lambda screen: "easier" in screen and "harder" in screen, what="choices")
        term.keys("Down", "Down", "Enter")
        term.wait_text("↳ HARDER · Tuck Jumps")
        term.wait_text("harder than Box Jumps")
        assert "as exercise: plyo box (optional)" in term.screen(), "the exercise's, grey"
        term.keys("BTab", "BTab")  # back to the list
        term.wait_for(lambda screen: "+Variant" in screen, what="the list's keys")
        term.keys("K")  # above Pop Squats: the order v cycles in
        term.wait_for(
            lambda screen: screen.index("Tuck Jumps") < screen.index("Pop Squats"),
            what="Tuck Jumps above Pop Squats",
        )
        _save_and_quit(term)
    finally:
        term.close()
    text = path.read_text()
    names = re.findall(r'^name = "(Squat Jumps|Tuck Jumps|Pop Squats)"$', text, re.MULTILINE)
    assert names == ["Squat Jumps", "Tuck Jumps", "Pop Squats"]
    assert '[[exercise.variant]]\nname = "Tuck Jumps"\nrole = "harder"\n\n' in text
    checked = _legtimer(run_env, "check", str(path))
    assert checked.returncode == 0, checked.stderr
    planned = _legtimer(run_env, "plan", "mine", "--without", "box")
    assert planned.returncode == 0, planned.stderr
    assert "Squat Jumps" in planned.stdout and "Tuck Jumps" not in planned.stdout


def field_line(term: Terminal, label: str) -> str:
    """The line under a form label, with its styling (it changes when the field has focus)."""
    lines = term.styled_screen().splitlines()
    at = next((n for n, line in enumerate(lines) if label in line), None)
    return lines[at + 1] if at is not None and at + 1 < len(lines) else ""


def _new_routine(
    tmp_path: Path, name: str, *how: str
) -> tuple[dict[str, str], dict[str, str], Path]:
    """`legtimer new name *how` in a fresh home: (the editor's env, the CLI's env, its file)."""
    home = null_audio_home(tmp_path / "home")
    env = {"HOME": str(home), "LEGTIMER_HOME": str(tmp_path / "lt")}
    run_env = {**env, "PATH": "/usr/bin:/bin", **_pythonpath()}
    created = _legtimer(run_env, "new", name, *how)
    assert created.returncode == 0, created.stderr
    return env, run_env, tmp_path / "lt" / "routines" / f"{name}.toml"


def _legtimer(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI, run to its end."""
    return subprocess.run([LEGTIMER, *args], capture_output=True, text=True, env=env, timeout=60)


def _save_and_quit(term: Terminal) -> None:
    """ctrl+s, yes to the comments warning, then esc: saved, and a clean exit."""
    term.keys("C-s")
    term.wait_text("will not keep them")
    term.keys("y")
    term.wait_text("Saved")
    term.keys("Escape")
    assert term.wait_exit() == 0
    assert "Traceback" not in term.history()


def _pythonpath() -> dict[str, str]:
    """Pass PYTHONPATH on, so a worktree's own legtimer is the one tested."""

    value = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": value} if value else {}
