"""A plan's parts: the kinds of step, a step, and the whole timeline (built by plan_build)."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from legtimer.core.progression import Target
from legtimer.core.routine import Exercise, Routine, Section


class StepKind(Enum):
    """What a step is for; the screen maps these to phases."""

    GET_READY = "get ready"
    WARMUP = "warm-up"
    WORK = "work"
    SWITCH = "switch sides"
    REST = "rest"
    REST_AFTER = "rest after exercise"
    ROUND_REST = "rest between rounds"
    INTERVAL_REST = "rest until the next round"
    """EMOM: what is left of a round's interval; it ends on the boundary, not after a length."""
    COOLDOWN = "cool-down"

    @property
    def is_work(self) -> bool:
        """Steps where the person moves (warm-up and cool-down included)."""
        return self in (StepKind.WARMUP, StepKind.WORK, StepKind.COOLDOWN)

    @property
    def is_rest(self) -> bool:
        """Any kind of rest."""
        return self in (
            StepKind.REST,
            StepKind.REST_AFTER,
            StepKind.ROUND_REST,
            StepKind.INTERVAL_REST,
        )


class Side(Enum):
    """Which side of a per-side set."""

    LEFT = "left"
    RIGHT = "right"


class Step(NamedTuple):
    """One stretch of the timeline."""

    plan_index: int
    """Where the step stands in plan.steps (0-based)."""
    kind: StepKind
    duration: float | None
    """Seconds, or None for a manual rep set that waits for "done"."""
    estimate: float
    """Planned seconds: the duration, or the paced estimate of a manual set."""
    start: float
    """Planned start, in seconds from the start of the workout."""
    name: str
    exercise: Exercise
    """The exercise (for a per-set list, this set's own targets); a rest's is the one before it."""
    section: Section
    set_no: int = 0
    sets: int = 0
    side: Side | None = None
    round_no: int = 1
    rounds: int = 1
    exercise_no: int = 0
    """1-based position in its section (n of N); a get-ready has its exercise's."""
    exercise_count: int = 0
    reps: tuple[int, int] | None = None
    seconds_per_rep: float = 0.0
    countdown: int = 3
    halfway: bool = False
    rep_beat: bool = False
    next_up: int | None = None
    """Index of the next step where the person moves, for the next-up panel."""
    target_reps: int | None = None
    """Today's target from progression (None: no target given, the top of the range)."""
    block: str = ""
    """The name of its [[block]]; "" outside blocks."""
    block_no: int = 0
    """1-based position of its block (n of N), 0 outside blocks."""
    block_count: int = 0
    every: float | None = None
    """EMOM: the length of each round's interval."""
    time_cap: float | None = None
    """AMRAP: how long the circuit loops."""
    until_ready: bool = False
    """A rest that, when it runs out, waits for the person and counts the extra up."""
    note: str = ""
    """This set's own note from a per-set list."""

    @property
    def waits_for_user(self) -> bool:
        """A manual set: ends when the person says done."""
        return self.duration is None

    @property
    def is_paced(self) -> bool:
        """A rep set with a beat: reps spread evenly over the step."""
        return self.kind.is_work and self.reps is not None and self.duration is not None

    @property
    def rep_count(self) -> int:
        """Target reps for this step: today's target, else the top of a range."""
        if self.target_reps is not None:
            return self.target_reps
        return self.reps[1] if self.reps else 0

    def reps_text(self) -> str:
        """ "17 of 15-20 reps" with today's target, else as the routine says ("15-20 reps")."""
        text = self.exercise.reps_text()
        if self.target_reps is None or self.reps is None or self.reps[0] == self.reps[1]:
            return text
        return f"{self.target_reps} of {text}"

    @property
    def end(self) -> float:
        """Planned end, in seconds from the start of the workout."""
        return self.start + self.estimate

    @property
    def in_amrap(self) -> bool:
        """Part of an AMRAP's circuit (its rests between AMRAPs are not)."""
        return self.time_cap is not None and (self.kind.is_work or self.kind is StepKind.SWITCH)

    @property
    def clocked(self) -> bool:
        """In an EMOM or AMRAP block, where the block's clock, not the step, sets the pace."""
        return self.every is not None or self.in_amrap


class Plan(NamedTuple):
    """The whole timeline and its planned total."""

    routine: Routine
    steps: tuple[Step, ...]
    targets: tuple[tuple[str, Target], ...] = ()
    """Today's target per rep exercise (name, target), when the plan was given targets."""
    notes: tuple[str, ...] = ()
    """Lines about today for the get-ready screen: swaps ("Squat Jumps instead of ...")."""

    def target(self, exercise: str) -> Target | None:
        """Today's target for an exercise, with last time's reps (for "Last time ... → today")."""
        return dict(self.targets).get(exercise)

    @property
    def total(self) -> float:
        """Planned length in seconds (manual sets estimated from seconds_per_rep)."""
        return self.steps[-1].end if self.steps else 0.0

    def next_up(self, step: Step) -> Step | None:
        """The next step where the person moves, after ``step`` (for the NEXT panel)."""
        return None if step.next_up is None else self.steps[step.next_up]


def lead_in(plan: Plan, index: int, seconds: float) -> Step:
    """A get-ready before ``plan.steps[index]``, for a workout resumed there.

    It is not part of the plan: it shares the target's place (``plan_index``) and points its
    next-up at the target (or at what follows a rest), so the screen and voice say what comes.
    """
    target = plan.steps[index]
    return target._replace(
        kind=StepKind.GET_READY,
        duration=seconds,
        estimate=seconds,
        name="Get ready",
        side=None,
        reps=None,
        halfway=False,
        rep_beat=False,
        next_up=index if target.kind.is_work else target.next_up,
    )
