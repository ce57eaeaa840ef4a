"""The workout log: one JSON line per workout, written so that it is never lost."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, NamedTuple

from legtimer.core.summary import Summary
from legtimer.storage.files import atomic_write
from legtimer.storage.paths import history_path

MIN_SECONDS_TO_LOG = 30.0
"""A workout quit in its first half-minute was a false start, not a workout."""


class Entry(NamedTuple):
    """One past workout."""

    when: str
    routine: str
    total: float
    worked: float
    rested: float
    sets_done: int
    sets_skipped: int
    finished: bool


def record(summary: Summary, path: Path | None = None, now: float | None = None) -> bool:
    """Add a workout to the log; returns False when it was too short to count.

    The log is rewritten through a temp file with the old version kept as ``.bak``, so a
    crash mid-write cannot cut it short.
    """
    if not summary.finished and summary.total < MIN_SECONDS_TO_LOG:
        return False
    path = path or history_path()
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(now))
    entry = Entry(
        stamp,
        summary.routine,
        round(summary.total, 1),
        round(summary.worked, 1),
        round(summary.rested, 1),
        summary.sets_done,
        summary.sets_skipped,
        summary.finished,
    )
    old = path.read_bytes() if path.exists() else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    atomic_write(path, old + (json.dumps(entry._asdict()) + "\n").encode("utf-8"))
    return True


def load(path: Path | None = None) -> tuple[list[Entry], int]:
    """Every readable entry, and how many lines could not be read (kept in the file)."""
    path = path or history_path()
    if not path.exists():
        return [], 0
    entries: list[Entry] = []
    bad = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            data: dict[str, Any] = json.loads(line)
            entries.append(Entry(**{field: data[field] for field in Entry._fields}))
        except (ValueError, KeyError, TypeError):
            bad += 1
    return entries, bad
