"""The one owner of a running workout: its session, its clock and its wake-ups.

Keys (and later a phone or a clicker) become commands sent here; after every command and every
wake-up the driver tells its listeners what happened: the sound side, the screen, the training
log, the checkpoint and keep-awake. The screen only renders and routes keys.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from enum import Enum
from typing import NamedTuple, Protocol, TypeVar

from legtimer.audio.sink import CueSink, SilentSink
from legtimer.core.events import Event, HarderAnswered, MovedDown, PlanChanged, WorkoutFinished
from legtimer.core.harder import GoingBack, Offer
from legtimer.core.plan import Plan, StepKind
from legtimer.core.replan import after_opening, splice, upcoming_slot
from legtimer.core.routine import Exercise
from legtimer.core.session import TIME_STEP, Session, State, Tally
from legtimer.core.summary import Summary, summarize
from legtimer.live.chooser import Chooser

WAKE_SLACK = 0.002
"""Wake just after a boundary, so the tick lands on the new second, not just before it."""
CUT_GRACE = 1.5
"""Seconds after a ``-`` ended a step in which more ``-`` are ignored: presses meant for the
rest that just ran out do not cut the set that follows it."""

LONG_PAUSE = 600.0
"""A pause this long lets the screen sleep (keep-awake is released until resume)."""


class Command(Enum):
    """What a person can ask of a running workout, from any input."""

    PAUSE = "pause"
    """Pause or resume."""
    SKIP = "skip"
    BACK = "back"
    DONE = "done"
    MORE_TIME = "more_time"
    LESS_TIME = "less_time"
    MUTE = "mute"
    """Sound off or on."""
    VARIANT = "variant"
    """Another of the next exercise's options (before it: its get-ready or the rest before)."""
    ACCEPT_HARDER = "accept_harder"
    """Yes to the harder variant offered for the next exercise: the person's from now on."""
    DECLINE_HARDER = "decline_harder"
    """No to it: keep the exercise (asked again after three more sessions)."""
    MOVE_DOWN = "move_down"
    """Back to the routine's own exercise from now on, once ``v`` brought a moved-up slot to it."""


OFFER_COMMANDS = (Command.ACCEPT_HARDER, Command.DECLINE_HARDER, Command.MOVE_DOWN)
"""The commands that exist only while something is asked (a harder variant, or going back)."""


class Ending(NamedTuple):
    """How a workout ended, with its summary."""

    summary: Summary
    how: str
    """"finished", "quit", "closed" (the terminal or app went away) or "error"."""


class Resume(NamedTuple):
    """Where a resumed workout picks up, and what its first part did."""

    step_index: int
    tally: Tally
    elapsed: float
    get_ready: float = 10.0


class Listener(Protocol):
    """Anything that follows a workout: screen, training log, checkpoint, keep-awake."""

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """After every command and wake-up (``events`` may be empty: a pause, a mute)."""

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """Once, when the workout finishes or is stopped."""


L = TypeVar("L")


class Cancellable(Protocol):
    """A scheduled wake-up that can be called off (asyncio's TimerHandle is one)."""

    def cancel(self) -> None:
        """Call it off."""


Scheduler = Callable[[float, Callable[[], None]], Cancellable | None]
"""Run a callback after some seconds of real time."""


