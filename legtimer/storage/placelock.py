"""One legtimer at a time keeps its place: a lock beside the checkpoint, held from the start of
a legtimer that runs workouts (its picker, resume question and summary included) to its end.

The checkpoint is one file per machine. A second legtimer started while another is open (a
window left behind another) must neither offer to "resume" a workout that is still running
nor overwrite its place. The kernel drops an flock when its holder dies, even by
``kill -9``, so a crashed workout is offered again at once: no stale lock to clear by hand.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, every legtimer keeps its place
    fcntl = None  # type: ignore[assignment]


class PlaceLock:
    """Held from the start of a legtimer that keeps its place until the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def take(self) -> bool:
        """True when this process may keep the place (it holds the lock, or locks cannot be had).

        False only when another live process holds it. A folder that cannot be written is not
        a reason to refuse: the checkpoint itself then says what is wrong.
        """
        if self._fd is not None or fcntl is None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        with contextlib.suppress(OSError):  # the pid only names the holder in a message
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return True

    def __enter__(self) -> PlaceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def holder(self) -> int | None:
        """The process id the holder wrote, when it can be read."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Let another legtimer keep its place (closing the file drops the lock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def holder_name(self) -> str:
        """Who holds the lock, for a message: "another legtimer (process 4242)"."""
        pid = self.holder()
        return f"another legtimer (process {pid})" if pid else "another legtimer"
