"""Real audio, captured: the real app plays real beeps through ALSA, recorded by its file plugin.

No sound card is needed (CI has none): ALSA's file plugin stands in for the speaker and saves
each stream. From the recordings we check how many beeps played, in what order, which sound
each was (by frequency) and that each started within 50 ms of its planned moment.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.alsa_capture import record_workout
from tests.tmux import LEGTIMER, Terminal

TINY = """[routine]
name = "Tiny"
[defaults]
get_ready = "2s"
rest_after = "2s"
switch_sides = "2s"
countdown = 1
[[exercise]]
name = "Reps"
reps = 3
seconds_per_rep = 1
per_side = true
[[exercise]]
name = "Hold"
duration = "10s"
countdown = 0
"""
# Planned cues (seconds from the start): get ready, left side (beats; the last second's tick
# outranks the third beat), switch, right side, rest, hold with its halfway pip, finish.
EXPECTED = [
    ("rest", 0),
    ("tick", 1),
    ("work", 2),
    ("rep", 3),
    ("tick", 4),
    ("switch", 5),
    ("tick", 6),
    ("work", 7),
    ("rep", 8),
    ("tick", 9),
    ("rest", 10),
    ("tick", 11),
    ("work", 12),
    ("halfway", 17),
    ("finish", 22),
]
TOLERANCE = 0.050


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    return path


def test_every_transition_beeps_on_time(tmp_path: Path, tiny: Path) -> None:
    run = record_workout(tmp_path, tiny)
    assert run.exit_status == 0
    assert "ALSA lib" not in run.screen and "Traceback" not in run.screen
    assert run.first_event == "StepStarted"
    start, beeps = run.start, run.beeps
    heard = [(c.sound(), round(c.started - start, 3)) for c in beeps]
    assert [name for name, _ in heard] == [name for name, _ in EXPECTED], heard
    late = [
        (name, offset, at)
        for (name, offset), (_, at) in zip(EXPECTED, heard, strict=True)
        if abs(at - offset) > TOLERANCE
    ]
    assert not late, f"beeps off their planned time by more than 50 ms: {late}"


def test_no_sound_device_still_finishes_with_one_notice_and_no_alsa_noise(
    tmp_path: Path, tiny: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    term = Terminal(
        tmp_path,
        [LEGTIMER, "--routine", str(tiny)],
        env={"HOME": str(home), "LEGTIMER_HOME": str(tmp_path / "lt")},
    )
    seen_notice = False
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            screen = term.screen()
            assert "ALSA lib" not in screen
            seen_notice = seen_notice or "terminal bell only" in screen
            if "DONE" in screen:
                break
            time.sleep(0.05)
        assert "DONE" in term.screen(), term.screen()
        term.keys("q")
        assert term.wait_exit() == 0
        assert "ALSA lib" not in term.history()
    finally:
        term.close()
    assert seen_notice
