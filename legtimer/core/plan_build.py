"""How a routine becomes steps: the rules of docs/routines.md, in one walk over its exercises.

Rules (a routine without blocks follows the first four, as it always has):
- A get-ready opens the workout, and another opens the main part after a warm-up.
- Each set is one work step, or first side, switch, second side for per-side work.
- Rest follows each set but the last (a per-set ``rest`` overrides it); rest_after follows an
  exercise's last set; the last exercise of a round but the final one gets
  rest_between_rounds instead. Warm-up and cool-down rest only where they say so.
- A block's final round is followed by its rest_after (else [defaults] rest_after).
- EMOM (``every``): a round's exercises run back to back, then an interval rest fills the round
  to ``every``, so the block lasts exactly rounds x every.
- AMRAP (``time_cap``): one pass of the circuit per AMRAP, rep sets waiting for done; the pass is
  planned to fill the cap (the session loops it until the cap), AMRAPs separated by
  rest_between_rounds.
- Zero-length steps are left out (an EMOM's interval rest is kept: it holds the boundary).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from legtimer.core.progression import Target
from legtimer.core.routine import Block, Exercise, Routine, Section, Settings
from legtimer.core.steps import Side, Step, StepKind

HALFWAY_MIN_SECONDS = 10.0
"""A halfway cue on a step shorter than this would be noise."""

_WORK_KIND = {
    Section.WARMUP: StepKind.WARMUP,
    Section.MAIN: StepKind.WORK,
    Section.COOLDOWN: StepKind.COOLDOWN,
}


class _Item(NamedTuple):
    exercise: Exercise
    section: Section
    round_no: int
    position: int
    total: int
    block: Block | None = None
    block_no: int = 0


def build_plan(routine: Routine, targets: Mapping[str, Target]) -> tuple[Step, ...]:
    """The routine's steps, in order, with planned start times (rep sets at today's targets)."""
    items = _items(routine)
    builder = _Builder(routine, targets)
    for number, item in enumerate(items):
        settings = builder.settings_of(item)
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
        if item.position == 1:
            builder.round_starts()
        builder.exercise(item, settings)
        following = items[number + 1] if number + 1 < len(items) else None
        builder.after_exercise(item, settings, following)
    return builder.finish()


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
    for block_no, block in enumerate(routine.blocks, 1):
        for round_no in range(1, block.rounds + 1):
            out += [
                _Item(ex, Section.MAIN, round_no, i + 1, len(block.exercises), block, block_no)
                for i, ex in enumerate(block.exercises)
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
        """Today's rep target per exercise name, from progression."""
        self.steps: list[Step] = []
        self.clock = 0.0
        self.round_start = (0, 0.0)
        """Where the current round began: (step count, planned time)."""

    def settings_of(self, item: _Item) -> Settings:
        """The exercise's settings; in an EMOM or AMRAP the clock decides, so no rests."""
        settings = item.exercise.settings(self.routine.defaults)
        block = item.block
        if block is None:
            return settings
        if block.clocked:
            manual = True if block.time_cap is not None else settings.manual
            return settings._replace(
                rest=0.0, rest_after=0.0, manual=manual, rest_until_ready=False
            )
        if block.rest_until_ready is not None:
            return settings._replace(rest_until_ready=block.rest_until_ready)
        return settings

    def add(
        self,
        item: _Item,
        kind: StepKind,
        duration: float | None,
        estimate: float,
        settings: Settings,
        name: str = "",
        keep: bool = False,
        **extra: Any,
    ) -> None:
        if estimate <= 0 and not keep:
            return
        block = item.block
        rounds = 1
        if item.section is Section.MAIN:
            rounds = block.rounds if block is not None else self.routine.rounds
        fields: dict[str, Any] = {
            "plan_index": len(self.steps),
            "kind": kind,
            "duration": duration,
            "estimate": max(0.0, estimate),
            "start": self.clock,
            "name": name or item.exercise.name,
            "exercise": item.exercise,
            "section": item.section,
            "sets": item.exercise.sets,
            "round_no": item.round_no,
            "rounds": rounds,
            "exercise_no": item.position,
            "exercise_count": item.total,
            "countdown": settings.countdown,
        }
        if block is not None:
            fields.update(
                block=block.name,
                block_no=item.block_no,
                block_count=len(self.routine.blocks),
                every=block.every,
                time_cap=block.time_cap,
            )
        fields.update(extra)
        step = Step(**fields)
        self.steps.append(step)
        self.clock += step.estimate

    def round_starts(self) -> None:
        self.round_start = (len(self.steps), self.clock)

    def get_ready(self, item: _Item, seconds: float) -> None:
        self.add(
            item,
            StepKind.GET_READY,
            seconds,
            seconds,
            item.exercise.settings(self.routine.defaults),
            name="Get ready",
            set_no=1,
            every=None,
            time_cap=None,
        )

    def exercise(self, item: _Item, settings: Settings) -> None:
        exercise = item.exercise
        kind = _WORK_KIND[item.section]
        first, second = (
            (Side.RIGHT, Side.LEFT)
            if exercise.first_side == "right"
            else (
                Side.LEFT,
                Side.RIGHT,
            )
        )
        sides: list[Side | None] = [first, second] if exercise.per_side else [None]
        for set_no in range(1, exercise.sets + 1):
            target = exercise.as_set(set_no)
            # Progression sets one target for every set; a per-set list keeps its own.
            progress = None if exercise.per_set else self.targets.get(exercise.name)
            if target.duration is not None:
                duration: float | None = target.duration
                estimate = target.duration
            else:
                assert target.reps is not None
                today = target.reps[1] if progress is None else progress.reps
                estimate = today * settings.seconds_per_rep
                duration = None if settings.manual else estimate
            note = exercise.per_set[set_no - 1].note if exercise.per_set else ""
            for side in sides:
                if side is second and exercise.per_side:
                    self.add(
                        item,
                        StepKind.SWITCH,
                        settings.switch_sides,
                        settings.switch_sides,
                        settings,
                        name="Switch sides",
                        set_no=set_no,
                        side=side,
                        exercise=target,
                    )
                self.add(
                    item,
                    kind,
                    duration,
                    estimate,
                    settings,
                    set_no=set_no,
                    side=side,
                    exercise=target,
                    reps=target.reps,
                    seconds_per_rep=settings.seconds_per_rep,
                    halfway=settings.halfway and (duration or 0) >= HALFWAY_MIN_SECONDS,
                    rep_beat=settings.rep_beat and target.reps is not None,
                    note=note,
                    target_reps=None if progress is None else progress.reps,
                )
            if set_no < exercise.sets:
                written = exercise.per_set[set_no - 1].rest if exercise.per_set else None
                rest = self._rest(item, "rest", settings.rest) if written is None else written
                self._rest_step(item, StepKind.REST, rest, settings, "Rest", set_no)

    def after_exercise(self, item: _Item, settings: Settings, following: _Item | None) -> None:
        block = item.block
        ends_round = item.position == item.total
        if block is not None and block.every is not None and ends_round:
            self._interval_rest(item, block.every, settings)
        if block is not None and block.time_cap is not None and ends_round:
            self._fill_cap(block.time_cap)
        if following is None:
            return
        sets = item.exercise.sets
        if block is not None and following.block is not block:
            seconds = (
                self.routine.defaults.rest_after if block.rest_after is None else block.rest_after
            )
            self._rest_step(
                item,
                StepKind.REST_AFTER,
                seconds,
                settings,
                "Rest",
                sets,
                every=None,
                time_cap=None,
            )
            return
        if (
            item.section is Section.MAIN
            and following.section is Section.MAIN
            and following.round_no != item.round_no
        ):
            seconds = (
                self.routine.rest_between_rounds if block is None else block.rest_between_rounds
            )
            if block is None or block.every is None:
                self._rest_step(
                    item, StepKind.ROUND_REST, seconds, settings, "Rest between rounds", sets
                )
            return
        seconds = self._rest(item, "rest_after", settings.rest_after)
        self._rest_step(item, StepKind.REST_AFTER, seconds, settings, "Rest", sets)

    def _rest_step(
        self,
        item: _Item,
        kind: StepKind,
        seconds: float,
        settings: Settings,
        name: str,
        set_no: int,
        **extra: Any,
    ) -> None:
        if settings.rest_until_ready:
            extra["until_ready"] = True
        self.add(item, kind, seconds, seconds, settings, name=name, set_no=set_no, **extra)

    def _interval_rest(self, item: _Item, every: float, settings: Settings) -> None:
        """Fill the EMOM round to ``every``: kept even at zero, it holds the next boundary."""
        left = self.round_start[1] + every - self.clock
        self.add(
            item,
            StepKind.INTERVAL_REST,
            left,
            left,
            settings,
            name="Rest until the next round",
            keep=True,
            set_no=item.exercise.sets,
        )

    def _fill_cap(self, cap: float) -> None:
        """Stretch one AMRAP pass to fill its cap: the session loops it until the cap."""
        first, began = self.round_start
        spent = self.clock - began
        scale = cap / spent if spent > 0 else 1.0
        at = began
        for index in range(first, len(self.steps)):
            estimate = self.steps[index].estimate * scale
            self.steps[index] = self.steps[index]._replace(start=at, estimate=estimate)
            at += estimate
        self.clock = began + cap

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
