"""The session: walks a Plan on an injected monotonic clock, reporting events.

It never counts ticks. It keeps the current step's start and deadline on the clock, and a
cursor up to which events have been reported, so a tick may come at any time, early or very
late, and still report each event once, in order, at its scheduled time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping
from enum import Enum

from legtimer.core.events import (
    CountdownTicked,
    Event,
    HalfwayReached,
    Outcome,
    RepBeat,
    StepEnded,
    StepStarted,
    WorkoutFinished,
)
from legtimer.core.plan import Plan, Step, lead_in

__all__ = ["BACK_RESTARTS_AFTER", "TIME_STEP", "Outcome", "Session", "State", "Tally"]

BACK_RESTARTS_AFTER = 3.0
"""back() restarts the step after this many seconds in, else goes to the previous one."""
TIME_STEP = 10.0
"""Seconds that + and - add to or take from a timed step."""


class State(Enum):
    """Where a session is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Tally:
    """What actually happened, for the summary (and carried over when a workout resumes)."""

    def __init__(
        self,
        outcomes: Mapping[int, Outcome] | None = None,
        worked: float = 0.0,
        rested: float = 0.0,
    ) -> None:
        self.outcomes: dict[int, Outcome] = dict(outcomes or {})
        """How each step was last left, by plan index."""
        self.worked = worked
        """Seconds spent in steps where the person moves."""
        self.rested = rested
        """Seconds spent in get-ready, switches and rests."""


