"""Recording one workout even when the training log cannot be used, and merging it in later.

:class:`WorkoutRecorder` writes to the database while it can. When opening it or any write
fails (locked, damaged, unwritable), the rest of the workout goes to a side file of JSON lines
in ``legtimer.pending/`` next to the database, and :attr:`WorkoutRecorder.problem` says so in
one line. Nothing here raises: a workout is never stopped for its log.

Why one file per workout in a folder, rather than one shared file: two legtimer processes
never write to the same file, so their lines cannot interleave, and a merge can take a whole
file as its unit. Each file:

- is created as ``NAME.jsonl.part``, locked (``flock``) and renamed to ``NAME.jsonl`` once
  its first line is on disk, so a merger never sees a file without its owner's lock;
- holds its lock while the workout runs, so :func:`merge_pending` skips workouts under way;
- is appended to and fsynced line by line, never rewritten; a crash can leave at most one
  partial last line, which the merge ignores (that set is lost, nothing else).

A merge puts a whole file into the database in one transaction together with a meta mark
``pending:NAME``; the file is removed only after that commit. A crash between the two leaves
the mark, and the next merge sees it and just removes the file: each workout goes in once.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from legtimer.storage import trainlog_sql as sql
from legtimer.storage.files import fsync_dir, write_all
from legtimer.storage.trainlog import DEFAULT_TIMEOUT, LogUnavailable, TrainingLog
from legtimer.storage.trainlog_records import Score, SetRecord

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, see _busy
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")

STALE_SECONDS = 12 * 3600.0
"""Without file locks, a side file this old with no end record is taken as abandoned."""


def pending_dir(db_path: Path) -> Path:
    """The side-file folder for the database at ``db_path`` (``legtimer.pending``)."""
    return db_path.with_name(db_path.stem + ".pending")


class _SideFile:
    """One workout's JSON lines, appended and fsynced one at a time, locked while open."""

    def __init__(self, folder: Path, started_at: float) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started_at))
        name = f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:12]}.jsonl"
        self.path = folder / name
        self._part: Path | None = folder / (name + ".part")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0)
        self._fd = os.open(self._part, flags, 0o600)
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        self._torn = False

    def append(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        if self._torn:  # end whatever a failed write left, so this line starts clean
            line = b"\n" + line
        self._torn = True
        write_all(self._fd, line)
        os.fsync(self._fd)
        self._torn = False
        if self._part is not None:
            os.replace(self._part, self.path)
            self._part = None
            fsync_dir(self.path.parent)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)


