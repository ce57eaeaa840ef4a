"""`legtimer new`: a new routine file in your routines folder, never over an existing one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK
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


_ROUTINE_NAME = re.compile(
    r'^(?P<head>\s*name\s*=\s*)(?P<value>"(?:\\.|[^"\\])*"|\'[^\']*\')', re.M
)
_TABLE = re.compile(r"^\s*\[", re.M)


def renamed_copy(text: str, old_stem: str, new_stem: str, title: str) -> str:
    """``text`` with [routine]'s name set to ``title`` and comments' commands naming the copy.

    Only the name line changes, so the copy keeps every comment of the original.
    """
    import json

    start = text.find("[routine]")
    if start >= 0:
        end_match = _TABLE.search(text, start + len("[routine]"))
        end = end_match.start() if end_match else len(text)
        found = _ROUTINE_NAME.search(text, start, end)
        if found:
            # JSON's escaping of a plain string is valid TOML basic-string escaping.
            text = text[: found.start("value")] + json.dumps(title) + text[found.end("value") :]
    for command in ("--routine", "check", "edit", "plan"):
        text = re.sub(rf"(legtimer {command}\s+){re.escape(old_stem)}\b", rf"\g<1>{new_stem}", text)
    return text


def create(name: str, folder: Path, source: Path | None = None, title: str | None = None) -> Path:
    """Write the starter (or a renamed copy of ``source``) as NAME.toml in ``folder``.

    A copy's name becomes ``title``, or "ORIGINAL NAME (NAME)", so the picker never shows two
    routines with one name.

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
        from legtimer.core.loader import load_routine

        original = load_routine(source)
        title = title or f"{original.name} ({path.stem})"
        text = source.read_text(encoding="utf-8")
        data = renamed_copy(text, source.stem, path.stem, title).encode("utf-8")
    else:
        title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
        data = STARTER.format(name=path.stem, title=title).encode("utf-8")
    atomic_write(path, data, backup=False)
    return path


def main(name: str, source_spec: str | None, title: str | None = None) -> int:
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
            return EXIT_BAD_INPUT
        except RoutineError as exc:
            print(f"legtimer: cannot copy a routine with problems:\n{exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if copied.sounds:
            print(
                "note: the copy names sounds relative to its old folder; copy those WAV "
                "files next to it too",
                file=sys.stderr,
            )
    try:
        path = create(name, user_routines_dir(), source, title)
    except NewRoutineError as exc:
        print(f"legtimer: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"legtimer: could not write the routine: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"created {path}")
    print(f"next:  legtimer edit {path.stem}      (or open the file in any text editor)")
    print(f"       legtimer --routine {path.stem}")
    return EXIT_OK
