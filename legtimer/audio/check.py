"""`legtimer sound-check`: play every cue, name the backend, and say how to fix what is missing."""

from __future__ import annotations

import time

from legtimer.audio.backends import BellBackend
from legtimer.audio.chooser import choose_backend, sound_files
from legtimer.audio.voice import Voice
from legtimer.core.routine import SOUND_NAMES

DESCRIPTIONS = {
    "work": "work starts",
    "rest": "rest (or get ready) starts",
    "tick": "countdown tick, each of the last seconds",
    "halfway": "halfway through a timed set",
    "switch": "switch sides",
    "rep": "rep beat of a paced set",
    "finish": "workout finished",
}


def sound_check(pause: float = 0.8) -> int:
    """Play each sound in turn; exit 0 whenever the workout would have sound of some kind."""
    files = sound_files(None)
    backend, problems = choose_backend(files)
    for problem in problems:
        print(f"not available: {problem.reason}")
        if problem.detail:
            print(f"  fix: {problem.detail}")
    print(f"sound backend: {backend.name}")
    if isinstance(backend, BellBackend):
        print("the workout will ring the terminal bell at each transition (no rep beat)")
    for name in SOUND_NAMES:
        print(f"  {name:<8} {DESCRIPTIONS[name]}  ({files[name].name})", flush=True)
        backend.play(name)
        time.sleep(pause)
    backend.close()
    voice = Voice.find()
    if voice is None:
        print("voice (--voice): unavailable; install espeak-ng (Linux) or use macOS's say")
    else:
        print(f"voice (--voice): {voice.command[0]}")
    return 0
