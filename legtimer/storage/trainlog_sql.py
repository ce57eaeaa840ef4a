"""The training log's SQL: the schema, its migrations, and the row writes shared with merging.

Kept apart from :mod:`legtimer.storage.trainlog` so that the schema reads as one piece and the
side-file merge (:mod:`legtimer.storage.pending`) writes rows exactly as the log does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legtimer.storage.trainlog_records import Score, SetRecord

_V1 = (
    """CREATE TABLE workouts (
        id INTEGER PRIMARY KEY,
        routine_name TEXT NOT NULL,
        routine_file TEXT,
        started_at REAL NOT NULL,
        ended_at REAL,
        finished INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
        total_seconds REAL,
        worked_seconds REAL,
        rested_seconds REAL)""",
    "CREATE INDEX workouts_by_start ON workouts (started_at DESC, id DESC)",
    """CREATE TABLE sets (
        id INTEGER PRIMARY KEY,
        workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        variant TEXT,
        block TEXT,
        round INTEGER NOT NULL,
        set_no INTEGER NOT NULL,
        side TEXT CHECK (side IN ('left', 'right')),
        target_reps INTEGER,
        target_seconds REAL,
        reps INTEGER,
        seconds REAL,
        load TEXT,
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        started_at REAL NOT NULL)""",
    "CREATE INDEX sets_by_workout ON sets (workout_id, id)",
    "CREATE INDEX sets_by_done_exercise ON sets (coalesce(variant, exercise), skipped, workout_id)",
    """CREATE TABLE scores (
        workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
        block TEXT NOT NULL,
        round INTEGER NOT NULL,
        rounds_done INTEGER NOT NULL,
        extra_exercises INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (workout_id, block, round))""",
    "CREATE TABLE loads (exercise TEXT PRIMARY KEY, load TEXT NOT NULL, updated_at REAL NOT NULL)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

_V2 = (
    """CREATE TABLE harder_answers (
        id INTEGER PRIMARY KEY,
        slot TEXT NOT NULL,
        variant TEXT NOT NULL,
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        answered_at REAL NOT NULL)""",
    "CREATE INDEX harder_answers_by_slot ON harder_answers (slot, answered_at, id)",
)
"""The answers to "try the harder variant?": the latest per slot says where the person stands
(yes: that variant is their exercise in the slot since then; no: ask again later)."""

_V3 = (
    "ALTER TABLE harder_answers ADD COLUMN moved_down INTEGER NOT NULL DEFAULT 0 "
    "CHECK (moved_down IN (0, 1))",
)
"""A row that ends a move up: the person went back from ``variant`` to the slot's own exercise
for good (``accepted`` is 0); the usual rule may offer the variant again later."""

OLD_AMRAP_PASSES = """UPDATE sets SET pass_no = round, round = 1
    WHERE block IS NOT NULL AND pass_no IS NULL
    AND EXISTS (SELECT 1 FROM scores s
        WHERE s.workout_id = sets.workout_id AND s.block = sets.block)
    AND NOT EXISTS (SELECT 1 FROM scores s
        WHERE s.workout_id = sets.workout_id AND s.block = sets.block AND s.round > 1)"""
"""Before v4 an AMRAP set's round was its pass. Where the block was one AMRAP (its only score
is round 1) that is certain: move it to pass_no and make the round the AMRAP's. A block of
several AMRAPs cannot be told apart afterwards, so its rows stay as they were."""

_V4 = ("ALTER TABLE sets ADD COLUMN pass_no INTEGER", OLD_AMRAP_PASSES)
"""An AMRAP set's pass within its AMRAP (null elsewhere); ``round`` is then which AMRAP of its
block it was, so the two AMRAPs of a ``rounds = 2`` block differ in the log."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4)
"""Schema steps; ``MIGRATIONS[n]`` takes ``user_version`` n to n + 1. Only ever append."""

SCHEMA_VERSION = len(MIGRATIONS)

SET_FIELDS = (
    "exercise, round, set_no, started_at, variant, block, side, target_reps, target_seconds, "
    "reps, seconds, load, skipped, pass_no"
)
SET_COLUMNS = SET_FIELDS + ", id"
WORKOUT_FIELDS = (
    "routine_name, routine_file, started_at, ended_at, finished, total_seconds, "
    "worked_seconds, rested_seconds"
)
WORKOUT_COLUMNS = "id, " + WORKOUT_FIELDS


def insert_set(db: sqlite3.Connection, workout_id: int, record: SetRecord) -> int:
    """Add one set row (``record.id`` is ignored); returns the new id."""
    cursor = db.execute(
        f"INSERT INTO sets (workout_id, {SET_FIELDS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (workout_id, *record[:-3], int(record.skipped), record.pass_no),
    )
    return int(cursor.lastrowid or 0)


def end_workout(
    db: sqlite3.Connection,
    workout_id: int,
    ended_at: float,
    finished: bool,
    total_seconds: float,
    worked_seconds: float,
    rested_seconds: float,
) -> None:
    """Fill in a workout's end; ValueError when there is no such workout."""
    cursor = db.execute(
        "UPDATE workouts SET ended_at = ?, finished = ?, total_seconds = ?, worked_seconds = ?, "
        "rested_seconds = ? WHERE id = ?",
        (ended_at, int(finished), total_seconds, worked_seconds, rested_seconds, workout_id),
    )
    if cursor.rowcount != 1:
        raise ValueError(f"no workout {workout_id} in the training log")


def insert_scores(db: sqlite3.Connection, workout_id: int, scores: Iterable[Score]) -> None:
    """Add AMRAP scores; a score given twice for the same block and round keeps the last."""
    db.executemany(
        "INSERT OR REPLACE INTO scores (workout_id, block, round, rounds_done, extra_exercises) "
        "VALUES (?, ?, ?, ?, ?)",
        [(workout_id, *score) for score in scores],
    )


def insert_answer(
    db: sqlite3.Connection,
    slot: str,
    variant: str,
    accepted: bool,
    when: float,
    moved_down: bool = False,
) -> None:
    """Keep one answer to the harder-variant offer, or a move back down (every one stays: the
    history)."""
    db.execute(
        "INSERT INTO harder_answers (slot, variant, accepted, answered_at, moved_down) "
        "VALUES (?, ?, ?, ?, ?)",
        (slot, variant, int(accepted), when, int(moved_down)),
    )


def upsert_load(db: sqlite3.Connection, exercise: str, load: str, when: float) -> None:
    """The newer of two loads wins (a merged side file may be older than what is stored)."""
    db.execute(
        "INSERT INTO loads (exercise, load, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (exercise) DO UPDATE SET load = excluded.load, "
        "updated_at = excluded.updated_at WHERE excluded.updated_at >= loads.updated_at",
        (exercise, load, when),
    )
