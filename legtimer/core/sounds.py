"""Checks on a routine's own cue sounds, so a bad path is a `check` error, not a crash later."""

from __future__ import annotations

MAX_SOUND_BYTES = 1_000_000


def check_sound_file(folder: str, relative: str) -> str | None:
    """Why ``relative`` (from the routine's folder) is not an acceptable cue sound, or None.

    Only WAV files of at most 1 MB inside the routine's own folder are accepted, so a routine
    cannot make legtimer read some other file on the machine.
    """
    import wave  # only for routines with their own sounds
    from pathlib import Path

    if Path(relative).is_absolute():
        return "must be a path relative to the routine's folder, not an absolute path"
    try:
        base = Path(folder).resolve()
        target = (base / relative).resolve()
    except (OSError, RuntimeError) as exc:
        return f"cannot resolve this path ({exc})"
    if target != base and base not in target.parents:
        return "must stay inside the routine's folder"
    if target.suffix.lower() != ".wav":
        return "must be a .wav file"
    if not target.is_file():
        return "no such file next to the routine"
    try:
        size = target.stat().st_size
        if size > MAX_SOUND_BYTES:
            return f"is {size:,} bytes; a cue sound may be at most {MAX_SOUND_BYTES:,} bytes"
        with wave.open(str(target), "rb") as wav:
            if wav.getnchannels() not in (1, 2) or wav.getsampwidth() not in (1, 2, 3, 4):
                return "must be a mono or stereo PCM WAV"
            if wav.getnframes() == 0:
                return "has no audio in it"
    except (OSError, EOFError, wave.Error) as exc:
        return f"is not a readable PCM WAV file ({exc})"
    return None
