"""The installed `legtimer` in a real terminal: start, count down, pause, skip, resize, quit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.alsa_capture import null_audio_home
from tests.tmux import LEGTIMER, Terminal, find

LEFT = r"(\d+:\d\d) left"


@pytest.fixture
def term_home(tmp_path: Path) -> Path:
    """A HOME with a working (null) sound device, so the screen shows no sound notice."""
    return null_audio_home(tmp_path / "home")


@pytest.fixture
def runners(tmp_path: Path, term_home: Path) -> Iterator[Terminal]:
    term = Terminal(
        tmp_path,
        [LEGTIMER, "--no-keep-awake", "--no-ask", "--routine", "runners.toml"],  # no bus here
        env={"HOME": str(term_home), "LEGTIMER_HOME": str(term_home / "lt")},
    )
    try:
        yield term
    finally:
        term.close()


def test_runners_workout_in_a_real_terminal(runners: Terminal) -> None:
    term = runners
    first = term.wait_for(
        lambda s: "GET READY" in s and find(LEFT, s) is not None, what="get-ready and time left"
    )
    assert "Leg Workout for Runners" in first, "the routine's own title"
    left0 = find(LEFT, first)
    # The countdown advances on its own.
    moved = term.wait_for(lambda s: find(LEFT, s) not in (None, left0), 5, "the clock to move")
    assert "step 1 of 62" in moved

    # Space pauses: the label says so and the time left stops.
    term.keys("Space")
    paused = term.wait_for(lambda s: "PAUSED" in s and find(LEFT, s) is not None, what="paused")
    held = find(LEFT, paused)
    stable_until = time.monotonic() + 1.5
    while time.monotonic() < stable_until:
        assert find(LEFT, term.screen()) == held
        time.sleep(0.1)
    term.keys("Space")
    term.wait_text("GET READY")

    # n moves on.
    term.keys("n")
    term.wait_text("step 2 of 62")
    term.wait_text("WARM-UP")

    # Resize small and back: the phase stays, nothing crashes.
    term.resize(40, 12)
    term.wait_for(lambda s: "WARM-UP" in s and len(s.splitlines()[0]) <= 40, 5, "small layout")
    term.resize(100, 30)
    term.wait_for(lambda s: "step 2 of 62" in s, 5, "full layout back")

    # q asks first; y quits with status 0.
    term.keys("q")
    term.wait_text("Quit this workout?")
    term.keys("y")
    assert term.wait_exit() == 0
    assert "Quit this workout?" not in term.screen(), "the terminal is restored"
    everything = term.history()
    assert "Traceback" not in everything
    assert "ALSA lib" not in everything


def test_bad_routine_prints_the_message_and_exits_2_before_any_screen(
    tmp_path: Path, term_home: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[routine]\nname = "x"\n[[exercise]]\nname = "A"\nrset = 3\n')
    term = Terminal(tmp_path, [LEGTIMER, "--routine", str(bad)], env={"HOME": str(term_home)})
    try:
        assert term.wait_exit() == 2
        text = term.history()
        assert f"{bad}:5:" in text and "did you mean 'rest'?" in text
        assert "Traceback" not in text
    finally:
        term.close()


@pytest.mark.parametrize(("signal_name", "code"), [("TERM", 143), ("HUP", 129)])
def test_a_signal_ends_it_cleanly_and_restores_the_terminal(
    runners: Terminal, signal_name: str, code: int
) -> None:
    import subprocess

    runners.wait_text("GET READY")
    pid = runners.command_pid()
    subprocess.run(["kill", f"-{signal_name}", str(pid)], check=False)
    assert runners.wait_exit() == code
    after = runners.screen()
    assert "GET READY" not in after, "the alternate screen was left"
    assert "Traceback" not in runners.history()


def test_an_internal_error_exits_non_zero_with_a_readable_message(
    tmp_path: Path, term_home: Path
) -> None:
    import sys

    driver = str(Path(__file__).with_name("crash_driver.py"))
    term = Terminal(
        tmp_path,
        [sys.executable, driver, "--no-ask", "--routine", "runners"],
        env={"HOME": str(term_home)},
    )
    try:
        status = term.wait_exit()
        assert status != 0
        assert "simulated failure while drawing" in term.history()
    finally:
        term.close()
