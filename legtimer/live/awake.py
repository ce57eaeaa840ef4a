"""Keep-awake follows the workout: held while it runs, let go at the end or in a long pause.

wakepy may wait seconds for a desktop that does not answer, so acquiring and releasing run on
one worker thread, never on the screen's.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from legtimer.core.events import Event
from legtimer.live.driver import LONG_PAUSE, Ending, WorkoutDriver
from legtimer.live.keepawake import KeepAwake


class AwakeKeeper:
    """A driver listener holding a :class:`KeepAwake` while the workout is under way."""

    def __init__(self, keeper: KeepAwake) -> None:
        self.keeper = keeper
        self._want = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-awake")

    @property
    def problem(self) -> str | None:
        """Why the screen may sleep, once an attempt has failed (for a quiet notice)."""
        return self.keeper.problem

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """Hold it while running or briefly paused; let go after a long pause."""
        session = driver.session
        self._set(session.live and session.paused_for < LONG_PAUSE)

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """The summary is up, or the app is going: the screen may sleep again."""
        self._set(False)
        self._worker.shutdown(wait=True)

    def wait(self) -> None:
        """Let queued acquires and releases finish (tests, and before exit)."""
        self._worker.submit(lambda: None).result(timeout=10)

    def _set(self, want: bool) -> None:
        if want == self._want:
            return
        self._want = want
        self._worker.submit(self.keeper.acquire if want else self.keeper.release)
