"""The real command at four terminal sizes: the countdown's height in every phase, NEXT whole.

A routine with a 600-character cue is walked through get ready, work, switch and rest (n moves
on), and the screen is read as text: the countdown is the tallest run of block-character rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal

CUE = (
    "Lie on your side with your knees bent to ninety degrees and your feet together, hips "
    "stacked and your head resting on your lower arm. Keep your feet touching as you lift the "
    "top knee as high as you can without rolling the pelvis back, pause for a moment at the top "
    "and lower slowly under control. Breathe out as the knee opens and in as it closes. If you "
    "feel it in the front of the hip rather than the side of the glute, roll the top hip "
    "slightly forward and try again with a smaller range. Keep the neck long, the jaw loose and "
    "the shoulders away from the ears and the breath slow and even for every single rep."
)
ROUTINE = f"""[routine]
name = "Long cue legs"
[defaults]
get_ready = "60s"
rest = "60s"
switch_sides = "60s"
seconds_per_rep = 3
[[exercise]]
name = "Clamshells"
sets = 2
reps = [15, 20]
per_side = true
equipment = ["mat", "band"]
cue = "{CUE}"
"""
SIZES = {(80, 24): 8, (100, 30): 10, (120, 40): 13, (160, 45): 15}
BLOCKS = set("█▀▄")


def digit_rows(screen: str) -> int:
    """The tallest run of consecutive rows drawn in blocks (not bars, not panel borders)."""
    best = run = 0
    for line in screen.splitlines():
        drawn = bool(BLOCKS & set(line)) and "─" not in line and "│" not in line
        run = run + 1 if drawn else 0
        best = max(best, run)
    return best


@pytest.mark.parametrize("size", list(SIZES), ids=[f"{w}x{h}" for w, h in SIZES])
def test_countdown_height_in_every_phase_and_next_whole(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    assert len(CUE) >= 600
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "long.toml"
    routine.write_text(ROUTINE)
    term = Terminal(
        tmp_path,
        [LEGTIMER, "--no-keep-awake", "--routine", str(routine)],
        env={"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")},
        width=size[0],
        height=size[1],
    )
    try:
        heights = {}
        screens = {}
        for label, keys in (("GET READY", 0), ("WORK", 1), ("SWITCH SIDES", 1), ("REST", 2)):
            for _ in range(keys):
                term.keys("n")
            screen = term.wait_text(f" {label} ")
            # A capture can catch a frame half drawn: wait for the digits (and the rest's words).
            screen = term.wait_for(
                lambda s: digit_rows(s) > 0 and ("REST" not in s or "set 1 of 2 skipped" in s),
                what=f"the {label} screen drawn whole",
            )
            screens[label] = screen
            heights[label] = digit_rows(screen)
        assert len(set(heights.values())) == 1, heights
        assert min(heights.values()) >= SIZES[size], heights
        work = screens["WORK"]
        assert "rep." in work or any(
            line.rstrip(" │").endswith("…") for line in work.splitlines()
        ), "the long cue is whole, or ends in … where it is cut"
        rest = screens["REST"].splitlines()
        assert any("Clamshells · set 1 of 2 skipped" in line for line in rest)
        top = next(i for i, line in enumerate(rest) if "╭" in line and "NEXT" in line)
        bottom = next(i for i, line in enumerate(rest) if "╰" in line)
        panel = "\n".join(rest[top : bottom + 1])
        assert "Set 2 of 2 · Left side · 15 of 15-20 reps · Needs mat, band" in panel
        assert "How: Lie on your side" in panel
        assert "…" in panel or "rep." in panel, "whole, or cut with …"
        assert bottom < len(rest) - 1, "the whole panel is on screen"
        term.keys("q")
        term.wait_text("Quit this workout?")
        term.keys("y")
        assert term.wait_exit() == 0
        assert "Traceback" not in term.history()
    finally:
        term.close()
