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

from legtimer.core.plan_rows import (
    AT,
    BLANK,
    BLOCK,
    BLOCK_COUNT,
    BLOCK_NO,
    COUNTDOWN,
    DURATION,
    ESTIMATE,
    EVERY,
    EXERCISE,
    EXERCISE_COUNT,
    EXERCISE_NO,
    HALFWAY,
    KIND,
    NAME,
    NOTE,
    REP_BEAT,
    REPS,
    ROUND_NO,
    ROUNDS,
    SECONDS_PER_REP,
    SECTION,
    SET_NO,
    SETS,
    SIDE,
    START,
    TARGET_REPS,
    TIME_CAP,
    Slot,
    Timeline,
)
from legtimer.core.progression import Target
from legtimer.core.routine import Block, Exercise, Routine, Section, Settings
from legtimer.core.steps import Side, Step, StepKind

HALFWAY_MIN_SECONDS = 10.0
"""A halfway cue on a step shorter than this would be noise."""


class _Item(NamedTuple):
    exercise: Exercise
    section: Section
    round_no: int
    position: int
    total: int
    slot: Slot
    block: Block | None = None
    block_no: int = 0


def build_plan(routine: Routine, targets: Mapping[str, Target]) -> tuple[Step, ...]:
    """The routine's steps, in order, with planned start times (rep sets at today's targets)."""
    items = _items(routine)
    builder = _Builder(routine, targets)
    for number, item in enumerate(items):
        slot = item.slot
        inside = item.position < item.total
        if inside and item.round_no > 1 and slot.whole is not None:
            # Inside a round (not its last exercise) every round is the first again.
            if item.position == 1:
                builder.round_starts()
            builder.replay(slot.whole, item.round_no)
            continue
        first = len(builder.steps)
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
            inside = False  # its own get-ready: not to be replayed
        if item.position == 1:
            builder.round_starts()
        builder.exercise(item, settings)
        following = items[number + 1] if number + 1 < len(items) else None
        builder.after_exercise(item, settings, following)
        if inside:
            slot.whole = builder.steps[first:]
    return builder.finish()


def _items(routine: Routine) -> list[_Item]:
    out = [
        _Item(ex, Section.WARMUP, 1, i + 1, len(routine.warmup), Slot())
        for i, ex in enumerate(routine.warmup)
    ]
    slots = [Slot() for _ in routine.exercises]
    for round_no in range(1, routine.rounds + 1):
        out += [
            _Item(ex, Section.MAIN, round_no, i + 1, len(routine.exercises), slots[i])
            for i, ex in enumerate(routine.exercises)
        ]
    for block_no, block in enumerate(routine.blocks, 1):
        slots = [Slot() for _ in block.exercises]
        for round_no in range(1, block.rounds + 1):
            count = len(block.exercises)
            out += [
                _Item(ex, Section.MAIN, round_no, i + 1, count, slots[i], block, block_no)
                for i, ex in enumerate(block.exercises)
            ]
    out += [
        _Item(ex, Section.COOLDOWN, 1, i + 1, len(routine.cooldown), Slot())
        for i, ex in enumerate(routine.cooldown)
    ]
    return out


