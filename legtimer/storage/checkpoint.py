"""A running workout's place, kept on disk so a closed terminal or a flat battery loses nothing.

One JSON file in the state folder, replaced atomically (temp file, fsync, rename). Writes run
on a background thread, newest first, so a transition or a beep never waits for the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, NamedTuple

from legtimer.storage.files import atomic_write

MAX_AGE = 12 * 3600.0
"""An older checkpoint is yesterday's workout, not one to resume."""


class Checkpoint(NamedTuple):
    """Where a workout stood, and what it had done."""

    routine_path: str
    routine_hash: str
    routine_name: str
    step_index: int
    """The plan step under way (its start is where a resume begins)."""
    into_step: float
    paused: bool
    outcomes: tuple[tuple[int, str], ...]
    """(plan index, "completed" | "skipped") for every step left so far."""
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


def routine_hash(path: str | os.PathLike[str]) -> str:
    """A short fingerprint of a routine file's bytes ("" if it cannot be read)."""
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()[:16]
    except OSError:
        return ""


class CheckpointStore:
    """Reads, writes (in the background) and clears the one checkpoint file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Condition()
        self._waiting: Checkpoint | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        self.error: str | None = None
        """The last write's failure, in one line (the workout carries on regardless)."""

    # ---- reading ---------------------------------------------------------------------------

    def load(self, now: float | None = None, max_age: float = MAX_AGE) -> Checkpoint | None:
        """The checkpoint if there is a recent one.

        Raises:
            CheckpointUnreadable: when the file is damaged; it is renamed NAME.bad first.
        """
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CheckpointUnreadable(f"cannot read {self.path}: {exc.strerror or exc}") from None
        try:
            data: dict[str, Any] = json.loads(text)
            checkpoint = Checkpoint(
                **{name: data[name] for name in Checkpoint._fields if name != "outcomes"},
                outcomes=tuple((int(i), str(o)) for i, o in data["outcomes"]),
            )
            if not isinstance(checkpoint.step_index, int) or not isinstance(
                checkpoint.saved_at, float
            ):
                raise TypeError("bad field types")
        except (ValueError, KeyError, TypeError) as exc:
            aside = self.path.with_name(self.path.name + ".bad")
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)
            raise CheckpointUnreadable(
                f"the saved place of your last workout was damaged ({exc.__class__.__name__}); "
                f"set aside as {aside}"
            ) from None
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
        """Forget the place (the workout finished): waits for a write under way first."""
        with self._lock:
            self._waiting = None
        self.flush()
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
        data = checkpoint._asdict()
        data["outcomes"] = [list(pair) for pair in checkpoint.outcomes]
        try:
            atomic_write(self.path, json.dumps(data), backup=False)
            self.error = None
        except OSError as exc:
            self.error = f"could not keep the workout's place: {exc.strerror or exc}"
