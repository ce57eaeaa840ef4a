"""The training log follows the workout: each set as it ends, the workout when it ends.

A workout is recorded once it has a set done or has run 30 seconds (a resumed one already is):
a false start, even one that skipped a few sets, is not a workout. Every ending is recorded,
marked finished or stopped early.

What the workout screen may ask of it (find it with ``driver.listener(Logbook)``; a workout
that is not logged, like the editor's "try it", has none):

- :attr:`Logbook.last_rep_set` and :meth:`Logbook.correction_line` ("Set 1: 15 reps  ↑↓ to
  correct"): the rep set just recorded, which the rest after it may correct;
- :meth:`Logbook.correct_last_reps`: ``↑``/``↓``/digits during that rest;
- :attr:`Logbook.typed_reps`: the reps typed to end a manual set, set just before sending
  ``Command.DONE`` (the set is recorded with them, even when it ends the workout);
- :meth:`Logbook.load_for` and :meth:`Logbook.set_load`: ``l`` edits today's load of an exercise,
  used for its sets from then on and offered as the default next time.

A yes or no to the harder variant (the driver's ``HarderAnswered``) is kept at once: a yes makes
it the person's exercise in that slot from the next workout on too; going back down for good
(``MovedDown``) ends that.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from legtimer.core.events import Event, HarderAnswered, MovedDown, Outcome, StepEnded
from legtimer.core.plan import Step
from legtimer.live.driver import Ending, WorkoutDriver
from legtimer.live.keeping import Checkpointer
from legtimer.storage.pending import WorkoutRecorder
from legtimer.storage.trainlog_records import Score, SetRecord

MIN_SECONDS_TO_LOG = 30.0
"""A workout quit in its first half-minute was a false start, not a workout."""


class Logbook:
    """A driver listener writing the workout to the training log (or its side file)."""

    def __init__(
        self,
        recorder: WorkoutRecorder,
        routine_name: str,
        routine_file: str | None,
        started_at: float | None = None,
        workout_id: int | None = None,
        checkpointer: Checkpointer | None = None,
        loads: dict[str, str] | None = None,
    ) -> None:
        self.recorder = recorder
        self.routine_file = routine_file
        self.started_at = time.time() if started_at is None else started_at
        self.checkpointer = checkpointer
        self.recorded = False
        """True once the workout has its record (it ran long enough, or a set ended)."""
        self.set_handles: list[int] = []
        """The recorder's handle of each set recorded in this run, oldest first."""
        self.loads: dict[str, str] = dict(loads or {})
        """Today's load per exercise: last time's, else the routine's ``load``."""
        self.today: list[SetRecord] = []
        """Every set recorded in this run, oldest first, with corrections applied."""
        self._unrecorded: list[SetRecord] = []
        """Sets ended before the workout had its record (skips in a false start, so far)."""
        self.typed_reps: int | None = None
        """Reps typed for the manual set in progress: recorded instead of its target when it
        ends done (then forgotten)."""
        self._resumed = workout_id
        self._name = routine_name

    @property
    def problem(self) -> str | None:
        """Why the log could not be written (the workout is kept in a side file), or None."""
        return self.recorder.problem

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """Record each set as it ends, each answer to a harder-variant offer, each move down."""
        for event in events:
            if isinstance(event, HarderAnswered):
                self.recorder.answer_harder(event.slot, event.harder, event.accepted)
            elif isinstance(event, MovedDown):
                self.recorder.move_down(event.slot, event.variant)
            elif (
                isinstance(event, StepEnded)
                and event.step.kind.is_work
                and event.outcome is not Outcome.CAPPED
            ):
                # A set the cap cut short is in the score, not a set done or skipped.
                record = self._set(driver, event)
                self.today.append(record)
                self._unrecorded.append(record)
                if record.skipped and self._may_be_false_start(driver):
                    continue
                self._begin()

    @property
    def last_rep_set(self) -> SetRecord | None:
        """The set just recorded, when it was a rep set that was done (it may be corrected)."""
        if not self.today:
            return None
        last = self.today[-1]
        return last if last.reps is not None and not last.skipped else None

    def correct_last_reps(self, reps: int) -> SetRecord | None:
        """Record ``reps`` (at least 0) for the rep set just done instead of its target.

        Returns:
            The corrected set, or None when the last set was not a rep set that was done.
        """
        last = self.last_rep_set
        if last is None:
            return None
        fixed = last._replace(reps=max(0, reps))
        self.today[-1] = fixed
        self.recorder.correct_reps(self.set_handles[-1], fixed.reps or 0)
        return fixed

    def correction_line(self) -> str:
        """ "Set 1: 15 reps  ↑↓ to correct" for the rest after a rep set, else ""."""
        last = self.last_rep_set
        if last is None:
            return ""
        side = f" ({last.side})" if last.side else ""
        unit = "rep" if last.reps == 1 else "reps"
        return f"Set {last.set_no}{side}: {last.reps} {unit}  ↑↓ to correct"

    def load_for(self, exercise: str) -> str:
        """Today's load of ``exercise`` ("" when none is known)."""
        return self.loads.get(exercise, "")

    def set_load(self, exercise: str, load: str) -> None:
        """Today's load of ``exercise``, for its sets from now on and as next time's default.

        Blank text forgets today's load (sets are then recorded without one); it is not stored.
        """
        load = " ".join(load.split())
        if not load:
            self.loads.pop(exercise, None)
            return
        self.loads[exercise] = load
        self.recorder.remember_load(exercise, load)

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """Record the ending, finished or stopped early, with its times."""
        summary = ending.summary
        if not self.recorded and summary.total < MIN_SECONDS_TO_LOG:
            self.recorder.close()
            return
        self._begin()
        self.recorder.end(
            time.time(),
            summary.finished,
            summary.total,
            summary.worked,
            summary.rested,
            scores=[Score(*score) for score in summary.scores],
        )
        self.recorder.close()
        driver.recorded = True

    def _may_be_false_start(self, driver: WorkoutDriver) -> bool:
        """Nothing done yet, in the first half-minute of a workout that is not a resume."""
        if self.recorded or self._resumed is not None:
            return False
        return driver.session.elapsed() < MIN_SECONDS_TO_LOG

    def _begin(self) -> None:
        """Give the workout its record (once), then record the sets that wait for it."""
        if not self.recorded:
            self.recorded = True
            if self._resumed is not None:
                self.recorder.carry_on(
                    self._resumed, self._name, self.routine_file, self.started_at
                )
            else:
                self.recorder.begin(self._name, self.routine_file, self.started_at)
            if self.checkpointer is not None:
                self.checkpointer.workout_id = self.recorder.workout_id
        for record in self._unrecorded:
            self.set_handles.append(self.recorder.record_set(record))
        self._unrecorded.clear()

    def _set(self, driver: WorkoutDriver, event: StepEnded) -> SetRecord:
        step: Step = event.step
        wall = time.time() - (driver.clock() - event.at)
        done = event.outcome is Outcome.COMPLETED
        # Today's load as the person set or last used it, else what the routine (or set) says.
        written = step.exercise.load
        load = self.loads.get(step.name) or written
        slot = step.exercise.slot
        reps = step.rep_count if done and step.reps else None
        if reps is not None and step.waits_for_user and self.typed_reps is not None:
            reps = max(0, self.typed_reps)
        self.typed_reps = None
        return SetRecord(
            exercise=slot or step.name,
            variant=step.name if slot else None,
            block=step.block or None,
            load=load or None,
            round=step.round_no,
            set_no=step.set_no,
            started_at=wall - event.seconds,
            side=step.side.value if step.side else None,
            target_reps=step.rep_count if step.reps else None,
            target_seconds=step.duration if step.reps is None else None,
            reps=reps,
            seconds=round(event.seconds, 1),
            skipped=not done,
            pass_no=event.pass_no or None,
        )
