"""`legtimer new`: a new routine file in your routines folder, never over an existing one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from legtimer.storage.files import atomic_write

STARTER = """# {name}: your routine. Every key is explained in legtimer's docs/routines.md.
# Check it with:   legtimer check {name}
# Run it with:     legtimer --routine {name}

[routine]
name = "{title}"
description = "What this workout is for."
rounds = 1                      # more than 1 repeats the exercise list as a circuit

[defaults]                      # any of these can also be set on one exercise
get_ready = "10s"               # countdown before the first step
rest = "45s"                    # between sets
rest_after = "60s"              # after an exercise's last set
switch_sides = "5s"             # between the sides of a per-side set
seconds_per_rep = 3             # paces rep sets: 10 reps = 30 s, with a beat each rep
manual = false                  # true: a rep set waits for you to press done

[[warmup]]
name = "March in place"
duration = "1m"
cue = "Knees up, arms swinging, breathe easily."

[[exercise]]
name = "Squats"
sets = 3
reps = [10, 15]                 # a number, or a [low, high] range
cue = "Feet shoulder-width, sit back and down, chest up, stand tall."

[[exercise]]
name = "Side-lying leg raises"
sets = 2
reps = 12
per_side = true                 # left side, switch, right side
cue = "Hips stacked, lift the top leg slowly, lower with control."

[[cooldown]]
name = "Hamstring stretch"
duration = "30s"
per_side = true
cue = "Heel forward, leg straight, hinge from the hips."
"""

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class NewRoutineError(Exception):
    """Bad name, or the file already exists."""


def new_routine_path(name: str, folder: Path) -> Path:
    """Where ``legtimer new NAME`` writes, after checking NAME is a plain file name."""
    stem = name[:-5] if name.endswith(".toml") else name
    if not _NAME.match(stem):
        raise NewRoutineError(
            f"'{name}' is not a usable routine name; use letters, digits, '-', '_' or '.', "
            "starting with a letter or digit (at most 64 characters)"
        )
    return folder / f"{stem}.toml"


def create(name: str, folder: Path, source: Path | None = None) -> Path:
    """Write the starter (or a byte-for-byte copy of ``source``) as NAME.toml in ``folder``.

    Raises:
        NewRoutineError: when the name is unusable or the file exists (it is never replaced).
    """
    path = new_routine_path(name, folder)
    if path.exists():
        raise NewRoutineError(
            f"{path} already exists; edit it with `legtimer edit "
            f"{path.stem}` or choose another name"
        )
    if source is not None:
        data = source.read_bytes()
    else:
        title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
        data = STARTER.format(name=path.stem, title=title).encode("utf-8")
    atomic_write(path, data, backup=False)
    return path


def main(name: str, source_spec: str | None) -> int:
    """The command: prints the path and what to do next; exit 2 on bad input."""
    from legtimer.storage.paths import user_routines_dir

    source = None
    if source_spec is not None:
        from legtimer.core.errors import RoutineError
        from legtimer.core.loader import load_routine
        from legtimer.storage.library import RoutineNotFound, resolve_routine

        try:
            source = resolve_routine(source_spec)
            copied = load_routine(source)
        except RoutineNotFound as exc:
            print(f"legtimer: {exc}", file=sys.stderr)
            return 2
        except RoutineError as exc:
            print(f"legtimer: cannot copy a routine with problems:\n{exc}", file=sys.stderr)
            return 2
        if copied.sounds:
            print(
                "note: the copy names sounds relative to its old folder; copy those WAV "
                "files next to it too",
                file=sys.stderr,
            )
    try:
        path = create(name, user_routines_dir(), source)
    except NewRoutineError as exc:
        print(f"legtimer: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"legtimer: could not write the routine: {exc}", file=sys.stderr)
        return 2
    print(f"created {path}")
    print(f"next:  legtimer edit {path.stem}      (or open the file in any text editor)")
    print(f"       legtimer --routine {path.stem}")
    return 0
