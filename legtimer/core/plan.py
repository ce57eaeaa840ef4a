"""Routine -> Plan: the ordered timeline of steps a session walks.

Rules the plan follows (documented in docs/routines.md):
- A get-ready countdown opens the workout, and another opens the main block after a warm-up.
- Each set is one work step, or left side, switch, right side for per-side work.
- Rest follows each set but the last; rest_after follows an exercise's last set; the last
  exercise of a round but the final one gets rest_between_rounds instead.
- Warm-up and cool-down items flow into each other: they rest only where they say so.
- Zero-length steps are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import NamedTuple

from legtimer.core.progression import Target
from legtimer.core.routine import Exercise, Routine, Section, Settings

HALFWAY_MIN_SECONDS = 10.0
"""A halfway cue on a step shorter than this would be noise."""


class StepKind(Enum):
    """What a step is for; the screen maps these to phases."""

    GET_READY = "get ready"
    WARMUP = "warm-up"
    WORK = "work"
    SWITCH = "switch sides"
    REST = "rest"
    REST_AFTER = "rest after exercise"
    ROUND_REST = "rest between rounds"
    COOLDOWN = "cool-down"

    @property
    def is_work(self) -> bool:
        """Steps where the person moves (warm-up and cool-down included)."""
        return self in (StepKind.WARMUP, StepKind.WORK, StepKind.COOLDOWN)

    @property
    def is_rest(self) -> bool:
        """Any of the three kinds of rest."""
        return self in (StepKind.REST, StepKind.REST_AFTER, StepKind.ROUND_REST)


class Side(Enum):
    """Which side of a per-side set."""

    LEFT = "left"
    RIGHT = "right"


_WORK_KIND = {
    Section.WARMUP: StepKind.WARMUP,
    Section.MAIN: StepKind.WORK,
    Section.COOLDOWN: StepKind.COOLDOWN,
}


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
    exercise: Exercise | None
    section: Section
    set_no: int = 0
    sets: int = 0
    side: Side | None = None
    round_no: int = 1
    rounds: int = 1
    exercise_no: int = 0
    """1-based position in its section (n of N), 0 for get-ready."""
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
        if self.exercise is None:
            return ""
        text = self.exercise.reps_text()
        if self.target_reps is None or self.reps is None or self.reps[0] == self.reps[1]:
            return text
        return f"{self.target_reps} of {text}"

    @property
    def end(self) -> float:
        """Planned end, in seconds from the start of the workout."""
        return self.start + self.estimate


class Plan(NamedTuple):
    """The whole timeline and its planned total."""

    routine: Routine
    steps: tuple[Step, ...]
    targets: tuple[tuple[str, Target], ...] = ()
    """Today's target per rep exercise (name, target), when the plan was given targets."""

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


class _Item(NamedTuple):
    exercise: Exercise
    section: Section
    round_no: int
    position: int
    total: int


def compile_plan(routine: Routine, targets: Mapping[str, Target] | None = None) -> Plan:
    """Expand a routine into its steps, in order, with planned start times.

    Args:
        routine: what to run.
        targets: today's rep target per exercise name (:func:`legtimer.core.targets.
            todays_targets`); rep sets are paced and logged at it. None: the top of each range.
    """
    items = _items(routine)
    builder = _Builder(routine, targets or {})
    for number, item in enumerate(items):
        settings = item.exercise.settings(routine.defaults)
        if (
            number == 0
            or item.exercise.overrides.get_ready is not None
            or (
                item.section is Section.MAIN
                and items[number - 1].section is Section.WARMUP
                and item.round_no == 1
                and item.position == 1
            )
        ):
            builder.get_ready(item, settings.get_ready)
        builder.exercise(item, settings)
        if number + 1 < len(items):
            builder.after_exercise(item, settings, items[number + 1])
    return Plan(routine, builder.finish(), tuple((targets or {}).items()))


def _items(routine: Routine) -> list[_Item]:
    out = [
        _Item(ex, Section.WARMUP, 1, i + 1, len(routine.warmup))
        for i, ex in enumerate(routine.warmup)
    ]
    for round_no in range(1, routine.rounds + 1):
        out += [
            _Item(ex, Section.MAIN, round_no, i + 1, len(routine.exercises))
            for i, ex in enumerate(routine.exercises)
        ]
    out += [
        _Item(ex, Section.COOLDOWN, 1, i + 1, len(routine.cooldown))
        for i, ex in enumerate(routine.cooldown)
    ]
    return out


