"""The training log: every workout, set and AMRAP score in one SQLite file.

Why SQLite: sets are written the moment they end (a crash loses at most the set under way),
two legtimer windows may record at once, and "what did I do last time" is one indexed query.

How it stays safe:

- WAL journal with ``synchronous=FULL``: a commit is on disk when it returns; readers never
  block the writer. FULL, not NORMAL: a set costs about 0.1 ms of CPU (measured for issue 13,
  ``benchmarks/soak.py``), nearly all of it that fsync; the connection, its PRAGMAs and the
  schema check happen once per workout, and a set is one INSERT in one transaction (about
  15 µs of CPU without the fsync). NORMAL would save the fsync but a power cut or a flat
  battery could then take the last sets with it, silently, while the checkpoint (fsynced at
  every step) already lets the workout resume after them: they would be missing for good.
- One transaction per write (``BEGIN IMMEDIATE``), so a write either happened or did not.
- ``busy_timeout``: a second process waits for the lock instead of failing.
- ``PRAGMA user_version`` migrations: ``trainlog_sql.MIGRATIONS`` is applied step by step,
  each step in its own transaction; to change the schema, append a step (v2, the answers to
  harder-variant offers, is ``[1]``; v3, moving back down, ``[2]``; v4, an AMRAP set's
  pass, ``[3]``).
- Every sqlite3 error becomes :class:`LogUnavailable` with a one-line message for the screen.

Export fields (:meth:`TrainingLog.export_json` / :meth:`TrainingLog.export_csv`, oldest first):

- workout: ``id``, ``routine_name``, ``routine_file`` (path or null), ``started_at`` and
  ``ended_at`` (seconds since the epoch; ``ended_at`` null when it never ended),
  ``finished`` (bool), ``total_seconds``, ``worked_seconds``, ``rested_seconds``.
- ``sets``: ``exercise`` (the routine's slot), ``variant`` (what was done instead, or null),
  ``block``, ``round`` (in an AMRAP block, which AMRAP), ``pass`` (in an AMRAP, which pass
  of its circuit, else null), ``set``, ``side`` ("left"/"right"/null), ``target_reps``,
  ``target_seconds``, ``reps``, ``seconds``, ``load`` (free text such as "12 kg"),
  ``skipped`` (bool), ``started_at``.
- ``scores``: ``block``, ``round``, ``rounds_done``, ``extra_exercises`` (AMRAP results).
- ``harder_offers``: the harder-variant offers answered during the workout: ``exercise`` (the
  slot), ``variant`` (the harder one offered), ``accepted`` (bool), ``answered_at``, and
  ``moved_down`` (bool: not an offer but the person going back from ``variant`` to the slot's
  own exercise for good; ``accepted`` is false then).
- CSV: one row per set with the workout's fields repeated (a workout without sets gets one
  row with empty set columns); see :data:`legtimer.storage.trainlog_export.CSV_COLUMNS`.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from legtimer.core.harder import Answer, MovingUp, promotion_history
from legtimer.storage import trainlog_export
from legtimer.storage import trainlog_sql as sql
from legtimer.storage.trainlog_records import (
    Score,
    SetRecord,
    WorkoutRecord,
    set_from_row,
)

DEFAULT_TIMEOUT = 2.0
"""Seconds a write waits for another process's lock (legtimer's own writes take milliseconds)."""

JSONL_IMPORT_KEY = "jsonl_import"
"""Meta key remembering that the old history.jsonl was imported (and what came of it)."""


class LogUnavailable(Exception):
    """The training log cannot be used right now; ``str()`` is one line for the screen."""


def _explain(error: Exception, path: Path) -> LogUnavailable:
    """Turn a sqlite3/OS error into the one line a person can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return LogUnavailable("the training log is locked by another program")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return LogUnavailable(f"the training log at {path} is damaged (not a database)")
    reason = getattr(error, "strerror", None) or str(error)
    return LogUnavailable(f"the training log at {path} cannot be used ({reason})")


