"""Helper processes (a system player, a speech engine) that must never outlive their moment."""

from __future__ import annotations

import contextlib
import subprocess


def end_process(process: subprocess.Popen[bytes] | None) -> None:
    """Kill ``process`` if it still runs and reap it, briefly; never raises."""
    if process is not None and process.poll() is None:
        process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.2)
