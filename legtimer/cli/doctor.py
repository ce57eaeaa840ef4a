"""`legtimer doctor` (also `sound-check`): is this machine ready for a workout on the floor?

Each check says what works, or what does not and how to fix it: sound (every cue played), the
voice (really spoken), keep-awake, and the folders legtimer writes to.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from legtimer.audio.backends import Backend, BellBackend, CommandBackend, SimpleaudioBackend
from legtimer.audio.chooser import choose_backend, sound_files
from legtimer.audio.voice import Voice
from legtimer.core.errors import EXIT_OK
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
OK, BAD = "ok  ", "FIX "


def doctor(pause: float = 0.5) -> int:
    """Run every check and print what to fix; exit 0 (a workout runs whatever is missing)."""
    backend = check_sound(pause)
    check_voice(backend)
    backend.close()
    check_keep_awake()
    check_folders()
    return EXIT_OK


def check_sound(pause: float) -> Backend:
    """Play each cue on the best backend found; name what is missing and its fix."""
    files = sound_files(None)
    backend, problems = choose_backend(files)
    for problem in problems:
        print(f"{BAD}sound: {problem.reason}")
        if problem.detail:
            print(f"      fix: {problem.detail}")
    print(f"{OK if not problems else BAD}sound: playing through {backend.name}")
    if isinstance(backend, BellBackend):
        print("      the workout will ring the terminal bell at each transition (no rep beat)")
    for name in SOUND_NAMES:
        print(f"      {name:<8} {DESCRIPTIONS[name]}  ({files[name].name})", flush=True)
        backend.play(name)
        time.sleep(pause)
    return backend


def check_voice(backend: Backend) -> bool:
    """Really speak a line: to a file first (the engine works), then out loud (it is heard)."""
    voice = Voice.find()
    if voice is None:
        print(f"{BAD}voice (--voice): no speech engine; install espeak-ng (Linux), or use macOS")
        return False
    engine = voice.command[0]
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "voice.wav"
        spoken = _speak_to_file(engine, wav)
        if not spoken:
            print(f"{BAD}voice (--voice): {engine} could not speak ({_why(engine, wav)})")
            return False
        if not isinstance(backend, SimpleaudioBackend | CommandBackend):
            print(
                f"{BAD}voice (--voice): {engine} speaks, but with no sound device nothing is "
                "heard; fix the sound first (above)"
            )
            return False
    print(f"{OK}voice (--voice): {engine}")
    voice.say("Voice check.")
    time.sleep(1.0)
    voice.close()
    return True


def _speak_to_file(engine: str, wav: Path) -> bool:
    if os.path.basename(engine) == "say":
        command = [engine, "-o", str(wav.with_suffix(".aiff")), "Voice check."]
        wav = wav.with_suffix(".aiff")
    else:
        command = [engine, "-w", str(wav), "Voice check."]
    try:
        done = subprocess.run(command, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and wav.exists() and wav.stat().st_size > 100


def _why(engine: str, wav: Path) -> str:
    return f"no audio came out of `{engine} -w {wav.name}`; reinstall it"


def check_keep_awake() -> bool:
    """Take and release the desktop's screen-saver inhibitor, as a workout would."""
    from legtimer.live.keepawake import KeepAwake

    keeper = KeepAwake()
    keeper.acquire()
    held, method, problem = keeper.held, keeper.method, keeper.problem
    keeper.release()
    if held:
        print(f"{OK}keep-awake: the screen stays on during workouts ({method})")
        return True
    print(f"{BAD}keep-awake: {problem}")
    print(
        "      fix: run legtimer in a terminal of your desktop session; or turn off screen "
        "blanking in your desktop's settings"
    )
    return False


def check_folders() -> bool:
    """The data folder (routines, training log) and the state folder (checkpoint) take writes."""
    from legtimer.storage.paths import data_dir, state_dir

    fine = True
    for label, folder in (("data folder", data_dir()), ("state folder", state_dir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
            print(f"{OK}{label}: {folder}")
        except OSError as exc:
            fine = False
            print(f"{BAD}{label}: {folder} is not writable ({exc.strerror or exc})")
            print("      fix: make it writable, or set LEGTIMER_HOME to a folder that is")
    return fine
