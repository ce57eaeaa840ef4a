"""Saving a routine so that nothing is ever lost.

Serialise to a string, load that string back through the same loader and compare, and only
then write: temp file in the same folder, fsync, os.replace, the previous version kept as
NAME.toml.bak. tomli-w's own dump() would leave a truncated file if it failed halfway.
"""

from __future__ import annotations

import re
from pathlib import Path

from legtimer.core.errors import RoutineError
from legtimer.core.loader import parse_routine
from legtimer.core.routine import Routine
from legtimer.core.writer import dumps_routine
from legtimer.storage.files import atomic_write

_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'')


class SaveError(Exception):
    """The routine was not saved; the file on disk is as it was."""


def has_comments(text: str) -> bool:
    """True when TOML text has a # comment (outside strings): tomli-w will not keep it."""
    return "#" in _STRINGS.sub("", text)


def save_routine(routine: Routine, path: Path) -> str:
    """Write ``routine`` to ``path`` safely; returns the text written.

    Raises:
        SaveError: when the text would not load back as the same routine, or writing failed.
    """
    try:
        text = dumps_routine(routine)
    except (TypeError, ValueError) as exc:
        raise SaveError(f"could not write this routine as TOML: {exc}") from exc
    try:
        again = parse_routine(text, path=str(path))
    except RoutineError as exc:
        raise SaveError(f"the saved text would not load back: {exc}") from exc
    if again != routine:
        raise SaveError("the saved text would load back as a different routine; not saved")
    try:
        atomic_write(path, text, backup=True)
    except OSError as exc:
        raise SaveError(f"could not write {path}: {exc.strerror or exc}") from exc
    return text
