"""The checkpoint follows the workout, so any interruption can be resumed where it happened."""

from __future__ import annotations

import time
from collections.abc import Sequence

from legtimer.core.events import Event, StepEnded, StepStarted, WorkoutFinished
from legtimer.core.session import Session, State
from legtimer.live.driver import Command, Ending, WorkoutDriver
from legtimer.storage.checkpoint import (
    LETTERS,
    NOT_LEFT,
    Checkpoint,
    CheckpointStore,
    outcome_letters,
)

_LETTER_BYTES = {outcome: ord(letter) for outcome, letter in LETTERS.items()}

EVERY = 5.0
"""While running, the place is written at least this often (seconds)."""


class Checkpointer:
    """A driver listener writing the workout's place at every change that matters."""

    def __init__(
        self,
        store: CheckpointStore,
        routine_path: str,
        routine_hash: str,
        started_at: float | None = None,
        workout_id: int | None = None,
    ) -> None:
        self.store = store
        self.routine_path = routine_path
        self.routine_hash = routine_hash
        self.started_at = time.time() if started_at is None else started_at
        self.workout_id = workout_id
        """Set by the training log's listener once the workout has a record."""
        self._last: tuple[int, State] | None = None
        self._written_at = float("-inf")
        self._letters: bytearray | None = None
        """The tally's outcomes as checkpoint letters, kept up to date a few steps at a time
        (rebuilding them from the tally at every step would cost more the longer the workout)."""
        self._touched: tuple[int, int] | None = None
        """The lowest and highest step whose outcome may have changed since the letters were
        last brought up to date."""

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """On a step change, a pause or resume, ±time, or every 5 s of running."""
        session = driver.session
        # A session sets an outcome only on a step it ends (StepEnded), or, silently, on an
        # EMOM rest it passes through between a step it ends and the next it starts (or the
        # end): always between the lowest and the highest of these steps.
        self._touch(session.index)
        for event in events:
            if isinstance(event, StepStarted | StepEnded):
                self._touch(event.step.plan_index)
            elif isinstance(event, WorkoutFinished):
                self._touch(len(session.plan.steps) - 1)
        now = session.clock()
        key = (session.index, session.state)
        changed = key != self._last or any(isinstance(e, StepStarted) for e in events)
        timed = driver.command in (Command.MORE_TIME, Command.LESS_TIME)
        if changed or timed or now - self._written_at >= EVERY:
            self._last = key
            self._written_at = now
            self.store.submit(self.checkpoint(driver))

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """Finished: nothing to resume. Stopped: keep the place, written before exit."""
        if ending.how == "finished":
            self.store.clear()
        else:
            self.store.save(self.checkpoint(driver))

    def checkpoint(self, driver: WorkoutDriver) -> Checkpoint:
        """Where the workout stands now."""
        session = driver.session
        step = session.plan.steps[session.index]
        anchor = step if step.kind.is_work else (session.plan.next_up(step) or step)
        return Checkpoint(
            routine_path=self.routine_path,
            routine_hash=self.routine_hash,
            routine_name=session.plan.routine.name,
            step_index=session.index,
            into_step=session.elapsed_in_step(),
            paused=session.paused,
            outcomes=self._outcome_letters(session),
            worked=session.tally.worked,
            rested=session.tally.rested,
            elapsed=session.elapsed(),
            started_at=self.started_at,
            saved_at=time.time(),
            exercise=anchor.name,
            set_no=anchor.set_no,
            sets=anchor.sets,
            round_no=anchor.round_no,
            side=anchor.side.value if anchor.side else None,
            workout_id=self.workout_id,
        )

    def _touch(self, index: int) -> None:
        low, high = self._touched or (index, index)
        self._touched = (min(low, index), max(high, index))

    def _outcome_letters(self, session: Session) -> str:
        """The tally's outcomes as letters: whole the first time, then only the touched steps."""
        outcomes = session.tally.outcomes
        if self._letters is None:
            self._letters = bytearray(outcome_letters(outcomes), "ascii")
        elif self._touched is not None:
            low, high = self._touched
            letters = self._letters
            if len(letters) <= high:
                letters.extend(NOT_LEFT.encode("ascii") * (high + 1 - len(letters)))
            for index in range(max(0, low), high + 1):
                outcome = outcomes.get(index)
                letters[index] = ord(NOT_LEFT) if outcome is None else _LETTER_BYTES[outcome]
        self._touched = None
        return self._letters.decode("ascii")
