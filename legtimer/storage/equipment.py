"""What equipment a person has said is missing, remembered between workouts.

One small JSON file in the state folder (``$LEGTIMER_HOME/state/equipment.json``): every item
ever asked about, and which of those are missing. A damaged file is treated as never asked.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import NamedTuple

from legtimer.storage.paths import state_dir


class EquipmentAnswers(NamedTuple):
    """Items asked about (as routines write them) and the ones marked missing."""

    asked: frozenset[str] = frozenset()
    missing: frozenset[str] = frozenset()

    def unasked(self, items: tuple[str, ...]) -> tuple[str, ...]:
        """Items never asked about."""
        return tuple(item for item in items if item not in self.asked)

    def missing_of(self, items: tuple[str, ...]) -> tuple[str, ...]:
        """Which of ``items`` are missing."""
        return tuple(item for item in items if item in self.missing)

    def answered(self, items: tuple[str, ...], missing: tuple[str, ...]) -> EquipmentAnswers:
        """These answers with ``items`` asked again: ``missing`` of them are missing."""
        return EquipmentAnswers(self.asked | set(items), (self.missing - set(items)) | set(missing))


def equipment_path() -> Path:
    """Where the answers live."""
    return state_dir() / "equipment.json"


def load_answers(path: Path | None = None) -> EquipmentAnswers:
    """The remembered answers (none when the file is missing or unreadable)."""
    try:
        data = json.loads((path or equipment_path()).read_text(encoding="utf-8"))
        return EquipmentAnswers(
            frozenset(str(item) for item in data["asked"]),
            frozenset(str(item) for item in data["missing"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return EquipmentAnswers()


def save_answers(answers: EquipmentAnswers, path: Path | None = None) -> None:
    """Write the answers (atomically); a folder that cannot be written is not fatal."""
    path = path or equipment_path()
    data = {"asked": sorted(answers.asked), "missing": sorted(answers.missing)}
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, path)