class TrainingLog:
    """A connection to the training log; open it with :meth:`open`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, timeout: float = DEFAULT_TIMEOUT) -> TrainingLog:
        """Open (creating and migrating as needed) the log at ``path``.

        Args:
            path: the database file; its folder is created.
            timeout: seconds to wait for another process's lock before giving up.

        Returns:
            The open log.

        Raises:
            LogUnavailable: locked past ``timeout``, damaged, unwritable or from a newer version.
        """
        connection: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            log = cls(connection, path)
            log._migrate()
            return log
        except (sqlite3.Error, OSError) as error:
            if connection is not None:
                connection.close()
            raise _explain(error, path) from error
        except LogUnavailable:
            if connection is not None:
                connection.close()
            raise

    def close(self) -> None:
        """Close the connection (committed writes are already on disk)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> TrainingLog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _version(self) -> int:
        row = self._db.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self) -> None:
        if self._version() > sql.SCHEMA_VERSION:
            raise LogUnavailable(
                f"the training log at {self.path} was written by a newer legtimer "
                f"(schema {self._version()}, this one knows {sql.SCHEMA_VERSION})"
            )
        while self._version() < sql.SCHEMA_VERSION:
            with self._write() as db:
                version = self._version()  # another process may have migrated meanwhile
                if version < sql.SCHEMA_VERSION:
                    for statement in sql.MIGRATIONS[version]:
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {version + 1}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it commits, or none of it (sqlite errors explained)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reads that take several queries."""
        try:
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error

    def begin_workout(self, routine_name: str, routine_file: str | None, started_at: float) -> int:
        """Start a workout row before its first set, so its sets have a home.

        Returns:
            The workout's id.
        """
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO workouts (routine_name, routine_file, started_at) VALUES (?, ?, ?)",
                (routine_name, routine_file, started_at),
            )
            return int(cursor.lastrowid or 0)

    def record_set(self, workout_id: int, record: SetRecord) -> int:
        """Write one finished (or skipped) set; ``record.id`` is ignored.

        Returns:
            The set's id, for :meth:`correct_reps`.
        """
        with self._write() as db:
            return sql.insert_set(db, workout_id, record)

    def correct_reps(self, set_id: int, reps: int) -> None:
        """Change the reps of a recorded set (the person fixes the count during the rest).

        Raises:
            ValueError: no such set.
        """
        with self._write() as db:
            cursor = db.execute("UPDATE sets SET reps = ? WHERE id = ?", (reps, set_id))
            if cursor.rowcount != 1:
                raise ValueError(f"no set {set_id} in the training log")

    def end_workout(
        self,
        workout_id: int,
        ended_at: float,
        finished: bool,
        total_seconds: float,
        worked_seconds: float,
        rested_seconds: float,
        scores: Iterable[Score] = (),
    ) -> None:
        """Close a workout with its times and AMRAP scores, in one transaction.

        Raises:
            ValueError: no such workout.
        """
        with self._write() as db:
            sql.end_workout(
                db, workout_id, ended_at, finished, total_seconds, worked_seconds, rested_seconds
            )
            sql.insert_scores(db, workout_id, scores)

    def workouts(self, limit: int | None = None) -> list[WorkoutRecord]:
        """Workouts, newest first, each with its sets (in the order done) and scores.

        Args:
            limit: at most this many (the newest); None for all.
        """
        picked = "SELECT id FROM workouts ORDER BY started_at DESC, id DESC LIMIT ?"
        bound = -1 if limit is None else max(limit, 0)
        with self._read() as db:
            rows = db.execute(
                f"SELECT {sql.WORKOUT_COLUMNS} FROM workouts ORDER BY started_at DESC, id DESC "
                "LIMIT ?",
                (bound,),
            ).fetchall()
            sets: dict[int, list[SetRecord]] = {}
            for row in db.execute(
                f"SELECT workout_id, {sql.SET_COLUMNS} FROM sets "
                f"WHERE workout_id IN ({picked}) ORDER BY workout_id, id",
                (bound,),
            ):
                sets.setdefault(row[0], []).append(set_from_row(row[1:]))
            scores: dict[int, list[Score]] = {}
            for row in db.execute(
                "SELECT workout_id, block, round, rounds_done, extra_exercises FROM scores "
                f"WHERE workout_id IN ({picked}) ORDER BY workout_id, block, round",
                (bound,),
            ):
                scores.setdefault(row[0], []).append(Score._make(row[1:]))
        return [
            WorkoutRecord(
                id=row[0],
                routine_name=row[1],
                routine_file=row[2],
                started_at=row[3],
                ended_at=row[4],
                finished=bool(row[5]),
                total_seconds=row[6],
                worked_seconds=row[7],
                rested_seconds=row[8],
                sets=tuple(sets.get(row[0], ())),
                scores=tuple(scores.get(row[0], ())),
            )
            for row in rows
        ]

    def last_session_sets(
        self, exercise: str, exclude_workout: int | None = None
    ) -> list[SetRecord]:
        """The non-skipped sets of ``exercise`` from the latest workout that has any.

        ``exercise`` matches what was done (the variant when one replaced the slot), so a
        harder variant keeps its own progression.

        Args:
            exercise: the exercise or variant name.
            exclude_workout: leave this workout out (the one under way).
        """
        excluded = -1 if exclude_workout is None else exclude_workout
        with self._read() as db:
            latest = db.execute(
                "SELECT s.workout_id FROM sets AS s JOIN workouts AS w ON w.id = s.workout_id "
                "WHERE coalesce(s.variant, s.exercise) = ? AND s.skipped = 0 "
                "AND s.workout_id != ? ORDER BY w.started_at DESC, w.id DESC LIMIT 1",
                (exercise, excluded),
            ).fetchone()
            if latest is None:
                return []
            rows = db.execute(
                f"SELECT {sql.SET_COLUMNS} FROM sets WHERE coalesce(variant, exercise) = ? "
                "AND skipped = 0 AND workout_id = ? ORDER BY id",
                (exercise, latest[0]),
            ).fetchall()
        return [set_from_row(row) for row in rows]

    def remember_load(self, exercise: str, load: str, when: float | None = None) -> None:
        """Remember the load last used for ``exercise`` (offered as the default next time)."""
        with self._write() as db:
            sql.upsert_load(db, exercise, load, time.time() if when is None else when)

    def last_load(self, exercise: str) -> str | None:
        """The load last used for ``exercise``, or None."""
        with self._read() as db:
            row = db.execute("SELECT load FROM loads WHERE exercise = ?", (exercise,)).fetchone()
        return None if row is None else str(row[0])

    def answer_harder(
        self,
        slot: str,
        variant: str,
        accepted: bool,
        when: float | None = None,
        moved_down: bool = False,
    ) -> None:
        """Keep a yes or no to the harder variant offered for ``slot`` (or, ``moved_down``,
        that the person went back from ``variant`` to the slot's own exercise for good)."""
        at = time.time() if when is None else when
        with self._write() as db:
            sql.insert_answer(db, slot, variant, accepted and not moved_down, at, moved_down)

    def harder_answers(self) -> list[Answer]:
        """Every answer about a harder variant (and every move back down), oldest first."""
        with self._read() as db:
            rows = db.execute(
                "SELECT slot, variant, accepted, answered_at, moved_down FROM harder_answers "
                "ORDER BY answered_at, id"
            ).fetchall()
        return [Answer(row[0], row[1], bool(row[2]), row[3], bool(row[4])) for row in rows]

    def moving_up(self) -> MovingUp:
        """Where each slot stands: moved up (the latest answer was yes), or said no and how
        many sessions of the slot were done since (workouts with a set of it that ended after
        the answer: the workout where the answer was given counts when it did the exercise).
        A slot moved back down is neither: the usual rule may offer it again."""
        answers = self.harder_answers()
        held = [p for p in promotion_history(answers) if p.until is None]
        latest = {answer.slot: answer for answer in answers}  # oldest first: the last stays
        declined: dict[str, int] = {}
        with self._read() as db:
            for slot, answer in latest.items():
                if answer.accepted or answer.moved_down:
                    continue
                row = db.execute(
                    "SELECT count(DISTINCT workout_id) FROM sets "
                    "WHERE exercise = ? AND skipped = 0 "
                    "AND started_at + coalesce(seconds, 0) >= ?",
                    (slot, answer.answered_at),
                ).fetchone()
                declined[slot] = int(row[0])
        return MovingUp({p.slot: p for p in held}, declined)

    def meta(self, key: str) -> str | None:
        """A value from the meta table (None when unset)."""
        with self._read() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def import_jsonl(self, path: Path) -> int:
        """Bring in the old ``history.jsonl`` once; the file itself is left as it is.

        All of it goes in one transaction with the meta mark, so an interrupted import leaves
        nothing and is simply done again next time. The old lines have no per-set detail; the
        workouts come in without sets. Unreadable lines are skipped and counted in
        ``meta[jsonl_import]`` (see :meth:`jsonl_import_report`).

        Returns:
            How many workouts were imported (0 when done before or there is no file).
        """
        if not path.is_file():
            return 0
        try:
            entries, bad = trainlog_export.read_history(path)
        except OSError as error:
            raise _explain(error, path) from error
        with self._write() as db:
            if db.execute("SELECT 1 FROM meta WHERE key = ?", (JSONL_IMPORT_KEY,)).fetchone():
                return 0
            db.executemany(
                f"INSERT INTO workouts ({sql.WORKOUT_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
            )
            report = {"path": str(path), "imported": len(entries), "skipped": bad}
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                (JSONL_IMPORT_KEY, json.dumps(report)),
            )
        return len(entries)

    def jsonl_import_report(self) -> tuple[int, int] | None:
        """(imported, skipped lines) of the history.jsonl import, or None if not done yet."""
        value = self.meta(JSONL_IMPORT_KEY)
        if value is None:
            return None
        report = json.loads(value)
        return int(report["imported"]), int(report["skipped"])

    def export_json(self) -> str:
        """Every workout, oldest first, as JSON (fields in the module docstring)."""
        return trainlog_export.to_json(reversed(self.workouts()), self.harder_answers())

    def export_csv(self) -> str:
        """Every set, oldest workout first, as CSV with a header row."""
        return trainlog_export.to_csv(reversed(self.workouts()))