def loop_scheduler(delay: float, callback: Callable[[], None]) -> Cancellable | None:
    """Schedule on the running asyncio loop (Textual's); nothing outside one (plain tests)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, callback)


class WorkoutDriver:
    """Runs one plan: commands in, events out to every listener."""

    def __init__(
        self,
        plan: Plan,
        *,
        clock: Callable[[], float] = time.monotonic,
        cues: CueSink | None = None,
        listeners: Sequence[Listener] = (),
        schedule: Scheduler = loop_scheduler,
        resume: Resume | None = None,
        notices: Sequence[Callable[[], str | None]] = (),
        chooser: Chooser | None = None,
    ) -> None:
        self.session = Session(plan, clock)
        self.chooser = chooser
        """Today's choices per slot, for ``v``; None when the workout has no variants."""
        self.clock = clock
        self.cues: CueSink = cues or SilentSink()
        self.resume = resume
        self.ending: Ending | None = None
        self.recorded = False
        """Set by the training log's listener once the workout is in the log."""
        self._said: str | None = None
        """What the last ``v`` with nothing to change to said ("No other variant for ...")."""
        self._cut_into: int | None = None
        """The step visit a ``-`` began by ending the step before (see :data:`CUT_GRACE`)."""
        self._cut_until = 0.0
        self._notices = [self._sound_notice, lambda: self._said, *notices]
        self.command: Command | None = None
        """The command being carried out while listeners hear of it (None on a wake-up)."""
        self._listeners: list[Listener] = list(listeners)
        self._schedule = schedule
        self._wake: Cancellable | None = None

    @property
    def plan(self) -> Plan:
        """The plan being run."""
        return self.session.plan

    def listen(self, listener: Listener) -> None:
        """Follow the workout from now on."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unlisten(self, listener: Listener) -> None:
        """Stop following."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def listener(self, kind: type[L]) -> L | None:
        """The listener of this type (the training log's, for corrections), or None."""
        for listener in self._listeners:
            if isinstance(listener, kind):
                return listener
        return None

    def _sound_notice(self) -> str | None:
        """What is wrong with the sound, once it matters: not while muted (m may unmute)."""
        return None if self.cues.muted else self.cues.notice

    def notices(self) -> list[str]:
        """One line for each thing not at its best: sound, keep-awake, the log."""
        return [text for source in self._notices if (text := source())]

    # ---- life --------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin (or pick up a resumed workout where it stopped)."""
        if self.session.state is not State.READY:
            return
        if self.resume is None:
            events = self.session.start()
        else:
            events = self.session.resume_at(
                self.resume.step_index,
                get_ready=self.resume.get_ready,
                tally=self.resume.tally,
                elapsed_before=self.resume.elapsed,
            )
        self._after(events)

    def tick(self) -> None:
        """A wake-up: report what fell due since the last one."""
        self._wake = None
        if self.ending is None:
            self._after(self.session.tick())

    def end(self, how: str) -> Ending:
        """Stop the workout (once); every listener hears how it ended."""
        if self.ending is not None:
            return self.ending
        self._cancel_wake()
        self.session.pause()
        ending = Ending(summarize(self.session), how)
        self.ending = ending
        for listener in list(self._listeners):
            listener.workout_ended(self, ending)
        self.cues.close()
        return ending

    # ---- commands ----------------------------------------------------------------------------

    def available(self, command: Command) -> bool:
        """Whether ``command`` can do anything now (keys are greyed out when not)."""
        session = self.session
        if command is Command.MUTE:
            return True
        if not session.live or self.ending is not None:
            return False
        if command is Command.DONE:
            return session.step.kind.is_work or session.waiting
        if command in (Command.MORE_TIME, Command.LESS_TIME):
            return session.can_change_time()
        if command is Command.VARIANT:
            chooser = self.chooser
            exercise = self._upcoming_slot() if chooser is not None else None
            # Live before any exercise with variants: with none to change to, v says so.
            return exercise is not None and bool(exercise.variants)
        if command is Command.MOVE_DOWN:
            return self.going_back is not None
        if command in OFFER_COMMANDS:
            return self.offer is not None
        return True

    @property
    def offer(self) -> Offer | None:
        """The harder variant offered now: before an exercise's first set (its get-ready or
        the rest before it), when last time earned it; None once answered."""
        chooser = self.chooser
        if chooser is None or not chooser.offering or self.ending is not None:
            return None
        if not self.session.live:
            return None
        exercise = self._upcoming_slot()
        if exercise is None:
            return None
        offer = chooser.offer_for(exercise)
        if offer is None or self._begun(offer.slot):
            return None  # nothing switches in the middle of an exercise
        return offer

    @property
    def going_back(self) -> GoingBack | None:
        """Before a moved-up slot that ``v`` brought back to its own exercise: "keep it so from
        now on?" (``Command.MOVE_DOWN``); None otherwise, and once the slot has begun."""
        exercise = self._moved_up_next()
        back = (
            None if exercise is None or self.chooser is None else self.chooser.going_back(exercise)
        )
        return None if back is None or self._begun(back.slot) else back

    def question(self, keys: bool = True) -> str:
        """What is asked before the next exercise: the harder variant offered (``offer``), or
        the way back down after ``v`` (``going_back``); "" when nothing is. With ``keys``, the
        keys that answer it (the terminal); without, worded for the phone's buttons."""
        asked = self.offer or self.going_back
        if asked is None:
            return ""
        return asked.question() if keys else asked.question("")

    def slot_note(self) -> str:
        """Before a moved-up slot running its harder variant, where ``v`` applies: "Banded
        Clamshells instead of Clamshells: yours since 25 Nov · v for Clamshells"; else ""."""
        exercise = self._moved_up_next()
        return "" if exercise is None or self.chooser is None else self.chooser.about(exercise)

    def can_change_equipment(self) -> bool:
        """``e``: only on the opening get-ready, before anything has begun."""
        session = self.session
        return (
            self.chooser is not None
            and self.ending is None
            and session.live
            and session.index == 0
            and session.step is session.plan.steps[0]
            and session.step.kind is StepKind.GET_READY
        )

    def change_equipment(self, missing: tuple[str, ...]) -> bool:
        """Plan the workout anew with ``missing`` (the opening get-ready keeps its deadline).

        Returns:
            False when it cannot apply now (see :meth:`can_change_equipment`).
        """
        if not self.can_change_equipment() or self.chooser is None:
            return False
        plan = after_opening(self.session.plan, self.chooser.without(missing))
        self.session.adopt(plan)
        self._after([PlanChanged(plan, self.session.step, self.clock())])
        return True

    def send(self, command: Command, step: int | None = None) -> bool:
        """Carry out a command; False when it does not apply.

        Args:
            command: what to do.
            step: the step visit (``session.visit``) the sender meant it for; a stale one (a
                double tap, a second phone, a resume's get-ready) is ignored, so two senders
                never skip twice.
        """
        if step is not None and step != self.session.visit:
            return False
        if not self.available(command):
            return False
        session = self.session
        events: list[Event] = []
        if command is Command.PAUSE and session.waiting and not session.paused:
            # A rest that ran out waits for the person: Space means "ready", not "pause".
            events = session.ready()
        elif command is Command.PAUSE:
            events = session.toggle_pause()
        elif command is Command.SKIP:
            events = session.skip()
        elif command is Command.BACK:
            events = session.back()
        elif command is Command.DONE:
            events = session.done()
        elif command is Command.MORE_TIME:
            events = session.add_time(TIME_STEP)
        elif command is Command.LESS_TIME:
            if session.visit == self._cut_into and self.clock() < self._cut_until:
                return False  # a - pressed on after it ended the step before: not for this one
            visit = session.visit
            events = session.add_time(-TIME_STEP)
            if session.visit != visit:
                self._cut_into, self._cut_until = session.visit, self.clock() + CUT_GRACE
        elif command is Command.MUTE:
            self.cues.toggle_mute()
        elif command is Command.VARIANT:
            events = self._next_variant()
        elif command is Command.MOVE_DOWN:
            events = self._move_down()
        elif command in OFFER_COMMANDS:
            events = self._answer(command is Command.ACCEPT_HARDER)
        self.command = command
        try:
            self._after(events)
        finally:
            self.command = None
        return True

    def pause(self) -> None:
        """Pause if running (a dialog opened, the terminal lost focus)."""
        if self.session.state is State.RUNNING:
            self.send(Command.PAUSE)

    # ---- internals ---------------------------------------------------------------------------

    def _upcoming_slot(self) -> Exercise | None:
        session = self.session
        if session.step is not session.plan.steps[session.index] or session.waiting:
            return None  # a resume's lead-in, or a rest that waits: keep it simple
        step = upcoming_slot(session.plan, session.index)
        return None if step is None else step.exercise

    def _moved_up_next(self) -> Exercise | None:
        """The upcoming exercise, when some slot is moved up (a cheap test on every tick)."""
        chooser = self.chooser
        if chooser is None or not chooser.promotions or self.ending is not None:
            return None
        return self._upcoming_slot() if self.session.live else None

    def _begun(self, slot: str) -> bool:
        """Some set of ``slot`` came before the current step (a later round, say)."""
        steps = self.session.plan.steps[: self.session.index]
        return any(s.kind.is_work and (s.exercise.slot or s.exercise.name) == slot for s in steps)

    def _next_variant(self) -> list[Event]:
        """Splice in the plan for the next option: the current step's deadline stays."""
        exercise = self._upcoming_slot()
        if exercise is None or self.chooser is None:
            return []
        if not self.chooser.has_options(exercise):
            self._said = f"No other variant for {exercise.name} today"
            return []
        return self._splice(self.chooser.cycle(exercise))

    def _answer(self, accepted: bool) -> list[Event]:
        """Yes or no to the offer; a yes splices the harder variant in from its first set."""
        offer = self.offer
        if offer is None or self.chooser is None:
            return []
        plan = self.chooser.answer(offer, accepted)
        answered: list[Event] = [HarderAnswered(offer.slot, offer.harder, accepted, self.clock())]
        return answered + (self._splice(plan) if accepted else [])

    def _move_down(self) -> list[Event]:
        """Keep the slot's own exercise from now on: today's plan has it already."""
        back = self.going_back
        if back is None or self.chooser is None:
            return []
        self.chooser.move_down(back)
        return [MovedDown(back.slot, back.variant, self.clock())]

    def _splice(self, new: Plan) -> list[Event]:
        plan = splice(self.session.plan, self.session.index, new)
        self.session.adopt(plan)
        return [PlanChanged(plan, self.session.step, self.clock())]

    def _after(self, events: Sequence[Event]) -> None:
        if events:
            self.cues.handle(events)
        for listener in list(self._listeners):
            listener.workout_changed(self, events)
        if any(isinstance(event, WorkoutFinished) for event in events):
            self.end("finished")
            return
        self._plan_wake()

    def _plan_wake(self) -> None:
        self._cancel_wake()
        session = self.session
        wait = session.next_change_in()
        if wait is None and session.paused:
            # Paused: wake once the pause has gone on long enough to let the screen sleep.
            left = LONG_PAUSE - session.paused_for
            wait = left if left > 0 else None
        if wait is not None:
            self._wake = self._schedule(wait + WAKE_SLACK, self.tick)

    def _cancel_wake(self) -> None:
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None
