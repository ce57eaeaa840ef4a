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
    UNTIL_READY,
    Slot,
    Timeline,
)
from legtimer.core.progression import Target
from legtimer.core.routine import Block, Exercise, Routine, Section, Settings
from legtimer.core.steps import Side, Step, StepKind

HALFWAY_MIN_SECONDS = 10.0
"""A halfway cue on a step shorter than this would be noise."""


class _Group(NamedTuple):
    """Exercises done together, round after round: the warm-up, the main list, a block, the
    cool-down."""

    section: Section
    rounds: int
    slots: list[Slot]
    get_ready: bool
    """It opens with a get-ready: it opens the workout, or the main part after a warm-up."""


def build_plan(routine: Routine, targets: Mapping[str, Target]) -> tuple[Step, ...]:
    """The routine's steps, in order, with planned start times (rep sets at today's targets)."""
    builder = _Builder(routine, targets)
    groups = builder.groups()
    for number, group in enumerate(groups):
        slots, rounds = group.slots, group.rounds
        after = (groups[number + 1].slots[0], 1) if number + 1 < len(groups) else None
        for round_no in range(1, rounds + 1):
            for slot in slots:
                position = slot.position
                inside = position < slot.total
                if inside and round_no > 1 and slot.whole is not None:
                    # Inside a round (not its last exercise) every round is the first again.
                    if position == 1:
                        builder.round_starts()
                    builder.replay(slot.whole, round_no)
                    continue
                first = len(builder.steps)
                builder.begin(slot, round_no)
                own_get_ready = slot.exercise.overrides.get_ready is not None
                if own_get_ready or (group.get_ready and round_no == 1 and position == 1):
                    builder.get_ready()
                    inside = False  # its own get-ready: not to be replayed
                if position == 1:
                    builder.round_starts()
                builder.exercise()
                if position < slot.total:
                    builder.after_exercise((slots[position], round_no))
                elif round_no < rounds:
                    builder.after_exercise((slots[0], round_no + 1))
                else:
                    builder.after_exercise(after)
                if inside:
                    slot.whole = builder.steps[first:]
    return builder.finish()


