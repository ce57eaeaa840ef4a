"""The training log's ways in and out as text: the old history.jsonl, JSON and CSV exports.

Kept apart from the database code because none of it touches SQLite: it turns records into
text and old lines into rows. The exported fields are described in
:mod:`legtimer.storage.trainlog`.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from legtimer.core.harder import Answer
    from legtimer.storage.trainlog_records import WorkoutRecord

WORKOUT_COLUMNS = (
    "workout_id",
    "routine_name",
    "routine_file",
    "started_at",
    "ended_at",
    "finished",
    "total_seconds",
    "worked_seconds",
    "rested_seconds",
)
SET_COLUMNS = (
    "exercise",
    "variant",
    "block",
    "round",
    "pass",
    "set",
    "side",
    "target_reps",
    "target_seconds",
    "reps",
    "seconds",
    "load",
    "skipped",
    "set_started_at",
)
CSV_COLUMNS = WORKOUT_COLUMNS + SET_COLUMNS
"""The CSV header: the workout's fields, then the set's (``set_started_at`` is epoch seconds)."""

HistoryRow = tuple[str, None, float, float, int, float, float, float]
"""(routine_name, routine_file, started_at, ended_at, finished, total, worked, rested)."""


def read_history(path: Path) -> tuple[list[HistoryRow], int]:
    """Parse the old JSON-lines history into workout rows.

    ``when`` was written as local "YYYY-MM-DD HH:MM" at the end of the workout (see
    ``legtimer.storage.history.record``), so the start is that minus ``total``.

    Returns:
        The rows, and how many non-blank lines could not be read.
    """
    rows: list[HistoryRow] = []
    bad = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            rows.append(_history_row(json.loads(line)))
        except (ValueError, KeyError, TypeError, OverflowError):
            bad += 1
    return rows, bad


def _history_row(data: Any) -> HistoryRow:
    if not isinstance(data, dict):
        raise TypeError("not an object")
    ended = time.mktime(time.strptime(str(data["when"]), "%Y-%m-%d %H:%M"))
    total, worked, rested = (float(data[key]) for key in ("total", "worked", "rested"))
    if not isinstance(data["routine"], str) or not isinstance(data["finished"], bool):
        raise TypeError("routine must be text and finished true/false")
    return (
        data["routine"],
        None,
        ended - total,
        ended,
        int(data["finished"]),
        total,
        worked,
        rested,
    )


def _workout_fields(workout: WorkoutRecord) -> dict[str, Any]:
    return {
        "id": workout.id,
        "routine_name": workout.routine_name,
        "routine_file": workout.routine_file,
        "started_at": workout.started_at,
        "ended_at": workout.ended_at,
        "finished": workout.finished,
        "total_seconds": workout.total_seconds,
        "worked_seconds": workout.worked_seconds,
        "rested_seconds": workout.rested_seconds,
    }


def _answered_during(
    workout: WorkoutRecord, until: float | None, answers: Iterable[Answer]
) -> list[dict[str, Any]]:
    """The harder-variant answers given while ``workout`` ran (before ``until`` if it never
    ended: the next workout's start)."""
    end = workout.ended_at if workout.ended_at is not None else until
    return [
        {
            "exercise": answer.slot,
            "variant": answer.variant,
            "accepted": answer.accepted,
            "answered_at": answer.answered_at,
            "moved_down": answer.moved_down,
        }
        for answer in answers
        if workout.started_at <= answer.answered_at and (end is None or answer.answered_at <= end)
    ]


def to_json(workouts: Iterable[WorkoutRecord], answers: Iterable[Answer] = ()) -> str:
    """The workouts (oldest first) as a JSON list, each with its ``sets`` and ``scores``, and
    the harder-variant offers answered during it as ``harder_offers``."""
    out = []
    ordered = list(workouts)
    answered = list(answers)
    for number, workout in enumerate(ordered):
        item = _workout_fields(workout)
        item["sets"] = [
            {
                "exercise": s.exercise,
                "variant": s.variant,
                "block": s.block,
                "round": s.round,
                "pass": s.pass_no,
                "set": s.set_no,
                "side": s.side,
                "target_reps": s.target_reps,
                "target_seconds": s.target_seconds,
                "reps": s.reps,
                "seconds": s.seconds,
                "load": s.load,
                "skipped": s.skipped,
                "started_at": s.started_at,
            }
            for s in workout.sets
        ]
        item["scores"] = [score._asdict() for score in workout.scores]
        following = ordered[number + 1].started_at if number + 1 < len(ordered) else None
        item["harder_offers"] = _answered_during(workout, following, answered)
        out.append(item)
    return json.dumps(out, indent=1, ensure_ascii=False)


def _cell(value: object) -> object:
    """Booleans as 1/0, which every spreadsheet reads as numbers."""
    return int(value) if isinstance(value, bool) else value


def to_csv(workouts: Iterable[WorkoutRecord]) -> str:
    """One row per set, the workout's fields repeated; a workout without sets gets one row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for workout in workouts:
        head = [_cell(value) for value in _workout_fields(workout).values()]
        if not workout.sets:
            writer.writerow(head + [""] * len(SET_COLUMNS))
        for s in workout.sets:
            writer.writerow(
                head
                + [
                    s.exercise,
                    s.variant,
                    s.block,
                    s.round,
                    s.pass_no,
                    s.set_no,
                    s.side,
                    s.target_reps,
                    s.target_seconds,
                    s.reps,
                    s.seconds,
                    s.load,
                    int(s.skipped),
                    s.started_at,
                ]
            )
    return buffer.getvalue()
