"""The session: walks a Plan on an injected monotonic clock, reporting events.

It never counts ticks. It keeps the current step's start and deadline on the clock, and a
cursor up to which events have been reported, so a tick may come at any time, early or very
late, and still report each event once, in order, at its scheduled time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator

from legtimer.core.events import (
    AmrapScore,
    CapReached,
    Event,
    Outcome,
    RestExtended,
    RestRanOut,
    RoundStartedLate,
    StepEnded,
    StepStarted,
    WorkoutFinished,
)
from legtimer.core.plan import Plan, Step, StepKind, lead_in
from legtimer.core.session_blocks import EPSILON, Anchor, Cap
from legtimer.core.session_due import due_events, halfway_at, next_beat_after
from legtimer.core.session_state import State, Tally

__all__ = ["BACK_RESTARTS_AFTER", "TIME_STEP", "Outcome", "Session", "State", "Tally"]

BACK_RESTARTS_AFTER = 3.0
"""back() restarts the step after this many seconds in, else goes to the previous one."""
TIME_STEP = 10.0
"""Seconds that + and - add to or take from a timed step."""


class Session:
    """A state machine over a plan. All times come from ``clock``."""

    def __init__(self, plan: Plan, clock: Callable[[], float] = time.monotonic) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be run")
        self.plan = plan
        self.clock = clock
        self.state = State.READY
        self.index = 0
        self.visit = -1
        """Counts every step begun (a resume's get-ready and a restart included): a command
        names the visit it was meant for, so a stale one never applies twice."""
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
        self._anchor: Anchor | None = None
        self._cap: Cap | None = None
        self._ran_out: float | None = None
        """When a rest-until-ready rest ran out; it now waits for the person."""

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

    @property
    def waiting(self) -> bool:
        """A rest-until-ready rest ran out and waits for Space, Enter or done."""
        return self._ran_out is not None and self.live

    def overtime(self) -> float:
        """Seconds a waiting rest has gone past its length ("+0:42"); 0 otherwise."""
        if self._ran_out is None:
            return 0.0
        return max(0.0, self._now() - self._ran_out)

    def amrap_score(self) -> AmrapScore | None:
        """The AMRAP under way's score so far ("3 rounds + 2"), or None outside one."""
        if self._cap is None or not self._cap.holds(self.step):
            return None
        return self._cap.score()

    def can_change_time(self) -> bool:
        """+ and - apply: a timed step that the block's clock does not own."""
        step = self.step
        return self._deadline is not None and not step.clocked and not self.waiting

    def remaining(self) -> float:
        """Seconds left in the current step; for a manual set, left of its estimate."""
        if self.state is State.READY:
            return self.step.estimate
        if self.finished or self._ran_out is not None:
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
        if self._cap is not None and self._cap.holds(self.step) and not self._lead_in:
            # The cap, not the exercise under way, says what is left of an AMRAP.
            after = self.plan.steps[self._cap.last].end
            return max(0.0, self._cap.deadline - self._now()) + self.plan.total - after
        emom = None if self._lead_in or self.state is State.READY else self._emom_end()
        if emom is not None:
            return max(0.0, emom[0] - self._now()) + self.plan.total - emom[1]
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
            spent = now - (self._step_start if self._ran_out is None else self._ran_out)
            wait = math.ceil(spent) - spent
        if wait <= 1e-6:
            wait = 1.0
        for due in (self._next_beat_after(now), self._halfway_at()):
            if due is not None and due > now:
                wait = min(wait, due - now)
        return max(0.0, wait)

    def adopt(self, plan: Plan) -> None:
        """Run ``plan`` from here on: the steps up to the current one must be the same.

        The current step keeps its start and deadline, so nothing drifts; only what comes
        after it changes (``v``: another variant of the next exercise).
        """
        keep = self.index + 1
        if self._lead_in is not None or plan.steps[:keep] != self.plan.steps[:keep]:
            raise ValueError("a new plan must keep every step up to the current one")
        self.plan = plan

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
        if self._ran_out is not None:
            self._ran_out += shift
        if self._anchor is not None:
            self._anchor.at += shift
        if self._cap is not None:
            self._cap.deadline += shift
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
        """End a set early, or a manual set that waits for the person: it counts as done.

        A rest that ran out and waits for the person ends too (Space and Enter send this).
        """
        if self.waiting:
            return self.ready()
        if not self.step.kind.is_work:
            return []
        return self._leave(Outcome.COMPLETED)

    def ready(self) -> list[Event]:
        """End a waiting rest: the extra time is reported, then the next step begins."""
        if not self.waiting or self._ran_out is None:
            return []
        now = self._now()
        extended = RestExtended(self.step, now - self._ran_out, now)
        return [extended, *self._leave(Outcome.COMPLETED)]

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
        if not self.live or not self.can_change_time() or self._deadline is None:
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
            if self.step.until_ready:
                # Out of rest: sound, then count the extra up until the person is ready.
                self._ran_out, self._deadline = deadline, None
                events.append(RestRanOut(self.step, deadline))
                continue
            cap = self._cap
            if cap is not None and cap.holds(self.step) and deadline >= cap.deadline - EPSILON:
                events.extend(self._capped(deadline))
                if self.finished:
                    return events
                continue
            events.extend(self._end_step(Outcome.COMPLETED, deadline))
            events.extend(self._advance(self._following(Outcome.COMPLETED), deadline))
            if self.finished:
                return events

    # ---- internals -------------------------------------------------------------------------

    def _begin(self, index: int, at: float, lead: float = 0.0) -> StepStarted:
        self.index = index
        self.visit += 1
        self._lead_in = lead_in(self.plan, index, lead) if lead > 0 else None
        self._step_start = at
        self._ran_out = None
        step = self.step
        self._deadline = None if step.duration is None else at + step.duration
        if self._lead_in is None:
            self._deadline = self._clocked_deadline(index, at, self._deadline)
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
        pass_no = 0
        if self._cap is not None and self._cap.holds(self.step):
            pass_no = self._cap.rounds_done + 1
            if self.step.kind.is_work:
                self.tally.looped.append((self.index, pass_no, outcome))
        return [StepEnded(self.step, outcome, at, spent, pass_no)]

    def _leave(self, outcome: Outcome) -> list[Event]:
        if not self.live:
            return []
        now = self._now()
        lead = self._lead_in is not None
        if not lead:
            self._skip_interval(now)
        events = self._end_step(outcome, now)
        if lead:
            events.append(self._begin(self.index, now))
        else:
            events.extend(self._advance(self._following(outcome), now))
        return events

    # ---- EMOM and AMRAP --------------------------------------------------------------------

    def _clocked_deadline(self, index: int, at: float, deadline: float | None) -> float | None:
        """A step's deadline as its block's clock has it (EMOM boundary, AMRAP cap)."""
        step = self.plan.steps[index]
        if step.every is not None:
            if self._anchor is None or self._anchor.block_no != step.block_no:
                self._anchor = Anchor.entering(step, at)
            if step.kind is StepKind.INTERVAL_REST:
                return max(at, self._anchor.boundary(step))
        if step.in_amrap:
            if self._cap is None or not self._cap.holds(step):
                self._cap = Cap.entering(self.plan, index, at)
            cap = self._cap.deadline
            return cap if deadline is None else min(deadline, cap)
        return deadline

    def _skip_interval(self, now: float) -> None:
        """Leaving an EMOM rest early starts the next round now: later rounds keep ``every``
        from there, so the schedule moves earlier by the time skipped (no rest grows)."""
        step = self.step
        if step.kind is StepKind.INTERVAL_REST and self._anchor is not None:
            self._anchor.at -= max(0.0, self._anchor.boundary(step) - now)

    def _emom_end(self) -> tuple[float, float] | None:
        """In an EMOM under way: when its block ends on the clock, and in the plan."""
        step = self.step
        anchor = self._anchor
        if step.every is None or anchor is None or anchor.block_no != step.block_no:
            return None
        last = self.index
        steps = self.plan.steps
        while (
            last + 1 < len(steps)
            and steps[last + 1].block_no == step.block_no
            and steps[last + 1].every is not None
        ):
            last += 1
        return anchor.at + step.rounds * step.every, steps[last].end

    def _following(self, outcome: Outcome) -> int:
        """The step after the current one: the next, or back round an AMRAP's loop."""
        if self._cap is not None and self._cap.holds(self.step):
            return self._cap.passed(self.plan, self.index, outcome is Outcome.COMPLETED)
        return self.index + 1

    def _advance(self, index: int, at: float) -> list[Event]:
        """Begin step ``index`` (or finish); an EMOM interval already over is passed through."""
        steps = self.plan.steps
        while index < len(steps):
            step = steps[index]
            if step.kind is not StepKind.INTERVAL_REST or self._anchor is None:
                return [self._begin(index, at)]
            late = at - self._anchor.boundary(step)
            if late < -EPSILON:
                return [self._begin(index, at)]
            # The work overran its interval: no rest, the next round starts at once.
            self.tally.outcomes[index] = Outcome.COMPLETED
            index += 1
            next_round = (
                index < len(steps)
                and steps[index].block_no == step.block_no
                and steps[index].every is not None
            )
            if late > EPSILON and next_round:
                started = self._begin(index, at)
                return [started, RoundStartedLate(started.step, late, at)]
        return [self._finish(at)]

    def _capped(self, at: float) -> list[Event]:
        """The AMRAP's cap: the step under way ends where it is; the score is kept."""
        cap = self._cap
        assert cap is not None
        step = self.step
        timed_out = step.duration is not None and self._step_start + step.duration <= at + EPSILON
        events = self._end_step(Outcome.COMPLETED if timed_out else Outcome.CAPPED, at)
        if timed_out:
            cap.passed(self.plan, self.index, True)
        score = cap.score()
        self.tally.scores.append(score)
        self._cap = None
        events.append(CapReached(step, score, at))
        events.extend(self._advance(cap.last + 1, at))
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
        return due_events(self.step, self._step_start, self._deadline, after, until)

    def _halfway_at(self) -> float | None:
        return halfway_at(self.step, self._step_start, self._deadline)

    def _next_beat_after(self, now: float) -> float | None:
        return next_beat_after(self.step, self._step_start, now)
