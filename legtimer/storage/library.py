"""Finding routines by path or by name, among the bundled ones and the person's own."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import NamedTuple

from legtimer.storage.paths import bundled_routines_dir, user_routines_dir


class RoutineNotFound(LookupError):
    """A --routine argument that matches no file and no known routine name."""


class RoutineEntry(NamedTuple):
    """A routine file found on disk; ``name`` is what you type after --routine."""

    name: str
    path: Path
    bundled: bool

    @property
    def where(self) -> str:
        """Where it lives, for listings."""
        return "bundled" if self.bundled else "yours"


def find_routines() -> list[RoutineEntry]:
    """Every routine file: the person's own first, then bundled ones not shadowed by them."""
    entries: list[RoutineEntry] = []
    seen: set[str] = set()
    for folder, bundled in ((user_routines_dir(), False), (bundled_routines_dir(), True)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            if path.stem in seen or not path.is_file():
                continue
            seen.add(path.stem)
            entries.append(RoutineEntry(path.stem, path, bundled))
    return entries


def resolve_routine(spec: str) -> Path:
    """A path, or the name of a user or bundled routine (with or without .toml).

    Raises:
        RoutineNotFound: with a message listing what exists and the closest name.
    """
    path = Path(spec).expanduser()
    if path.exists():
        return path
    name = spec[:-5] if spec.endswith(".toml") else spec
    entries = find_routines()
    for entry in entries:
        if entry.name == name:
            return entry.path
    for entry in entries:
        if entry.name.lower() == name.lower():
            return entry.path
    names = [entry.name for entry in entries]
    looks_like_path = "/" in spec or "\\" in spec
    message = f"{spec}: no such file" if looks_like_path else f"no routine named '{spec}'"
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    if close:
        message += f"; did you mean '{close[0]}'?"
    if names:
        message += f"\nroutines: {', '.join(names)}  (see `legtimer list`)"
    raise RoutineNotFound(message)
