"""The training-log keys of the workout screen: correct a set's reps, type them, edit the load.

No Textual here: the screen routes ``↑``/``↓``, digits, Enter and ``l`` to this and copies its
lines into widgets. What is recorded is the training log's business (``Logbook``); this only
knows when a key can apply and what it asks of the log. A workout without a log (the editor's
"try it") has none of these keys.
"""

from __future__ import annotations

from legtimer.core.plan import Step, StepKind
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.logbook import Logbook

MAX_TYPED = 3
"""Digits in a typed rep count; one more starts a new number (no one does 1,000 reps)."""


class LogKeys:
    """Corrections, typed reps and today's load, for one workout's screen."""

    def __init__(self, driver: WorkoutDriver) -> None:
        self.driver = driver
        self._typed = ""
        self._typed_at = -1
        """The step the typed number was typed in: it is forgotten when the step changes."""

    @property
    def logbook(self) -> Logbook | None:
        """The workout's training log, or None when it is not logged."""
        return self.driver.listener(Logbook)

    def _live(self) -> bool:
        return self.driver.session.live and self.driver.ending is None

    def can_correct(self) -> bool:
        """In the rest right after a rep set that was done: its reps may be corrected."""
        logbook = self.logbook
        step = self.driver.session.step
        return (
            self._live()
            and logbook is not None
            and step.kind.is_rest
            and logbook.last_rep_set is not None
        )

    def in_manual_set(self) -> bool:
        """A manual rep set, which may be ended with the reps typed."""
        step = self.driver.session.step
        return (
            self._live()
            and self.logbook is not None
            and step.kind.is_work
            and step.waits_for_user
            and step.reps is not None
            and not step.in_amrap
        )

    @property
    def typed(self) -> str:
        """The digits typed in this step so far ("" when none)."""
        return self._typed if self._typed_at == self.driver.session.index else ""

    def digit(self, digit: int) -> bool:
        """A digit: part of the reps for the set just done (at once) or the manual set (on done).

        Returns:
            False when digits do not apply now.
        """
        correcting = self.can_correct()
        if not correcting and not self.in_manual_set():
            return False
        typed = self.typed
        typed = typed + str(digit) if len(typed) < MAX_TYPED else str(digit)
        self._typed, self._typed_at = typed, self.driver.session.index
        if correcting and self.logbook is not None:
            self.logbook.correct_last_reps(int(typed))
        return True

    def nudge(self, delta: int) -> bool:
        """``↑``/``↓``: one rep more or fewer for the set just done; False when not in its rest."""
        logbook = self.logbook
        if not self.can_correct() or logbook is None or logbook.last_rep_set is None:
            return False
        self._typed = ""
        logbook.correct_last_reps((logbook.last_rep_set.reps or 0) + delta)
        return True

    def done(self) -> bool:
        """Done: end the step; a manual set ended with typed reps records those reps."""
        typed = self.typed if self.in_manual_set() else ""
        logbook = self.logbook
        if typed and logbook is not None:
            logbook.typed_reps = int(typed)
        sent = self.driver.send(Command.DONE)
        if logbook is not None:
            logbook.typed_reps = None
        self._typed = ""
        return sent

    def load_exercise(self) -> str | None:
        """Whose load ``l`` edits now: in a rest or get-ready, the exercise coming next."""
        session = self.driver.session
        step = session.step
        if not self._live() or self.logbook is None or step.kind.is_work:
            return None
        if step.kind is StepKind.SWITCH:
            return None
        following: Step | None = session.plan.next_up(step)
        if following is None or following.exercise is None:
            return None
        return following.name

    def load_of(self, exercise: str) -> str:
        """Today's load of ``exercise``: the log's (set today or last time), else the routine's."""
        logbook = self.logbook
        known = logbook.load_for(exercise) if logbook is not None else ""
        if known:
            return known
        following = self.driver.plan.next_up(self.driver.session.step)
        if following is not None and following.name == exercise and following.exercise:
            return following.exercise.load
        return ""

    def set_load(self, exercise: str, load: str) -> None:
        """Today's load of ``exercise`` (blank forgets it)."""
        if self.logbook is not None:
            self.logbook.set_load(exercise, load)

    def log_line(self) -> str:
        """The quiet line under the hint: the correction, or the reps typed in a manual set."""
        if self.can_correct() and self.logbook is not None:
            return self.logbook.correction_line()
        if self.in_manual_set():
            typed = self.typed
            if typed:
                return f"{typed} reps typed: Enter ends the set with {typed}"
            return "Or type the reps you did, then Enter"
        return ""

    def load_line(self) -> str:
        """ "Load: 16 kg  l to change" for the exercise coming next, in a rest."""
        exercise = self.load_exercise()
        if exercise is None:
            return ""
        load = self.load_of(exercise)
        return f"Load: {load}  l to change" if load else ""