class WorkoutRecorder:
    """Records one workout: to the training log, or to a side file when that fails.

    Use one per workout: :meth:`begin`, then :meth:`record_set` as each set ends,
    :meth:`end`, :meth:`close`. Reads (progression, loads) go to :class:`TrainingLog` directly.

    Args:
        db_path: the training log's file.
        timeout: seconds to wait for another process's lock before falling back.
        log: an already open log to use (not closed by the recorder) instead of opening one.
    """

    def __init__(
        self, db_path: Path, timeout: float = DEFAULT_TIMEOUT, log: TrainingLog | None = None
    ) -> None:
        self.problem: str | None = None
        """One line for the screen when the log could not be used, else None."""
        self._folder = pending_dir(db_path)
        self._owns_log = log is None
        self._log = log
        self._side: _SideFile | None = None
        self._lost = False
        self._begin: dict[str, Any] | None = None
        self._set_ids: dict[int, int] = {}
        self._next_handle = 0
        self._early: list[dict[str, Any]] = []
        if log is None:
            try:
                self._log = TrainingLog.open(db_path, timeout)
            except LogUnavailable as error:
                self._fail(error)

    @property
    def side_file(self) -> Path | None:
        """The side file this workout went to, if it needed one."""
        return None if self._side is None else self._side.path

    def begin(self, routine_name: str, routine_file: str | None, started_at: float) -> None:
        """Start the workout (before its first set)."""
        self._begin = {
            "kind": "begin",
            "routine_name": routine_name,
            "routine_file": routine_file,
            "started_at": started_at,
            "workout_id": None,
        }
        workout_id = self._do(lambda log: log.begin_workout(routine_name, routine_file, started_at))
        if workout_id is None:
            self._keep(None)
        else:
            self._begin["workout_id"] = workout_id

    def carry_on(
        self, workout_id: int, routine_name: str, routine_file: str | None, started_at: float
    ) -> None:
        """Continue a workout begun before an interruption: its sets join the same record."""
        self._begin = {
            "kind": "begin",
            "routine_name": routine_name,
            "routine_file": routine_file,
            "started_at": started_at,
            "workout_id": workout_id,
        }

    @property
    def workout_id(self) -> int | None:
        """The workout's id in the training log, once begun there."""
        return None if self._begin is None else self._begin["workout_id"]

    def record_set(self, record: SetRecord) -> int:
        """Record a set that just ended.

        Returns:
            A handle for :meth:`correct_reps` (the recorder's own numbering, not a database id).
        """
        handle = self._next_handle
        self._next_handle += 1
        if self._begin is None:
            return handle
        workout_id = self._begin["workout_id"]
        fields = record._asdict()
        del fields["id"]
        set_id = self._do(
            lambda log: log.record_set(workout_id, record),
            {"kind": "set", "handle": handle, "set": fields},
        )
        if set_id is not None:
            self._set_ids[handle] = set_id
        return handle

    def correct_reps(self, handle: int, reps: int) -> None:
        """Change the reps of a set recorded in this workout (unknown handles are ignored)."""
        if handle in self._set_ids:
            set_id = self._set_ids[handle]
            entry = {"kind": "correct", "set_id": set_id, "reps": reps}
            self._do(lambda log: log.correct_reps(set_id, reps), entry)
        elif 0 <= handle < self._next_handle and self._log is None:
            self._keep({"kind": "correct", "handle": handle, "reps": reps})

    def remember_load(self, exercise: str, load: str) -> None:
        """Remember the load used for ``exercise``."""
        when = time.time()
        entry = {"kind": "load", "exercise": exercise, "load": load, "at": when}
        self._do(lambda log: log.remember_load(exercise, load, when), entry)

    def answer_harder(self, slot: str, variant: str, accepted: bool) -> None:
        """Keep a yes or no to the harder variant offered for ``slot``.

        When the log cannot be written, it waits for the workout's side file, which opens when
        the workout begins (its first set, or 30 s): a false start keeps nothing.
        """
        self._harder(slot, variant, accepted, moved_down=False)

    def move_down(self, slot: str, variant: str) -> None:
        """Keep that the person went back from ``variant`` to ``slot``'s own exercise for good
        (kept like an answer, when the log cannot be written too)."""
        self._harder(slot, variant, False, moved_down=True)

    def _harder(self, slot: str, variant: str, accepted: bool, moved_down: bool) -> None:
        when = time.time()
        entry = {
            "kind": "harder",
            "slot": slot,
            "variant": variant,
            "accepted": accepted,
            "moved_down": moved_down,
            "at": when,
        }
        self._do(lambda log: log.answer_harder(slot, variant, accepted, when, moved_down), entry)

    def end(
        self,
        ended_at: float,
        finished: bool,
        total_seconds: float,
        worked_seconds: float,
        rested_seconds: float,
        scores: Iterable[Score] = (),
    ) -> None:
        """End the workout with its times and AMRAP scores; the side file is released."""
        if self._begin is None:
            return
        scores = tuple(scores)
        workout_id = self._begin["workout_id"]
        entry = {
            "kind": "end",
            "ended_at": ended_at,
            "finished": finished,
            "total_seconds": total_seconds,
            "worked_seconds": worked_seconds,
            "rested_seconds": rested_seconds,
            "scores": [list(score) for score in scores],
        }
        self._do(
            lambda log: log.end_workout(
                workout_id,
                ended_at,
                finished,
                total_seconds,
                worked_seconds,
                rested_seconds,
                scores,
            ),
            entry,
        )
        if self._side is not None:
            self._side.close()

    def close(self) -> None:
        """Release the side file and the database (if the recorder opened it)."""
        if self._side is not None:
            self._side.close()
        if self._log is not None and self._owns_log:
            self._log.close()
        self._log = None

    def _do(
        self, action: Callable[[TrainingLog], T], entry: dict[str, Any] | None = None
    ) -> T | None:
        """Run ``action`` on the log; on failure (or with no log) keep ``entry`` aside."""
        if self._log is not None:
            try:
                return action(self._log)
            except LogUnavailable as error:
                self._fail(error)
            except ValueError:
                return None  # a handle or id the log does not know: nothing to keep
        if entry is not None:
            self._keep(entry)
        return None

    def _fail(self, error: LogUnavailable) -> None:
        """Stop using the log for the rest of this workout, and say why."""
        self.problem = f"{error}; this workout is kept in {self._folder} for next time"
        if self._log is not None and self._owns_log:
            self._log.close()
        self._log = None

    def _keep(self, entry: dict[str, Any] | None) -> None:
        """Append to the side file, opening it with the begin line first; never raises."""
        if self._lost:
            return
        if self._begin is None:
            if entry is not None:
                self._early.append(entry)  # a load or an answer before the workout began
            return
        try:
            if self._side is None:
                self._side = _SideFile(self._folder, self._begin["started_at"])
                self._side.append(self._begin)
                for early in self._early:
                    self._side.append(early)
                self._early.clear()
            if entry is not None:
                self._side.append(entry)
        except OSError as error:
            self._lost = True
            reason = error.strerror or str(error)
            self.problem = f"{self.problem or 'the training log failed'}; not saved ({reason})"


