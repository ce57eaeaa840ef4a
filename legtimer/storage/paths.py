"""Where bundled and user routines, settings and history live.

Bundled routines and sounds live in the top-level ``routines/`` and ``sounds/`` folders of the
repository; the wheel puts them inside the package. Both layouts are looked up here so a source
checkout and a ``pipx install`` behave the same.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP = "legtimer"


def _bundled(name: str) -> Path:
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


def user_routines_dir() -> Path:
    """The person's own routines (LEGTIMER_HOME overrides, for tests and portable setups)."""
    override = os.environ.get("LEGTIMER_HOME")
    if override:
        return Path(override) / "routines"
    return Path(platformdirs.user_data_dir(APP)) / "routines"


def history_path() -> Path:
    """The workout log."""
    override = os.environ.get("LEGTIMER_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP))
    return base / "history.jsonl"