class _Builder(Timeline):
    """Places the steps the rules call for, as rows, skipping zero-length ones.

    It works on one exercise in one round at a time (:meth:`begin`): the methods below place
    that item's steps.
    """

    def __init__(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        super().__init__()
        self.routine = routine
        self.targets = targets
        """Today's rep target per exercise name, from progression."""
        self.round_start = (0, 0.0)
        """Where the current round began: (step count, planned time)."""
        self.slot = Slot(Exercise(""), Section.MAIN, 0, 0, None, routine.defaults, BLANK)
        """The exercise being placed, where it stands."""
        self.round_no = 0
        """The round of it being placed."""
        self._shared: list[Any] | None = None
        """The fields every step of the current item has, once asked for."""
        self._clocked: dict[tuple[bool, Settings], Settings] = {}
        """Settings as an EMOM or AMRAP block changes them, per (AMRAP?, settings)."""

    def groups(self) -> list[_Group]:
        """The routine's groups that have exercises to do, in order."""
        routine = self.routine
        plain = (
            (routine.warmup, Section.WARMUP, 1, None, 0),
            (routine.exercises, Section.MAIN, routine.rounds, None, 0),
        )
        blocks = (
            (block.exercises, Section.MAIN, block.rounds, block, number)
            for number, block in enumerate(routine.blocks, 1)
        )
        out: list[_Group] = []
        for exercises, section, rounds, block, block_no in (
            *plain,
            *blocks,
            (routine.cooldown, Section.COOLDOWN, 1, None, 0),
        ):
            if not exercises or rounds < 1:
                continue
            shared = BLANK.copy()
            shared[SECTION] = section
            shared[ROUNDS] = rounds if section is Section.MAIN else 1
            if block is not None:
                shared[BLOCK] = block.name
                shared[BLOCK_NO] = block_no
                shared[BLOCK_COUNT] = len(routine.blocks)
                shared[EVERY] = block.every
                shared[TIME_CAP] = block.time_cap
            shared[EXERCISE_COUNT] = total = len(exercises)
            slots = [
                self._slot(exercise, section, position, total, block, shared)
                for position, exercise in enumerate(exercises, 1)
            ]
            opens = not out or (section is Section.MAIN and out[-1].section is Section.WARMUP)
            out.append(_Group(section, rounds, slots, opens))
        return out

    def _slot(
        self,
        exercise: Exercise,
        section: Section,
        position: int,
        total: int,
        block: Block | None,
        group_row: list[Any],
    ) -> Slot:
        settings = self._settings_of(exercise, block)
        row = group_row.copy()
        row[NAME] = exercise.name
        row[EXERCISE] = exercise
        row[SETS] = exercise.sets
        row[ROUND_NO] = 1
        row[EXERCISE_NO] = position
        row[COUNTDOWN] = settings.countdown
        return Slot(exercise, section, position, total, block, settings, row)

    def _settings_of(self, exercise: Exercise, block: Block | None) -> Settings:
        """The exercise's settings; in an EMOM or AMRAP the clock decides, so no rests."""
        settings = exercise.settings(self.routine.defaults)
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

    def begin(self, slot: Slot, round_no: int) -> None:
        """Start placing ``slot`` in round ``round_no``."""
        self.slot, self.round_no, self._shared = slot, round_no, None

    def shared(self) -> list[Any]:
        """The fields every step of the current item has (made once per item)."""
        row = self._shared
        if row is None:
            row = self.slot.shared
            if self.round_no != 1:
                row = row.copy()
                row[ROUND_NO] = self.round_no
            self._shared = row
        return row

    def add(
        self,
        kind: StepKind,
        seconds: float,
        name: str,
        set_no: int,
        keep: bool = False,
        until_ready: bool = False,
        unclocked: bool = False,
    ) -> None:
        """A step of ``seconds`` (left out at zero unless ``keep``) that is not a set's work.

        Args:
            until_ready: a rest that waits for the person when it runs out.
            unclocked: outside its block's EMOM or AMRAP clock (a get-ready, the rest after).
        """
        if seconds <= 0 and not keep:
            return
        row = self.shared().copy()
        row[KIND] = kind
        row[DURATION] = seconds
        row[ESTIMATE] = max(0.0, seconds)
        row[NAME] = name
        row[SET_NO] = set_no
        if until_ready:
            row[UNTIL_READY] = True
        if unclocked:
            row[EVERY] = row[TIME_CAP] = None
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

    def get_ready(self) -> None:
        seconds = self.slot.settings.get_ready
        self.add(StepKind.GET_READY, seconds, "Get ready", 1, unclocked=True)

    def exercise(self) -> None:
        """The sets of the current item and the rests between them."""
        slot = self.slot
        done = slot.sets
        if done is not None:
            self.replay(done, self.round_no)
            return
        first = len(self.steps)
        self._sets(slot.settings)
        slot.sets = self.steps[first:]

    def _sets(self, settings: Settings) -> None:
        slot = self.slot
        exercise = slot.exercise
        section = slot.section
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
                work, switch = self._set_rows(kind, set_no, settings, progress)
            if per_side:
                self._repeat(work, set_no, first)
                self._repeat(switch, set_no, second)
                self._repeat(work, set_no, second)
            else:
                self._repeat(work, set_no, None)
            if set_no < exercise.sets:
                written = per_set[set_no - 1].rest if per_set else None
                rest = self._rest("rest", settings.rest) if written is None else written
                self._rest_step(StepKind.REST, rest, settings, "Rest", set_no)

    def _set_rows(
        self,
        kind: StepKind,
        set_no: int,
        settings: Settings,
        progress: Target | None,
    ) -> tuple[list[Any], list[Any]]:
        """The work step and the switch step of set ``set_no``, without set number and side."""
        exercise = self.slot.exercise
        target = exercise.as_set(set_no)
        if target.duration is not None:
            duration: float | None = target.duration
            estimate = target.duration
        else:
            assert target.reps is not None
            today = target.reps[1] if progress is None else progress.reps
            estimate = today * settings.seconds_per_rep
            duration = None if settings.manual else estimate
        shared = self.shared()
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

    def after_exercise(self, following: tuple[Slot, int] | None) -> None:
        """What comes after the current item's last set: a rest, a round's end, a block's end.

        Args:
            following: the next exercise and its round; None after the last.
        """
        slot, round_no = self.slot, self.round_no
        settings = slot.settings
        block = slot.block
        ends_round = slot.position == slot.total
        if block is not None and block.every is not None and ends_round:
            self._interval_rest(block.every, block.rounds)
        if block is not None and block.time_cap is not None and ends_round:
            self._fill_cap(block.time_cap)
        if following is None:
            return
        sets = slot.exercise.sets
        if block is not None and following[0].block is not block:
            seconds = (
                self.routine.defaults.rest_after if block.rest_after is None else block.rest_after
            )
            self._rest_step(StepKind.REST_AFTER, seconds, settings, "Rest", sets, unclocked=True)
            return
        between_rounds = (
            slot.section is Section.MAIN
            and following[0].section is Section.MAIN
            and following[1] != round_no
        )
        done = slot.round_rest if between_rounds else slot.rest_after
        if done is not None:
            self.replay(done, round_no)
            return
        first = len(self.steps)
        if between_rounds:
            seconds = (
                self.routine.rest_between_rounds if block is None else block.rest_between_rounds
            )
            if block is None or block.every is None:
                self._rest_step(StepKind.ROUND_REST, seconds, settings, "Rest between rounds", sets)
        else:
            seconds = self._rest("rest_after", settings.rest_after)
            self._rest_step(StepKind.REST_AFTER, seconds, settings, "Rest", sets)
        if between_rounds:
            slot.round_rest = self.steps[first:]
        else:
            slot.rest_after = self.steps[first:]

    def _rest_step(
        self,
        kind: StepKind,
        seconds: float,
        settings: Settings,
        name: str,
        set_no: int,
        unclocked: bool = False,
    ) -> None:
        self.add(
            kind,
            seconds,
            name,
            set_no,
            until_ready=settings.rest_until_ready,
            unclocked=unclocked,
        )

    def _interval_rest(self, every: float, rounds: int) -> None:
        """Fill the EMOM round to ``every``: kept even at zero, it holds the next boundary."""
        left = self.round_start[1] + every - self.clock
        self.add(
            StepKind.INTERVAL_REST,
            left,
            (
                "Rest to the end of the EMOM"
                if self.round_no == rounds
                else "Rest until the next round"
            ),
            self.slot.exercise.sets,
            keep=True,
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

    def _rest(self, key: str, seconds: float) -> float:
        """Warm-up and cool-down rest only where the item itself asks to."""
        slot = self.slot
        if slot.section is Section.MAIN or slot.exercise.overrides.is_set(key):
            return seconds
        return 0.0
