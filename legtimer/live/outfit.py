"""What a workout runs with besides its plan: sound, keep-awake, log, checkpoint, event log.

Chosen once (by the CLI, the editor's "try it", or a test) and turned into a driver with its
listeners in one place.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from legtimer.audio.sink import CueSink, SilentSink
from legtimer.core.plan import Plan
from legtimer.live.chooser import Chooser
from legtimer.live.driver import Listener, Resume, Scheduler, WorkoutDriver, loop_scheduler

CueFactory = Callable[[Plan, Callable[[], None], Callable[[], float]], CueSink]
"""Builds the sound side for a plan, given the terminal bell (the last fallback) and the clock."""


def no_sound(_plan: Plan, _bell: Callable[[], None], _clock: Callable[[], float]) -> CueSink:
    """Silence: for tests and for the editor's previews."""
    return SilentSink()


@dataclass
class Outfit:
    """How to run workouts in this process."""

    clock: Callable[[], float] = time.monotonic
    cues: CueFactory = no_sound
    keep_awake: bool = False
    """Hold the desktop's screen-saver off while a workout runs."""
    record: bool = False
    """Write the workout to the training log (the editor's "try it" does not)."""
    keep_place: bool = False
    """Checkpoint the workout so it can be resumed after any interruption."""
    place_problem: str | None = None
    """Why the workout does not keep its place (another legtimer keeps one), as shown on screen."""
    event_log: IO[str] | None = None
    schedule: Scheduler = loop_scheduler

    def driver(
        self,
        plan: Plan,
        bell: Callable[[], None],
        resume: Resume | None = None,
        resumed: ResumedFrom | None = None,
        chooser: Chooser | None = None,
    ) -> WorkoutDriver:
        """A driver for ``plan`` with every listener this outfit asks for."""
        listeners: list[Listener] = []
        notices: list[Callable[[], str | None]] = []
        routine = plan.routine
        if self.keep_awake and routine.preferences.keep_awake:
            from legtimer.live.awake import AwakeKeeper
            from legtimer.live.keepawake import KeepAwake

            keeper = AwakeKeeper(KeepAwake())
            listeners.append(keeper)
            notices.append(lambda: keeper.problem and f"The screen may sleep: {keeper.problem}")
        checkpointer = None
        started_at = resumed.started_at if resumed else time.time()
        workout_id = resumed.workout_id if resumed else None
        if self.place_problem:
            problem = self.place_problem
            notices.append(lambda: problem)
        if self.keep_place and routine.path:
            from legtimer.live.keeping import Checkpointer
            from legtimer.storage.checkpoint import CheckpointStore, routine_hash
            from legtimer.storage.paths import checkpoint_path

            checkpointer = Checkpointer(
                CheckpointStore(checkpoint_path()),
                routine.path,
                routine_hash(routine.path),
                started_at=started_at,
                workout_id=workout_id,
            )
            listeners.append(checkpointer)
        if self.record:
            from legtimer.live.logbook import Logbook
            from legtimer.storage.paths import log_path
            from legtimer.storage.pending import WorkoutRecorder
            from legtimer.storage.progress import loads_from_log

            logbook = Logbook(
                WorkoutRecorder(log_path()),
                routine.name,
                routine.path,
                started_at=started_at,
                workout_id=workout_id,
                checkpointer=checkpointer,
                loads=loads_from_log(routine, log_path()),
            )
            listeners.append(logbook)
            notices.append(lambda: logbook.problem and f"Training log: {logbook.problem}")
        if self.event_log is not None:
            from legtimer.live.eventlog import EventLog

            listeners.append(EventLog(self.event_log, self.clock))
        return WorkoutDriver(
            plan,
            clock=self.clock,
            cues=self.cues(plan, bell, self.clock),
            listeners=listeners,
            schedule=self.schedule,
            resume=resume,
            notices=notices,
            chooser=chooser,
        )


@dataclass(frozen=True)
class ResumedFrom:
    """The interrupted workout a resume continues: when it began and its log record."""

    started_at: float
    workout_id: int | None
