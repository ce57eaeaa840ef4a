"""A running workout's place, kept on disk so a closed terminal or a flat battery loses nothing.

The file is a short journal of JSON lines, each one fsynced before the next is written:

- the first line is the whole place: routine, step, times, and how each step was left, one
  letter a step (:data:`LETTERS`);
- each later line holds only what changed since the line before (the step, the times, and the
  outcome letters from the first one that changed), so a transition appends about 200 bytes
  however long the workout has run. Rewriting the whole place at every step, as legtimer did
  before, cost CPU in proportion to the steps already done (issue 13).

Why this is as safe as replacing the whole file: lines are only ever appended, each after the
one before it is on disk, so a crash at any moment (kill -9, a power cut) leaves a complete first
line, complete lines after it, and at most one torn last line, which reading ignores. Every
prefix of the journal is an earlier whole place. After :data:`COMPACT_AFTER` lines (and whenever a
write failed, or the file was removed or replaced by someone else) the journal is compacted: the
whole place goes to a temporary file, fsynced and renamed over it (``os.replace``), so the file
is always the old journal or the new one, never a mix. Each store begins with such a rewrite,
so two legtimer processes never append to one file: the last to rewrite it is the one kept.

A file from before the journal (one JSON object, outcomes as ``[index, outcome]`` pairs, no
newline) reads as a journal of one line.

Writes run on a background thread, newest first, so a transition or a beep never waits for the
disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from legtimer.core.events import Outcome
from legtimer.storage.files import fsync_dir, write_all

MAX_AGE = 12 * 3600.0
"""An older checkpoint is yesterday's workout, not one to resume."""

COMPACT_AFTER = 500
"""Lines in the journal before it is rewritten as one (about 100 KB, read in a few ms)."""

STALE_TEMP = 60.0
"""A temporary file of a rewrite this old was left by a process killed mid-write."""

LETTERS = {Outcome.COMPLETED: "c", Outcome.SKIPPED: "s", Outcome.CAPPED: "x"}
"""How each step was left, one letter a step in :attr:`Checkpoint.outcomes`."""
NOT_LEFT = "."
"""The letter of a step not left yet."""
_OUTCOMES = {letter: outcome for outcome, letter in LETTERS.items()}


class Checkpoint(NamedTuple):
    """Where a workout stood, and what it had done."""

    routine_path: str
    routine_hash: str
    routine_name: str
    step_index: int
    """The plan step under way (its start is where a resume begins)."""
    into_step: float
    paused: bool
    outcomes: str
    """How each plan step was last left, a letter each from step 0 (:data:`LETTERS`; ``.``
    for a step not left yet); as long as the furthest step left, or longer."""
    worked: float
    rested: float
    elapsed: float
    started_at: float
    """Wall-clock time the workout began (its first part, for a resumed one)."""
    saved_at: float
    exercise: str
    """The exercise under way or next, with its set, round and side: where to pick up if the
    routine file changed meanwhile."""
    set_no: int
    sets: int
    round_no: int
    side: str | None
    workout_id: int | None
    """The training log's record of this workout, continued by a resume."""


class CheckpointUnreadable(Exception):
    """The checkpoint could not be read; it has been set aside, and this says where."""


def outcome_letters(outcomes: Mapping[int, Outcome]) -> str:
    """A tally's outcomes as :attr:`Checkpoint.outcomes` letters."""
    if not outcomes:
        return ""
    letters = [NOT_LEFT] * (max(outcomes) + 1)
    for index, outcome in outcomes.items():
        if index >= 0:
            letters[index] = LETTERS[outcome]
    return "".join(letters)


def letter_outcomes(letters: str) -> dict[int, Outcome]:
    """:attr:`Checkpoint.outcomes` letters back as a tally's outcomes (unknown letters: none)."""
    return {i: _OUTCOMES[letter] for i, letter in enumerate(letters) if letter in _OUTCOMES}


def routine_hash(path: str | os.PathLike[str]) -> str:
    """A short fingerprint of a routine file's bytes ("" if it cannot be read)."""
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()[:16]
    except OSError:
        return ""


