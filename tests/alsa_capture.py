"""ALSA's file plugin as a speaker that records every stream (see TESTING.md §4).

A HOME with this .asoundrc makes the default PCM a file plugin over the null device: each time
a program opens it, the recorder script saves the samples in a file named by the wall-clock
moment it started. No sound card needed.
"""

from __future__ import annotations

import array
from pathlib import Path
from typing import NamedTuple

RATE = 44100

# The first tone of each bundled sound (tools/make_sounds.py).
FIRST_TONE = {
    "rest": 440.0,
    "finish": 523.25,
    "switch": 660.0,
    "tick": 1000.0,
    "work": 1320.0,
    "halfway": 1760.0,
    "rep": 2500.0,
}


def null_audio_home(home: Path) -> Path:
    """A HOME whose default ALSA device accepts sound and throws it away."""
    home.mkdir(parents=True, exist_ok=True)
    (home / ".asoundrc").write_text("pcm.!default {\n  type null\n}\n")
    return home


def capturing_home(home: Path, captures: Path) -> Path:
    """A HOME whose default ALSA device records each opened stream into ``captures``."""
    home.mkdir(parents=True, exist_ok=True)
    captures.mkdir(parents=True, exist_ok=True)
    recorder = home / "record.sh"
    recorder.write_text(f'#!/bin/sh\ncat > "{captures}/$(date +%s.%N).raw"\n')
    recorder.chmod(0o755)
    (home / ".asoundrc").write_text(
        'pcm.!default {\n  type file\n  slave.pcm "null"\n'
        f'  file "|{recorder}"\n  format "raw"\n}}\n'
    )
    return home


class Capture(NamedTuple):
    """One recorded stream."""

    started: float
    """Wall-clock time the stream was opened."""
    samples: array.array[int]

    @property
    def loud(self) -> bool:
        """False for the silent probe played at start-up."""
        return any(abs(s) > 1000 for s in self.samples)

    def frequency(self, seconds: float = 0.02) -> float:
        """Dominant frequency of the first ``seconds``, from zero crossings."""
        window = self.samples[: int(RATE * seconds)]
        crossings = sum(
            1 for a, b in zip(window, window[1:], strict=False) if (a < 0 <= b) or (a >= 0 > b)
        )
        return crossings / 2 / (len(window) / RATE) if window else 0.0

    def sound(self) -> str | None:
        """Which bundled sound this is (nearest first tone within 8 %), or None."""
        found = self.frequency()
        name, tone = min(FIRST_TONE.items(), key=lambda item: abs(item[1] - found))
        return name if abs(tone - found) <= 0.08 * tone else None


def read_captures(folder: Path) -> list[Capture]:
    """Every complete recording in ``folder``, oldest first (16-bit little-endian mono)."""
    out = []
    for path in sorted(folder.glob("*.raw"), key=lambda p: float(p.stem)):
        data = array.array("h")
        raw = path.read_bytes()
        data.frombytes(raw[: len(raw) - len(raw) % 2])
        out.append(Capture(float(path.stem), data))
    return out


class Recording(NamedTuple):
    """A whole workout run through the capturing device."""

    start: float
    """Wall-clock moment the first step was due (from --event-log)."""
    first_event: str
    beeps: list[Capture]
    """The loud recordings, oldest first (the silent start-up probe left out)."""
    exit_status: int
    screen: str
    """Everything the terminal showed, scrollback included."""


def _wait_for_recorders(recorder: Path, timeout: float = 5.0) -> None:
    """Wait until no ``recorder`` process (one per beep, started by ALSA) is still writing."""
    import subprocess
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = subprocess.run(
            ["pgrep", "-f", str(recorder)], capture_output=True, text=True, check=False
        )
        if not running.stdout.strip():
            return
        time.sleep(0.02)


def record_workout(tmp: Path, routine: Path) -> Recording:
    """Run the installed app on ``routine`` in tmux, to its summary, recording every beep."""
    import json

    from tests.tmux import LEGTIMER, Terminal

    captures = tmp / "captures"
    home = capturing_home(tmp / "home", captures)
    events = tmp / "events.jsonl"
    term = Terminal(
        tmp,
        [LEGTIMER, "--routine", str(routine), "--event-log", str(events)],
        env={"HOME": str(home), "LEGTIMER_HOME": str(tmp / "lt")},
    )
    try:
        term.wait_text("DONE", timeout=60)
        term.keys("q")
        status = term.wait_exit()
        screen = term.history()
    finally:
        term.close()
    _wait_for_recorders(home / "record.sh")
    first = json.loads(events.read_text().splitlines()[0])
    beeps = [c for c in read_captures(captures) if c.loud]
    return Recording(first["wall"], first["event"], beeps, status, screen)
