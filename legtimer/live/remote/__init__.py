"""A phone as a remote and second screen for the running workout (``--remote``).

Only this module's names are imported at start-up; the server (and aiohttp with it) is imported
by the app after its first frame, and only when the remote is asked for.
"""

from __future__ import annotations

from typing import NamedTuple

ALL_INTERFACES = "0.0.0.0"


class RemoteWish(NamedTuple):
    """What the command line asked of the remote (the routine's ``remote = true`` also asks)."""

    wanted: bool = False
    """--remote was given."""
    bind: str = ALL_INTERFACES
    """--remote-bind: where the server listens."""
    port: int = 0
    """0: any free port."""
