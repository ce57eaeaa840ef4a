"""Spoken cues through espeak-ng (Linux) or say (macOS), in a subprocess that never blocks.

A new line cuts the one still speaking short, so lines never pile up behind each other.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable

from legtimer.audio.processes import end_process

SPEAKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("espeak-ng", ("--stdin", "-s", "165")),
    ("say", ()),
)


class Voice:
    """Speaks one line at a time; the text goes in on stdin, never as an argument."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self._current: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls, which: Callable[[str], str | None] | None = None) -> Voice | None:
        """The first speaker installed here, or None."""
        which = which or shutil.which
        for program, flags in SPEAKERS:
            path = which(program)
            if path:
                return cls([path, *flags])
        return None

    def say(self, line: str) -> None:
        """Start speaking ``line``, cutting off any line still being spoken."""
        self.stop()
        try:
            process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return
        assert process.stdin is not None
        with contextlib.suppress(OSError):
            process.stdin.write(line.encode("utf-8", "replace"))
            process.stdin.close()
        self._current = process

    def stop(self) -> None:
        """Cut the current line short."""
        end_process(self._current)

    def close(self) -> None:
        """Nothing may outlive the app."""
        self.stop()