class Session:
    """A state machine over a plan. All times come from ``clock``."""

    def __init__(self, plan: Plan, clock: Callable[[], float] = time.monotonic) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be run")
        self.plan = plan
        self.clock = clock
        self.state = State.READY
        self.index = 0
        self.tally = Tally()
        self._lead_in: Step | None = None
        self._step_start = 0.0
        self._deadline: float | None = None
        self._cursor = 0.0
        self._paused_at: float | None = None
        self._started_at = 0.0
        self._paused_total = 0.0
        self._elapsed_before = 0.0
        self._finished_at: float | None = None

    # ---- reading state -------------------------------------------------------------------

    @property
    def step(self) -> Step:
        """The current step: a resume's get-ready, else the plan's (the last once finished)."""
        return self._lead_in or self.plan.steps[self.index]

    @property
    def paused(self) -> bool:
        """True while paused."""
        return self.state is State.PAUSED

    @property
    def finished(self) -> bool:
        """True once the last step has ended."""
        return self.state is State.FINISHED

    @property
    def live(self) -> bool:
        """Started and not finished: keys that move the workout apply."""
        return self.state in (State.RUNNING, State.PAUSED)

    @property
    def paused_for(self) -> float:
        """Seconds the current pause has lasted (0 when not paused)."""
        if self._paused_at is None:
            return 0.0
        return max(0.0, self.clock() - self._paused_at)

    def _now(self) -> float:
        if self._paused_at is not None:
            return self._paused_at
        if self._finished_at is not None:
            return self._finished_at
        return self.clock()

    def elapsed_in_step(self) -> float:
        """Seconds spent in the current step, pauses excluded (counts up for manual sets)."""
        if self.state is State.READY:
            return 0.0
        return max(0.0, self._now() - self._step_start)

    def remaining(self) -> float:
        """Seconds left in the current step; for a manual set, left of its estimate."""
        if self.state is State.READY:
            return self.step.estimate
        if self.finished:
            return 0.0
        if self._deadline is None:
            return max(0.0, self.step.estimate - self.elapsed_in_step())
        return max(0.0, self._deadline - self._now())

    def step_length(self) -> float:
        """The current step's length as it stands now (±time included)."""
        if self._deadline is None or self.state is State.READY:
            return self.step.estimate
        return self._deadline - self._step_start

    def elapsed(self) -> float:
        """Workout time so far, pauses excluded (a resumed workout's first part included)."""
        if self.state is State.READY:
            return self._elapsed_before
        return self._now() - self._started_at - self._paused_total + self._elapsed_before

    def total_remaining(self) -> float:
        """Estimated seconds left in the whole workout."""
        if self.finished:
            return 0.0
        after = self.plan.steps[self.index].start if self._lead_in else self.step.end
        return self.remaining() + self.plan.total - after

    def current_rep(self) -> int:
        """For a paced set, which rep should be under way now (1-based)."""
        step = self.step
        if not step.is_paced or step.seconds_per_rep <= 0:
            return 0
        return min(step.rep_count, int(self.elapsed_in_step() // step.seconds_per_rep) + 1)

    def next_change_in(self) -> float | None:
        """Seconds until something visible changes: a whole second or a rep beat.

        The UI sleeps this long instead of polling. None while nothing moves on its own.
        """
        if self.state is not State.RUNNING:
            return None
        now = self.clock()
        if self._deadline is not None:
            left = self._deadline - now
            if left <= 0:
                return 0.0
            wait = left - math.floor(left)
        else:
            spent = now - self._step_start
            wait = math.ceil(spent) - spent
        if wait <= 1e-6:
            wait = 1.0
        for due in (self._next_beat_after(now), self._halfway_at()):
            if due is not None and due > now:
                wait = min(wait, due - now)
        return max(0.0, wait)

    # ---- commands ----------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin the workout at the clock's now."""
        return self.resume_at(0)

    def resume_at(
        self,
        index: int,
        get_ready: float = 0.0,
        tally: Tally | None = None,
        elapsed_before: float = 0.0,
    ) -> list[Event]:
        """Begin at step ``index``, after a get-ready of ``get_ready`` seconds (a resume).

        Args:
            index: the plan step to begin at (its start: a half-done set restarts).
            get_ready: seconds of get-ready first (0 for none).
            tally: what the interrupted part of the workout did.
            elapsed_before: workout seconds the interrupted part ran.
        """
        if self.state is not State.READY:
            return []
        if not 0 <= index < len(self.plan.steps):
            raise IndexError(f"no step {index} in a plan of {len(self.plan.steps)}")
        now = self.clock()
        self._started_at = now
        self._elapsed_before = elapsed_before
        if tally is not None:
            self.tally = tally
        self.state = State.RUNNING
        if get_ready > 0 and (index > 0 or self.plan.steps[0].kind.is_work):
            return [self._begin(index, now, lead=get_ready)]
        return [self._begin(index, now)]

    def pause(self) -> None:
        """Stop the clock for this session; nothing counts until resume."""
        if self.state is State.RUNNING:
            self._paused_at = self.clock()
            self.state = State.PAUSED

    def resume(self) -> list[Event]:
        """Carry on; every deadline moves by the time spent paused."""
        if self.state is not State.PAUSED or self._paused_at is None:
            return []
        now = self.clock()
        shift = now - self._paused_at
        self._paused_at = None
        self._paused_total += shift
        self._step_start += shift
        self._cursor += shift
        if self._deadline is not None:
            self._deadline += shift
        self.state = State.RUNNING
        return self.tick(now)

    def toggle_pause(self) -> list[Event]:
        """Space bar: pause or resume."""
        if self.state is State.PAUSED:
            return self.resume()
        self.pause()
        return []

    def skip(self) -> list[Event]:
        """Next step now; the current one counts as skipped."""
        return self._leave(Outcome.SKIPPED)

    def done(self) -> list[Event]:
        """End a set early, or a manual set that waits for the person: it counts as done."""
        if not self.step.kind.is_work:
            return []
        return self._leave(Outcome.COMPLETED)

    def back(self) -> list[Event]:
        """Restart the step if more than 3 s in (or at the first step), else the previous one."""
        if not self.live:
            return []
        now = self._now()
        self._account(now)
        target = self.index
        restart = self.elapsed_in_step() > BACK_RESTARTS_AFTER or self.index == 0
        if self._lead_in is None and not restart or self._lead_in is not None and self.index > 0:
            target = self.index - 1
        return [self._begin(target, now)]

    def add_time(self, seconds: float = TIME_STEP) -> list[Event]:
        """Lengthen (or with a negative number, shorten) the current timed step."""
        if not self.live or self._deadline is None:
            return []
        now = self._now()
        floor = now + 1.0 if self.paused else now
        self._deadline = max(floor, self._deadline + seconds)
        return self.tick() if self.state is State.RUNNING else []

    def tick(self, now: float | None = None) -> list[Event]:
        """Everything due since the last tick, in order; moves through steps whose time is up."""
        if self.state is not State.RUNNING:
            return []
        now = self.clock() if now is None else now
        events: list[Event] = []
        while True:
            deadline = self._deadline
            limit = now if deadline is None else min(now, deadline)
            events.extend(self._due(self._cursor, limit))
            if deadline is None or deadline > now:
                self._cursor = max(self._cursor, now)
                return events
            self._cursor = deadline
            if self._lead_in is not None:
                self._account(deadline)
                events.append(self._begin(self.index, deadline))
                continue
            events.extend(self._end_step(Outcome.COMPLETED, deadline))
            if self.index + 1 >= len(self.plan.steps):
                events.append(self._finish(deadline))
                return events
            events.append(self._begin(self.index + 1, deadline))

    # ---- internals -------------------------------------------------------------------------

    def _begin(self, index: int, at: float, lead: float = 0.0) -> StepStarted:
        self.index = index
        self._lead_in = lead_in(self.plan, index, lead) if lead > 0 else None
        self._step_start = at
        step = self.step
        self._deadline = None if step.duration is None else at + step.duration
        self._cursor = at
        if self.state is State.PAUSED:
            self._paused_at = at
        return StepStarted(step, at)

    def _end_step(self, outcome: Outcome, at: float) -> list[Event]:
        """Account for the step being left and report it (a lead-in is not a plan step)."""
        spent = self._account(at)
        if self._lead_in is not None:
            return []
        self.tally.outcomes[self.index] = outcome
        return [StepEnded(self.step, outcome, at, spent)]

    def _leave(self, outcome: Outcome) -> list[Event]:
        if not self.live:
            return []
        now = self._now()
        events = self._end_step(outcome, now)
        if self._lead_in is not None:
            events.append(self._begin(self.index, now))
        elif self.index + 1 >= len(self.plan.steps):
            events.append(self._finish(now))
        else:
            events.append(self._begin(self.index + 1, now))
        return events

    def _account(self, until: float) -> float:
        spent = max(0.0, until - self._step_start)
        if self.step.kind.is_work:
            self.tally.worked += spent
        else:
            self.tally.rested += spent
        return spent

    def _finish(self, at: float) -> WorkoutFinished:
        self._paused_at = None
        self._finished_at = at
        self._deadline = at
        self.state = State.FINISHED
        return WorkoutFinished(at)

    def _due(self, after: float, until: float) -> Iterator[Event]:
        """Events of the current step scheduled in (after, until], in time order."""
        if until <= after:
            return iter(())
        step = self.step
        start, deadline = self._step_start, self._deadline
        found: list[tuple[float, int, Event]] = []
        if deadline is not None:
            halfway = self._halfway_at()
            if halfway is not None and after < halfway <= until:
                found.append((halfway, 0, HalfwayReached(step, halfway)))
            for left in range(step.countdown, 0, -1):
                at = deadline - left
                if at > start and after < at <= until and at < deadline:
                    found.append((at, 1, CountdownTicked(step, left, at)))
        if step.rep_beat and step.is_paced:
            pace = step.seconds_per_rep
            first = max(2, math.floor((after - start) / pace) + 2)
            for rep in range(first, step.rep_count + 1):
                at = start + (rep - 1) * pace
                if at > until:
                    break
                if at > after and (deadline is None or at < deadline):
                    found.append((at, 2, RepBeat(step, rep, at)))
        found.sort(key=lambda item: (item[0], item[1]))
        return (event for _, _, event in found)

    def _halfway_at(self) -> float | None:
        if not self.step.halfway or self._deadline is None:
            return None
        return self._step_start + (self._deadline - self._step_start) / 2

    def _next_beat_after(self, now: float) -> float | None:
        step = self.step
        if not (step.rep_beat and step.is_paced):
            return None
        pace = step.seconds_per_rep
        rep = math.floor((now - self._step_start) / pace) + 2
        if rep > step.rep_count:
            return None
        return self._step_start + (rep - 1) * pace
