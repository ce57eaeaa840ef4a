"""Pick the best backend that works here, and say once what is missing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from legtimer.audio.backends import (
    AudioUnavailable,
    Backend,
    BellBackend,
    CommandBackend,
    SimpleaudioBackend,
)
from legtimer.audio.cues import CuePlayer
from legtimer.audio.voice import Voice
from legtimer.core.plan import Plan
from legtimer.core.routine import SOUND_NAMES, Routine
from legtimer.storage.paths import sounds_dir


def sound_files(routine: Routine | None) -> dict[str, Path]:
    """Each cue's WAV: the routine's own where it names one, else the bundled sound."""
    bundled = sounds_dir()
    files = {name: bundled / f"{name}.wav" for name in SOUND_NAMES}
    if routine is not None:
        files.update(routine.sound_paths())
    return files


def choose_backend(
    files: dict[str, Path], bell: Callable[[], None] | None = None
) -> tuple[Backend, list[AudioUnavailable]]:
    """The first backend that works: simpleaudio, a system player, the terminal bell.

    Returns:
        The backend, and for each better one that could not be used, why.
    """
    problems: list[AudioUnavailable] = []
    makers: tuple[Callable[[dict[str, Path]], Backend], ...] = (
        SimpleaudioBackend,
        CommandBackend,
    )
    for make in makers:
        try:
            return make(files), problems
        except AudioUnavailable as exc:
            problems.append(exc)
    return BellBackend(bell), problems


def limited_notice(backend: Backend, problems: list[AudioUnavailable]) -> str | None:
    """One short line when sound is not at its best, e.g. "Sound: terminal bell only (...)"."""
    if not problems:
        return None
    what = "terminal bell only" if isinstance(backend, BellBackend) else f"using {backend.name}"
    return f"Sound: {what} ({problems[0].reason}). Details: legtimer doctor"


def open_audio(
    plan: Plan | None,
    mute: bool = False,
    voice: bool = False,
    bell: Callable[[], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> CuePlayer:
    """The cue player for a workout, with a one-line notice when sound is limited.

    Args:
        plan: the workout (its routine may override sounds; voice reads next-up from it).
        mute: start muted (the m key unmutes).
        voice: also speak each step, when espeak-ng or say exists.
        bell: how to ring the terminal bell without disturbing the screen.
        clock: the session's clock (a cue due long ago on it is old news, not a beep).

    Returns:
        A player that never raises and never blocks.
    """
    routine = plan.routine if plan is not None else None
    backend, problems = choose_backend(sound_files(routine), bell)
    notes: list[str] = []
    limited = limited_notice(backend, problems)
    if limited:
        notes.append(limited)
    speaker = None
    if voice:
        speaker = Voice.find()
        if speaker is None:
            notes.append("Voice unavailable: install espeak-ng (Linux); macOS has say")
    fallback = None if isinstance(backend, BellBackend) else BellBackend(bell)
    return CuePlayer(
        backend,
        plan,
        muted=mute,
        voice=speaker,
        notice=" · ".join(notes) or None,
        fallback=fallback,
        clock=clock,
    )