def read_checkpoint(path: Path) -> Checkpoint | None:
    """The place kept at ``path`` (None when there is no file), whatever its age.

    Raises:
        OSError: the file cannot be read.
        ValueError, KeyError, TypeError: its first line is not a whole place.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return parse_journal(raw)


def parse_journal(raw: bytes) -> Checkpoint:
    """The place a journal's bytes hold: its first line, then each complete line after it.

    Reading stops at a line that is torn (no newline after it) or does not parse: what a crash
    can leave at the end. Everything before it is an earlier, whole place.

    Raises:
        ValueError, KeyError, TypeError: the first line is not a whole place.
    """
    lines = raw.split(b"\n")
    # The last item is what follows the last newline: "" for a journal, the only line of a file
    # from before the journal, or a torn line.
    data: dict[str, Any] = json.loads(lines[0])
    if not isinstance(data, dict):
        raise TypeError("not a place")
    outcomes = data["outcomes"]
    if not isinstance(outcomes, str):  # before the journal: [index, outcome] pairs
        data["outcomes"] = outcome_letters({int(i): Outcome(o) for i, o in outcomes})
    checkpoint = _checkpoint(data)
    for line in lines[1:-1]:
        try:
            checkpoint = _changed(checkpoint, json.loads(line))
        except (ValueError, KeyError, TypeError):
            break
    return checkpoint


def _changed(checkpoint: Checkpoint, change: Any) -> Checkpoint:
    """``checkpoint`` with one journal line's change applied.

    Raises:
        ValueError, KeyError, TypeError: the line is not a change.
    """
    if not isinstance(change, dict):
        raise TypeError("not a change")
    data = checkpoint._asdict()
    data.update((name, value) for name, value in change.items() if name in Checkpoint._fields)
    if "outcomes" in change:
        start, letters = change["from"], change["outcomes"]
        if not isinstance(start, int) or start < 0 or not isinstance(letters, str):
            raise TypeError("bad outcomes")
        data["outcomes"] = checkpoint.outcomes[:start].ljust(start, NOT_LEFT) + letters
    return _checkpoint(data)


def _checkpoint(data: dict[str, Any]) -> Checkpoint:
    checkpoint = Checkpoint(**{name: data[name] for name in Checkpoint._fields})
    if (
        not isinstance(checkpoint.step_index, int)
        or not isinstance(checkpoint.saved_at, float)
        or not isinstance(checkpoint.outcomes, str)
    ):
        raise TypeError("bad field types")
    return checkpoint


def _first_difference(old: str, new: str) -> int:
    """Where ``new`` first differs from ``old`` (their common length if nowhere before).

    Halves are compared in C (slice equality), so a long workout's letters cost microseconds.
    """
    low, high = 0, min(len(old), len(new))
    while high - low > 32:  # old[:low] == new[:low] throughout
        middle = (low + high) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle
    while low < high and old[low] == new[low]:
        low += 1
    return low


class CheckpointStore:
    """Reads, writes (in the background) and clears the one checkpoint file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Condition()
        self._waiting: Checkpoint | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        self._io = threading.Lock()
        """Held by whichever thread is writing the file (the writer, or :meth:`save`)."""
        self._fd: int | None = None
        """The journal, open for appending; None: the next write rewrites it whole."""
        self._written: Checkpoint | None = None
        """The place the journal holds."""
        self._lines = 0
        self._swept = False
        self.error: str | None = None
        """The last write's failure, in one line (the workout carries on regardless)."""

    # ---- reading ---------------------------------------------------------------------------

    def load(self, now: float | None = None, max_age: float = MAX_AGE) -> Checkpoint | None:
        """The checkpoint if there is a recent one.

        Raises:
            CheckpointUnreadable: when the file is damaged; it is renamed NAME.bad first.
        """
        try:
            checkpoint = read_checkpoint(self.path)
        except OSError as exc:
            raise CheckpointUnreadable(f"cannot read {self.path}: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError) as exc:
            aside = self.path.with_name(self.path.name + ".bad")
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)
            raise CheckpointUnreadable(
                f"the saved place of your last workout was damaged ({exc.__class__.__name__}); "
                f"set aside as {aside}"
            ) from None
        if checkpoint is None:
            return None
        now = time.time() if now is None else now
        if now - checkpoint.saved_at > max_age:
            return None
        return checkpoint

    # ---- writing ---------------------------------------------------------------------------

    def save(self, checkpoint: Checkpoint) -> None:
        """Write now, on this thread (the last write before exit): nothing older lands after."""
        with self._lock:
            self._waiting = None
        self.flush()
        self._write(checkpoint)

    def submit(self, checkpoint: Checkpoint) -> None:
        """Write soon, on the writer thread; a newer checkpoint replaces one not yet written."""
        with self._lock:
            self._waiting = checkpoint
            self._ensure_thread()
            self._lock.notify()

    def clear(self) -> None:
        """Forget the place (the workout finished): waits for a write under way first.

        A file another legtimer has put in its place since this one's last write is theirs to
        resume, and stays.
        """
        with self._lock:
            self._waiting = None
        self.flush()
        with self._io:
            theirs = self._fd is not None and not self._in_place()
            self._close()
            if not theirs:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()

    def flush(self, timeout: float = 2.0) -> None:
        """Wait until what was submitted is on disk."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while (self._waiting is not None or self._busy) and time.monotonic() < deadline:
                self._lock.wait(0.05)

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="checkpoint", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                while self._waiting is None:
                    if not self._lock.wait(30.0):
                        self._thread = None
                        return
                checkpoint, self._waiting = self._waiting, None
                self._busy = True
            try:
                self._write(checkpoint)
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _write(self, checkpoint: Checkpoint) -> None:
        with self._io:
            try:
                if self._written is None or self._lines >= COMPACT_AFTER or not self._in_place():
                    self._rewrite(checkpoint)
                else:
                    self._append(self._written, checkpoint)
                self.error = None
            except OSError as exc:
                self._close()  # whatever a failed append left, the next write replaces
                self.error = f"could not keep the workout's place: {exc.strerror or exc}"
            except BaseException:
                # Interrupted mid-line (Ctrl+C in save): appending after that torn line would
                # make it a middle line, where reading stops and every later place is lost.
                self._close()
                raise

    def _in_place(self) -> bool:
        """The journal is still the file at :attr:`path` (not removed or replaced since)."""
        if self._fd is None:
            return False
        try:
            return os.path.samestat(os.fstat(self._fd), os.stat(self.path))
        except OSError:
            return False

    def _append(self, old: Checkpoint, new: Checkpoint) -> None:
        """One line with what changed since ``old``, fsynced."""
        assert self._fd is not None
        change: dict[str, Any] = {
            name: value
            for name, was, value in zip(Checkpoint._fields, old, new, strict=True)
            if was != value and name != "outcomes"
        }
        start = _first_difference(old.outcomes, new.outcomes)
        if start < max(len(old.outcomes), len(new.outcomes)):
            change["from"] = start
            change["outcomes"] = new.outcomes[start:]
        write_all(self._fd, (json.dumps(change, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(self._fd)
        self._written = new
        self._lines += 1

    def _rewrite(self, checkpoint: Checkpoint) -> None:
        """The whole place as a new one-line journal: temp file, fsync, rename, reopen."""
        self._close()
        line = (json.dumps(checkpoint._asdict(), ensure_ascii=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._swept:
            self._swept = True
            self._sweep()
        fd, temp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(line)
                out.flush()
                os.fsync(out.fileno())
                ours = os.fstat(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        fsync_dir(self.path.parent)
        self._written = checkpoint
        self._lines = 1
        # Reopened rather than kept open (an open file cannot be renamed on Windows), and only
        # appended to if it is still ours: another legtimer may have replaced it just now.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        if os.path.samestat(ours, os.fstat(fd)):
            self._fd = fd
        else:
            os.close(fd)  # the next write rewrites it again

    def _sweep(self) -> None:
        """Remove what rewrites killed mid-way left (once per store: it lists the folder)."""
        old = time.time() - STALE_TEMP
        for temp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < old:
                    temp.unlink()

    def _close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self._fd = None
        self._written = None
