"""Where bundled and user routines, settings and history live.

Bundled routines and sounds live in the top-level ``routines/`` and ``sounds/`` folders of the
repository; the wheel puts them inside the package. Both layouts are looked up here so a source
checkout and a ``pipx install`` behave the same.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "legtimer"


def _bundled(name: str) -> Path:
    from importlib import resources  # 8 ms: only for what needs the bundled files

    packaged = resources.files("legtimer") / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent.parent / name


def bundled_routines_dir() -> Path:
    """The routines that ship with legtimer (read-only)."""
    return _bundled("routines")


def sounds_dir() -> Path:
    """The cue sounds that ship with legtimer."""
    return _bundled("sounds")


def data_dir() -> Path:
    """The person's own data: routines and the training log (LEGTIMER_HOME overrides)."""
    override = os.environ.get("LEGTIMER_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP))


def state_dir() -> Path:
    """What this machine remembers between runs: the checkpoint (LEGTIMER_HOME/state)."""
    override = os.environ.get("LEGTIMER_HOME")
    if override:
        return Path(override) / "state"
    import platformdirs

    return Path(platformdirs.user_state_dir(APP))


def user_routines_dir() -> Path:
    """The person's own routines (LEGTIMER_HOME overrides, for tests and portable setups)."""
    return data_dir() / "routines"


def history_path() -> Path:
    """The old one-line-per-workout log, imported once into the training log."""
    return data_dir() / "history.jsonl"


def log_path() -> Path:
    """The training log (SQLite)."""
    return data_dir() / "legtimer.db"


def checkpoint_path() -> Path:
    """Where a running workout keeps its place."""
    return state_dir() / "checkpoint.json"


def place_lock_path() -> Path:
    """Held by the one legtimer whose workout keeps its place (see ``storage/placelock.py``)."""
    return state_dir() / "checkpoint.lock"