class _Builder:
    """Appends steps, skipping zero-length ones, and fixes up indexes and next-up at the end."""

    def __init__(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        self.routine = routine
        self.targets = targets
        self.steps: list[Step] = []
        self.clock = 0.0

    def add(
        self,
        item: _Item,
        kind: StepKind,
        duration: float | None,
        estimate: float,
        settings: Settings,
        name: str = "",
        **extra: object,
    ) -> None:
        if estimate <= 0:
            return
        rounds = self.routine.rounds if item.section is Section.MAIN else 1
        step = Step(
            plan_index=len(self.steps),
            kind=kind,
            duration=duration,
            estimate=estimate,
            start=self.clock,
            name=name or item.exercise.name,
            exercise=item.exercise,
            section=item.section,
            sets=item.exercise.sets,
            round_no=item.round_no,
            rounds=rounds,
            exercise_no=item.position,
            exercise_count=item.total,
            countdown=settings.countdown,
            **extra,  # type: ignore[arg-type]
        )
        self.steps.append(step)
        self.clock += estimate

    def get_ready(self, item: _Item, seconds: float) -> None:
        self.add(
            item,
            StepKind.GET_READY,
            seconds,
            seconds,
            item.exercise.settings(self.routine.defaults),
            name="Get ready",
            set_no=1,
        )

    def exercise(self, item: _Item, settings: Settings) -> None:
        exercise = item.exercise
        kind = _WORK_KIND[item.section]
        target: Target | None = None
        if exercise.duration is not None:
            duration: float | None = exercise.duration
            estimate = exercise.duration
        else:
            assert exercise.reps is not None
            target = self.targets.get(exercise.name)
            today = exercise.reps[1] if target is None else target.reps
            estimate = today * settings.seconds_per_rep
            duration = None if settings.manual else estimate
        sides: list[Side | None] = [Side.LEFT, Side.RIGHT] if exercise.per_side else [None]
        for set_no in range(1, exercise.sets + 1):
            for side in sides:
                if side is Side.RIGHT:
                    self.add(
                        item,
                        StepKind.SWITCH,
                        settings.switch_sides,
                        settings.switch_sides,
                        settings,
                        name="Switch sides",
                        set_no=set_no,
                        side=side,
                    )
                self.add(
                    item,
                    kind,
                    duration,
                    estimate,
                    settings,
                    set_no=set_no,
                    side=side,
                    reps=exercise.reps,
                    seconds_per_rep=settings.seconds_per_rep,
                    halfway=settings.halfway and (duration or 0) >= HALFWAY_MIN_SECONDS,
                    rep_beat=settings.rep_beat and exercise.reps is not None,
                    target_reps=None if target is None else target.reps,
                )
            if set_no < exercise.sets:
                rest = self._rest(item, "rest", settings.rest)
                self.add(item, StepKind.REST, rest, rest, settings, name="Rest", set_no=set_no)

    def after_exercise(self, item: _Item, settings: Settings, following: _Item) -> None:
        ends_round = (
            item.section is Section.MAIN
            and following.section is Section.MAIN
            and following.round_no != item.round_no
        )
        if ends_round:
            seconds = self.routine.rest_between_rounds
            self.add(
                item,
                StepKind.ROUND_REST,
                seconds,
                seconds,
                settings,
                name="Rest between rounds",
                set_no=item.exercise.sets,
            )
            return
        seconds = self._rest(item, "rest_after", settings.rest_after)
        self.add(
            item,
            StepKind.REST_AFTER,
            seconds,
            seconds,
            settings,
            name="Rest",
            set_no=item.exercise.sets,
        )

    def _rest(self, item: _Item, key: str, seconds: float) -> float:
        """Warm-up and cool-down rest only where the item itself asks to."""
        if item.section is Section.MAIN or item.exercise.overrides.is_set(key):
            return seconds
        return 0.0

    def finish(self) -> tuple[Step, ...]:
        out: list[Step] = []
        following: int | None = None
        for step in reversed(self.steps):
            out.append(step._replace(next_up=following))
            if step.kind.is_work:
                following = step.plan_index
        return tuple(reversed(out))
