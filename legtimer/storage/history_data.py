"""What the history screen reads from the training log, in two grouped queries.

The screen must open fast on years of workouts, so it never loads every set: one query lists
workouts with their set counts, one sums reps per workout and exercise, and a workout's sets
are read only when it is selected.
"""

from __future__ import annotations

from typing import NamedTuple

from legtimer.storage import trainlog_sql as sql
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord, set_from_row


class WorkoutRow(NamedTuple):
    """One workout for the list."""

    id: int
    routine_name: str
    started_at: float
    total_seconds: float
    finished: bool
    sets_done: int
    sets_skipped: int


class ExerciseSession(NamedTuple):
    """An exercise's reps in one workout (done sets only), with its last set's load."""

    workout_id: int
    started_at: float
    exercise: str
    reps: int
    load: str | None


class History(NamedTuple):
    """Everything the history screen shows before a workout is selected."""

    workouts: list[WorkoutRow]
    """Newest first."""
    sessions: list[ExerciseSession]


_WORKOUTS = """
SELECT w.id, w.routine_name, w.started_at, coalesce(w.total_seconds, 0), w.finished,
       coalesce(s.done, 0), coalesce(s.skipped, 0)
FROM workouts AS w
LEFT JOIN (SELECT workout_id, sum(skipped = 0) AS done, sum(skipped) AS skipped
           FROM sets GROUP BY workout_id) AS s ON s.workout_id = w.id
ORDER BY w.started_at DESC, w.id DESC
"""

_SESSIONS = """
SELECT s.workout_id, w.started_at, coalesce(s.variant, s.exercise), sum(s.reps),
       (SELECT l.load FROM sets AS l WHERE l.workout_id = s.workout_id
          AND coalesce(l.variant, l.exercise) = coalesce(s.variant, s.exercise)
          AND l.skipped = 0 ORDER BY l.id DESC LIMIT 1)
FROM sets AS s JOIN workouts AS w ON w.id = s.workout_id
WHERE s.skipped = 0 AND s.reps IS NOT NULL
GROUP BY s.workout_id, coalesce(s.variant, s.exercise)
"""


def read_history(log: TrainingLog) -> History:
    """Workouts (newest first) and per-exercise reps, from one consistent snapshot.

    Raises:
        legtimer.storage.trainlog.LogUnavailable: the log cannot be read.
    """
    with log._read() as db:
        workouts = [
            WorkoutRow(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6])
            for row in db.execute(_WORKOUTS)
        ]
        sessions = [ExerciseSession._make(row) for row in db.execute(_SESSIONS)]
    return History(workouts, sessions)


def sets_of(log: TrainingLog, workout_id: int) -> list[SetRecord]:
    """One workout's sets, in the order done."""
    with log._read() as db:
        rows = db.execute(
            f"SELECT {sql.SET_COLUMNS} FROM sets WHERE workout_id = ? ORDER BY id", (workout_id,)
        ).fetchall()
    return [set_from_row(row) for row in rows]
