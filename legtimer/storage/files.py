"""Writing a person's files so that nothing is ever lost: temp file, fsync, replace, backup."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: str | bytes, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; the previous version is kept as ``NAME.bak``.

    The new content goes to a temporary file in the same folder and is flushed to disk before
    it takes the file's place, so a crash, a full disk or an error halfway leaves the old file
    byte-for-byte as it was. The backup is a copy, made the same way, before the swap.

    Args:
        path: the file to write.
        data: its new content (text is written as UTF-8 with \\n line ends).
        backup: keep the previous version beside it with a ``.bak`` suffix.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    if backup and path.exists():
        _replace_with(path.with_name(path.name + ".bak"), path.read_bytes())
    _replace_with(path, raw)


def _replace_with(path: Path, raw: bytes) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (``os.write`` may take only part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_dir(folder: Path) -> None:
    """Make a create, rename or unlink in ``folder`` survive a power cut (where the OS allows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
