"""Ways to make a sound, best first: simpleaudio, a system player, the terminal bell, silence.

Each backend plays a named cue without blocking and never overlaps two sounds: a new cue
stops the one before it.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from legtimer.audio.processes import end_process

PROBE_SECONDS = 0.01


class Backend(Protocol):
    """A way to play cue sounds."""

    name: str

    def play(self, cue: str) -> None:
        """Start the cue's sound and return at once."""

    def stop(self) -> None:
        """Cut the current sound short."""

    def close(self) -> None:
        """Stop everything before the process exits."""


class AudioUnavailable(Exception):
    """A backend cannot play here: a short reason for the screen, details for sound-check."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class SimpleaudioBackend:
    """WAVs loaded once into memory and played by simpleaudio (the simpleaudio-patched build)."""

    name = "simpleaudio"

    def __init__(self, sounds: Mapping[str, Path]) -> None:
        from legtimer.audio.alsa import silence_alsa_errors

        silence_alsa_errors()
        try:
            import simpleaudio
        except ImportError as exc:
            raise AudioUnavailable(
                "simpleaudio is not installed",
                "install libasound2-dev and a C compiler, then reinstall with the audio extra: "
                "pip install 'legtimer[audio]' (or make run)",
            ) from exc
        self._sa: Any = simpleaudio
        try:
            self._waves = {
                cue: simpleaudio.WaveObject.from_wave_file(str(path))
                for cue, path in sounds.items()
            }
            # A few ms of silence proves the device opens before the workout relies on it.
            simpleaudio.play_buffer(
                b"\x00\x00" * int(44100 * PROBE_SECONDS), 1, 2, 44100
            ).wait_done()
        except Exception as exc:  # simpleaudio's own error type is not exported
            raise AudioUnavailable(
                "no audio device",
                f"{exc}; check the sound card and the ALSA or PulseAudio setup (aplay -l)",
            ) from exc
        self._current: Any = None

    def play(self, cue: str) -> None:
        """Stop the last sound, start this one."""
        wave = self._waves.get(cue)
        if wave is None:
            return
        self.stop()
        self._current = wave.play()

    def stop(self) -> None:
        """Stop the sound that is playing, if any."""
        if self._current is not None and self._current.is_playing():
            self._current.stop()

    def close(self) -> None:
        """Stop all playback and give simpleaudio's threads a moment to end."""
        self._sa.stop_all()
        deadline = time.monotonic() + 0.3
        while self._current is not None and self._current.is_playing():
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)


PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("paplay", ()),
    ("pw-play", ()),
    ("aplay", ("-q",)),
    ("afplay", ()),
)


class CommandBackend:
    """A system player (paplay, pw-play, aplay or afplay) run once per cue."""

    def __init__(
        self, sounds: Mapping[str, Path], which: Callable[[str], str | None] | None = None
    ) -> None:
        which = which or shutil.which
        for program, flags in PLAYERS:
            path = which(program)
            if path:
                self.name = program
                self._command = [path, *flags]
                break
        else:
            raise AudioUnavailable(
                "no system player",
                "none of paplay, pw-play, aplay or afplay is installed "
                "(apt-get install alsa-utils gives aplay)",
            )
        self._sounds = dict(sounds)
        self._current: subprocess.Popen[bytes] | None = None
        probe = self._sounds.get("tick")
        if probe is not None:
            try:
                result = subprocess.run(
                    [*self._command, str(probe)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=3,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise AudioUnavailable(f"{program} failed", str(exc)) from exc
            if result.returncode != 0:
                raise AudioUnavailable(
                    f"{program}: no audio device",
                    f"{program} could not open the default device (aplay -l lists sound cards)",
                )

    def play(self, cue: str) -> None:
        """Stop the last player, start one for this cue."""
        path = self._sounds.get(cue)
        if path is None:
            return
        self.stop()
        with contextlib.suppress(OSError):
            self._current = subprocess.Popen(
                [*self._command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def stop(self) -> None:
        """Kill the player that is still running."""
        end_process(self._current)

    def close(self) -> None:
        """Nothing may outlive the app."""
        self.stop()


class BellBackend:
    """The terminal bell: one ring for every cue (the screen supplies how to ring it)."""

    name = "terminal bell"

    def __init__(self, ring: Callable[[], None] | None = None) -> None:
        self._ring = ring or _write_bell

    def play(self, cue: str) -> None:
        """Ring, except for the soft rep beat, which would be a bell every few seconds."""
        if cue != "rep":
            self._ring()

    def stop(self) -> None:
        """A bell cannot be stopped."""

    def close(self) -> None:
        """Nothing to release."""


def _write_bell() -> None:
    sys.stdout.write("\a")
    sys.stdout.flush()


class SilentBackend:
    """No sound at all (muted from the start, or nothing works)."""

    name = "silence"

    def play(self, cue: str) -> None:
        """Nothing."""

    def stop(self) -> None:
        """Nothing."""

    def close(self) -> None:
        """Nothing."""


class RecordingBackend:
    """A fake for tests: remembers each cue it was asked to play, with the clock's time."""

    name = "recording"

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.played: list[tuple[str, float]] = []
        self.stopped = 0
        self.closed = False

    def play(self, cue: str) -> None:
        """Record the cue."""
        self.played.append((cue, self.clock()))

    def stop(self) -> None:
        """Count stops."""
        self.stopped += 1

    def close(self) -> None:
        """Remember that close was called."""
        self.closed = True

    @property
    def cues(self) -> list[str]:
        """Just the cue names, in order."""
        return [cue for cue, _ in self.played]