class _Builder(Timeline):
    """Places the steps the rules call for, as rows, skipping zero-length ones."""

    def __init__(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        super().__init__()
        self.routine = routine
        self.targets = targets
        """Today's rep target per exercise name, from progression."""
        self.round_start = (0, 0.0)
        """Where the current round began: (step count, planned time)."""
        self._item: _Item | None = None
        self._shared: list[Any] = BLANK
        """The fields every step of ``_item`` has."""
        self._clocked: dict[tuple[bool, Settings], Settings] = {}
        """Settings as an EMOM or AMRAP block changes them, per (AMRAP?, settings)."""

    def settings_of(self, item: _Item) -> Settings:
        """The exercise's settings; in an EMOM or AMRAP the clock decides, so no rests."""
        settings = item.slot.settings
        if settings is None:
            settings = item.slot.settings = self._settings_of(item)
        return settings

    def _settings_of(self, item: _Item) -> Settings:
        settings = item.exercise.settings(self.routine.defaults)
        block = item.block
        if block is None:
            return settings
        if block.clocked:
            key = (block.time_cap is not None, settings)
            clocked = self._clocked.get(key)
            if clocked is None:
                manual = True if block.time_cap is not None else settings.manual
                clocked = settings._replace(
                    rest=0.0, rest_after=0.0, manual=manual, rest_until_ready=False
                )
                self._clocked[key] = clocked
            return clocked
        if block.rest_until_ready is not None:
            return settings._replace(rest_until_ready=block.rest_until_ready)
        return settings

    def shared(self, item: _Item, settings: Settings) -> list[Any]:
        """The fields every step of ``item`` has (made once per item)."""
        if item is self._item:
            return self._shared
        row = item.slot.shared
        if row is None:
            row = item.slot.shared = self._shared_by_all(item, settings)
        if row[ROUND_NO] != item.round_no:
            row = row.copy()
            row[ROUND_NO] = item.round_no
        self._item, self._shared = item, row
        return row

    def _shared_by_all(self, item: _Item, settings: Settings) -> list[Any]:
        exercise, block = item.exercise, item.block
        row = BLANK.copy()
        row[NAME] = exercise.name
        row[EXERCISE] = exercise
        row[SECTION] = item.section
        row[SETS] = exercise.sets
        row[ROUND_NO] = item.round_no
        if item.section is Section.MAIN:
            row[ROUNDS] = block.rounds if block is not None else self.routine.rounds
        else:
            row[ROUNDS] = 1
        row[EXERCISE_NO] = item.position
        row[EXERCISE_COUNT] = item.total
        row[COUNTDOWN] = settings.countdown
        if block is not None:
            row[BLOCK] = block.name
            row[BLOCK_NO] = item.block_no
            row[BLOCK_COUNT] = len(self.routine.blocks)
            row[EVERY] = block.every
            row[TIME_CAP] = block.time_cap
        return row

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
        row = self.shared(item, settings).copy()
        row[KIND] = kind
        row[DURATION] = duration
        row[ESTIMATE] = max(0.0, estimate)
        if name:
            row[NAME] = name
        for key, value in extra.items():
            row[AT[key]] = value
        self.place(row)

    def _repeat(self, row: list[Any], set_no: int, side: Side | None) -> None:
        """A copy of ``row`` as set ``set_no`` (on ``side``), unless it lasts no time."""
        if row[ESTIMATE] > 0:
            row = row.copy()
            row[SET_NO] = set_no
            row[SIDE] = side
            self.place(row)

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
        """The sets of ``item`` and the rests between them."""
        done = item.slot.sets
        if done is not None:
            self.replay(done, item.round_no)
            return
        first = len(self.steps)
        self._sets(item, settings)
        item.slot.sets = self.steps[first:]

    def _sets(self, item: _Item, settings: Settings) -> None:
        exercise = item.exercise
        section = item.section
        if section is Section.MAIN:
            kind = StepKind.WORK
        else:
            kind = StepKind.WARMUP if section is Section.WARMUP else StepKind.COOLDOWN
        first, second = (
            (Side.RIGHT, Side.LEFT) if exercise.first_side == "right" else (Side.LEFT, Side.RIGHT)
        )
        per_set, per_side = exercise.per_set, exercise.per_side
        # Progression sets one target for every set; a per-set list keeps its own.
        progress = None if per_set else self.targets.get(exercise.name)
        work = switch = BLANK
        for set_no in range(1, exercise.sets + 1):
            if set_no == 1 or per_set:
                work, switch = self._set_rows(item, kind, set_no, settings, progress)
            if per_side:
                self._repeat(work, set_no, first)
                self._repeat(switch, set_no, second)
                self._repeat(work, set_no, second)
            else:
                self._repeat(work, set_no, None)
            if set_no < exercise.sets:
                written = per_set[set_no - 1].rest if per_set else None
                rest = self._rest(item, "rest", settings.rest) if written is None else written
                self._rest_step(item, StepKind.REST, rest, settings, "Rest", set_no)

    def _set_rows(
        self,
        item: _Item,
        kind: StepKind,
        set_no: int,
        settings: Settings,
        progress: Target | None,
    ) -> tuple[list[Any], list[Any]]:
        """The work step and the switch step of set ``set_no``, without set number and side."""
        exercise = item.exercise
        target = exercise.as_set(set_no)
        if target.duration is not None:
            duration: float | None = target.duration
            estimate = target.duration
        else:
            assert target.reps is not None
            today = target.reps[1] if progress is None else progress.reps
            estimate = today * settings.seconds_per_rep
            duration = None if settings.manual else estimate
        shared = self.shared(item, settings)
        work = shared.copy()
        work[KIND] = kind
        work[DURATION] = duration
        work[ESTIMATE] = estimate
        work[EXERCISE] = target
        work[REPS] = target.reps
        work[SECONDS_PER_REP] = settings.seconds_per_rep
        work[HALFWAY] = settings.halfway and (duration or 0) >= HALFWAY_MIN_SECONDS
        work[REP_BEAT] = settings.rep_beat and target.reps is not None
        work[NOTE] = exercise.per_set[set_no - 1].note if exercise.per_set else ""
        work[TARGET_REPS] = None if progress is None else progress.reps
        if not exercise.per_side:
            return work, BLANK
        switch = shared.copy()
        switch[KIND] = StepKind.SWITCH
        switch[DURATION] = switch[ESTIMATE] = settings.switch_sides
        switch[NAME] = "Switch sides"
        switch[EXERCISE] = target
        return work, switch

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
        between_rounds = (
            item.section is Section.MAIN
            and following.section is Section.MAIN
            and following.round_no != item.round_no
        )
        slot = item.slot
        done = slot.round_rest if between_rounds else slot.rest_after
        if done is not None:
            self.replay(done, item.round_no)
            return
        first = len(self.steps)
        if between_rounds:
            seconds = (
                self.routine.rest_between_rounds if block is None else block.rest_between_rounds
            )
            if block is None or block.every is None:
                self._rest_step(
                    item, StepKind.ROUND_REST, seconds, settings, "Rest between rounds", sets
                )
        else:
            seconds = self._rest(item, "rest_after", settings.rest_after)
            self._rest_step(item, StepKind.REST_AFTER, seconds, settings, "Rest", sets)
        if between_rounds:
            slot.round_rest = self.steps[first:]
        else:
            slot.rest_after = self.steps[first:]

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
            name=(
                "Rest to the end of the EMOM"
                if item.block is not None and item.round_no == item.block.rounds
                else "Rest until the next round"
            ),
            keep=True,
            set_no=item.exercise.sets,
        )

    def _fill_cap(self, cap: float) -> None:
        """Stretch one AMRAP pass to fill its cap: the session loops it until the cap."""
        first, began = self.round_start
        spent = self.clock - began
        scale = cap / spent if spent > 0 else 1.0
        at = began
        steps = self.steps
        for index in range(first, len(steps)):
            # A copy: the rows as placed may be replayed in a later round.
            row = steps[index] = steps[index].copy()
            row[START] = at
            row[ESTIMATE] = estimate = row[ESTIMATE] * scale
            at += estimate
        self.clock = began + cap

    def _rest(self, item: _Item, key: str, seconds: float) -> float:
        """Warm-up and cool-down rest only where the item itself asks to."""
        if item.section is Section.MAIN or item.exercise.overrides.is_set(key):
            return seconds
        return 0.0