def _busy(fd: int, records: list[dict[str, Any]], path: Path) -> bool:
    """True when the file's workout is still being recorded by some process."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        return False
    ended = any(record.get("kind") == "end" for record in records)
    return not ended and time.time() - path.stat().st_mtime < STALE_SECONDS


def _read_lines(fd: int) -> list[dict[str, Any]]:
    """Complete lines only: a partial last line is a write that a crash cut short."""
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    data = b"".join(chunks)
    records = []
    for line in data[: data.rfind(b"\n") + 1].splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line)
            if isinstance(record, dict):
                records.append(record)
    return records


def merge_pending(log: TrainingLog, folder: Path) -> int:
    """Bring side-file workouts into the log, each exactly once, and remove their files.

    Files still locked by a running workout are left for later. A file without a readable
    begin line is renamed ``*.unreadable`` and kept for a person to look at.

    Args:
        log: the open training log.
        folder: the side-file folder (:func:`pending_dir`).

    Returns:
        How many workouts were added.
    """
    if not folder.is_dir():
        return 0
    merged = 0
    for path in sorted(folder.glob("*.jsonl")):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            continue  # another process merged it just now
        try:
            records = _read_lines(fd)
            if _busy(fd, records, path):
                continue
            with contextlib.suppress(OSError):
                if os.stat(path).st_ino != os.fstat(fd).st_ino:
                    continue
            if not path.exists():
                continue  # merged and removed by another process while we waited
            os.lseek(fd, 0, os.SEEK_SET)
            records = _read_lines(fd)
            begins = [r for r in records if r.get("kind") == "begin"]
            if not begins:
                with contextlib.suppress(OSError):
                    os.replace(path, path.with_name(path.name + ".unreadable"))
                continue
            merged += _merge_file(log, f"pending:{path.name}", begins[0], records)
            with contextlib.suppress(OSError):  # the meta mark stops a second merge anyway
                os.unlink(path)
                fsync_dir(folder)
        finally:
            os.close(fd)
    return merged


def _merge_file(
    log: TrainingLog, key: str, begin: dict[str, Any], records: list[dict[str, Any]]
) -> int:
    """One file in one transaction with its meta mark; 0 when the mark says it is in already."""
    with log._write() as db:
        if db.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone():
            return 0
        workout_id = begin.get("workout_id")
        found = db.execute(
            "SELECT routine_name, started_at FROM workouts WHERE id = ?",
            (workout_id if isinstance(workout_id, int) else -1,),
        ).fetchone()
        if found != (begin["routine_name"], begin["started_at"]):
            cursor = db.execute(
                "INSERT INTO workouts (routine_name, routine_file, started_at) VALUES (?, ?, ?)",
                (begin["routine_name"], begin["routine_file"], begin["started_at"]),
            )
            workout_id = int(cursor.lastrowid or 0)
        assert isinstance(workout_id, int)
        handles: dict[int, int] = {}
        for record in records:
            with contextlib.suppress(KeyError, TypeError, ValueError, sqlite3.IntegrityError):
                _apply(db, workout_id, record, handles)
        if any(r.get("kind") == "set" and "pass_no" not in r.get("set", {}) for r in records):
            # Written before schema v4, merged after it: its AMRAP sets as the migration does.
            db.execute(sql.OLD_AMRAP_PASSES + " AND workout_id = ?", (workout_id,))
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, str(workout_id)))
    return 1


def _apply(
    db: sqlite3.Connection, workout_id: int, record: dict[str, Any], handles: dict[int, int]
) -> None:
    """One side-file line into the open transaction (a bad line raises and is skipped)."""
    kind = record["kind"]
    if kind == "set":
        handles[record["handle"]] = sql.insert_set(db, workout_id, SetRecord(**record["set"]))
    elif kind == "correct" and "handle" in record:
        db.execute(
            "UPDATE sets SET reps = ? WHERE id = ?", (record["reps"], handles[record["handle"]])
        )
    elif kind == "correct":
        db.execute(
            "UPDATE sets SET reps = ? WHERE id = ? AND workout_id = ?",
            (record["reps"], record["set_id"], workout_id),
        )
    elif kind == "end":
        sql.end_workout(
            db,
            workout_id,
            record["ended_at"],
            record["finished"],
            record["total_seconds"],
            record["worked_seconds"],
            record["rested_seconds"],
        )
        sql.insert_scores(db, workout_id, [Score(*score) for score in record["scores"]])
    elif kind == "load":
        sql.upsert_load(db, record["exercise"], record["load"], record["at"])
    elif kind == "harder":
        sql.insert_answer(
            db,
            record["slot"],
            record["variant"],
            bool(record["accepted"]),
            record["at"],
            bool(record.get("moved_down", False)),
        )
