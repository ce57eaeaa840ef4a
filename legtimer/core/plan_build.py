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
from legtimer.core.routine import Block, Exercise, Overrides, Routine, Section, Settings
from legtimer.core.steps import Side, Step, StepKind

HALFWAY_MIN_SECONDS = 10.0
"""A halfway cue on a step shorter than this would be noise."""


class _Group(NamedTuple):
    """Exercises done together, round after round: the warm-up, the main list, a block, the
    cool-down."""

    section: Section
    work: StepKind
    """The kind of its sets' steps: warm-up, work or cool-down."""
    block: Block | None
    rounds: int
    slots: list[Slot]
    get_ready: bool
    """It opens with a get-ready: it opens the workout, or the main part after a warm-up."""


def build_plan(routine: Routine, targets: Mapping[str, Target]) -> tuple[Step, ...]:
    """The routine's steps, in order, with planned start times (rep sets at today's targets)."""
    builder = _Builder(routine, targets)
    groups = builder.groups()
    for number, group in enumerate(groups):
        builder.place_group(group, groups[number + 1] if number + 1 < len(groups) else None)
        builder.settle()
    return builder.finish()


class _Builder(Timeline):
    """Places the steps the rules call for, as rows, skipping zero-length ones.

    It places one group at a time (:meth:`place_group`), and in it one exercise in one round at a
    time: ``slot`` and ``round_no`` say which, and the methods below place its steps.
    """

    def __init__(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        super().__init__()
        self.routine = routine
        self.targets = targets
        """Today's rep target per exercise name, from progression."""
        self.round_start = (0, 0.0)
        """Where the current round began: (step count, planned time)."""
        self.group = _Group(Section.MAIN, StepKind.WORK, None, 0, [], False)
        """The group being placed."""
        self.slot = Slot(Exercise(""), routine.defaults, BLANK)
        """The exercise being placed, where it stands."""
        self.round_no = 0
        """The round of it being placed."""
        self._settings_by_rules: dict[tuple[object, ...], dict[Overrides, Settings]] = {}
        """Exercise settings per group rules (section, block clock) and exercise overrides."""

    def groups(self) -> list[_Group]:
        """The routine's groups that have exercises to do, in order, with their slots."""
        routine = self.routine
        blocks = (
            (block.exercises, Section.MAIN, block.rounds, block, number)
            for number, block in enumerate(routine.blocks, 1)
        )
        out: list[_Group] = []
        for exercises, section, rounds, block, block_no in (
            (routine.warmup, Section.WARMUP, 1, None, 0),
            (routine.exercises, Section.MAIN, routine.rounds, None, 0),
            *blocks,
            (routine.cooldown, Section.COOLDOWN, 1, None, 0),
        ):
            if not exercises or rounds < 1:
                continue
            shared = BLANK.copy()
            shared[SECTION] = section
            shared[ROUNDS] = rounds if section is Section.MAIN else 1
            shared[ROUND_NO] = 1
            shared[EXERCISE_COUNT] = len(exercises)
            if block is not None:
                shared[BLOCK] = block.name
                shared[BLOCK_NO] = block_no
                shared[BLOCK_COUNT] = len(routine.blocks)
                shared[EVERY] = block.every
                shared[TIME_CAP] = block.time_cap
            # Exercises that override nothing (most) share their settings, here and in every
            # group with the same rules.
            rules = (
                (section,)
                if block is None
                else (section, block.every, block.time_cap, block.rest_until_ready)
            )
            settings = self._settings_by_rules.setdefault(rules, {})
            slots = []
            for position, exercise in enumerate(exercises, 1):
                overrides = exercise.overrides
                own = settings.get(overrides)
                if own is None:
                    own = settings[overrides] = self._settings(exercise, section, block)
                row = shared.copy()
                row[NAME] = exercise.name
                row[EXERCISE] = exercise
                row[SETS] = exercise.sets
                row[EXERCISE_NO] = position
                row[COUNTDOWN] = own.countdown
                slots.append(Slot(exercise, own, row))
            opens = not out or (section is Section.MAIN and out[-1].section is Section.WARMUP)
            work = _WORK[section]
            out.append(_Group(section, work, block, rounds, slots, opens))
        return out

    def place_group(self, group: _Group, following: _Group | None) -> None:
        """Every round of ``group``; ``following`` is the group after it (None: the last).

        The first round is worked out exercise by exercise. Every later round does the same
        sets and rests (only its number, place and start differ), so it replays them, and
        only what ends a round is worked out again: an EMOM's rest to its next minute, an
        AMRAP's stretch to its cap, the rest before the next round or what follows.
        """
        self.group = group
        slots = group.slots
        first, last = slots[0], slots[-1]
        for slot in slots:
            self.at(slot, 1)
            if slot.exercise.overrides.get_ready is not None or (group.get_ready and slot is first):
                self.get_ready()
            if slot is first:
                self.round_starts()
            self.sets()
            if slot is not last:
                self.rest_after(between_rounds=False)
        body = self.steps[self.round_start[0] :]
        self._round_ends(1, following)
        for round_no in range(2, group.rounds + 1):
            self.at(first, round_no)
            if first.exercise.overrides.get_ready is not None:
                self.get_ready()
            self.round_starts()
            self.replay(body, round_no)
            self.at(last, round_no)
            self._round_ends(round_no, following)

    def at(self, slot: Slot, round_no: int) -> None:
        """Place steps of ``slot`` in round ``round_no`` from now on."""
        self.slot, self.round_no = slot, round_no

    def _round_ends(self, round_no: int, following: _Group | None) -> None:
        """An EMOM fills the round to its interval and an AMRAP stretches it to its cap; then
        the rest before the next round, or what follows the group."""
        block = self.group.block
        if block is not None and block.every is not None:
            self._interval_rest(block.every, block.rounds)
        if block is not None and block.time_cap is not None:
            # The first round's rows are replayed by the later ones: stretch copies of them.
            self._fill_cap(block.time_cap, copy=round_no == 1)
        if round_no < self.group.rounds:
            self.rest_after(between_rounds=self.group.section is Section.MAIN)
        else:
            self._group_ends(following)

    def _settings(self, exercise: Exercise, section: Section, block: Block | None) -> Settings:
        """The exercise's settings where it stands.

        Warm-up and cool-down rest only where the exercise itself says so; in an EMOM or AMRAP
        the clock decides, so no rests (and an AMRAP's rep sets wait for done).
        """
        settings = exercise.settings(self.routine.defaults)
        if section is not Section.MAIN:
            overrides = exercise.overrides
            return settings._replace(
                rest=settings.rest if overrides.is_set("rest") else 0.0,
                rest_after=settings.rest_after if overrides.is_set("rest_after") else 0.0,
            )
        if block is None:
            return settings
        if block.clocked:
            manual = True if block.time_cap is not None else settings.manual
            # Only an AMRAP block's own rest_until_ready: its rests between AMRAPs and after it.
            until_ready = block.time_cap is not None and bool(block.rest_until_ready)
            return settings._replace(
                rest=0.0, rest_after=0.0, manual=manual, rest_until_ready=until_ready
            )
        if block.rest_until_ready is not None:
            return settings._replace(rest_until_ready=block.rest_until_ready)
        return settings

    def row(self) -> list[Any]:
        """A new row with the fields every step of the current exercise has in this round."""
        row = self.slot.shared.copy()
        if self.round_no != 1:
            row[ROUND_NO] = self.round_no
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
        row = self.row()
        row[KIND] = kind
        row[DURATION] = seconds
        row[ESTIMATE] = seconds if seconds > 0 else 0.0
        row[NAME] = name
        row[SET_NO] = set_no
        if until_ready:
            row[UNTIL_READY] = True
        if unclocked:
            row[EVERY] = row[TIME_CAP] = None
        self.place(row)

    def rest(self, kind: StepKind, seconds: float, name: str, set_no: int) -> None:
        """A rest, waiting for the person at its end when the exercise says so."""
        if seconds > 0:
            until_ready = self.slot.settings.rest_until_ready
            self.add(kind, seconds, name, set_no, until_ready=until_ready)

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

    def sets(self) -> None:
        """The sets of the current exercise and the rests between them."""
        exercise, settings = self.slot.exercise, self.slot.settings
        per_set, per_side = exercise.per_set, exercise.per_side
        sides = _RIGHT_FIRST if exercise.first_side == "right" else _LEFT_FIRST
        # Progression sets one target for the exercise's reps: every set that takes its reps
        # from the exercise works to it; a set with reps or a duration of its own keeps those.
        progress = self.targets.get(exercise.name)
        work = switch = BLANK
        for set_no in range(1, exercise.sets + 1):
            if set_no == 1 or per_set:
                own = per_set and per_set[set_no - 1].own_amount
                work, switch = self._set_rows(set_no, None if own else progress)
            if per_side:
                self._repeat(work, set_no, sides[0])
                self._repeat(switch, set_no, sides[1])
                self._repeat(work, set_no, sides[1])
            else:
                self._repeat(work, set_no, None)
            if set_no < exercise.sets:
                written = per_set[set_no - 1].rest if per_set else None
                self.rest(
                    StepKind.REST, settings.rest if written is None else written, "Rest", set_no
                )

    def _set_rows(self, set_no: int, progress: Target | None) -> tuple[list[Any], list[Any]]:
        """The work step and the switch step of set ``set_no``, without set number and side."""
        exercise, settings = self.slot.exercise, self.slot.settings
        target = exercise.as_set(set_no) if exercise.per_set else exercise
        if target.duration is not None:
            duration: float | None = target.duration
            estimate = target.duration
        else:
            assert target.reps is not None
            today = target.reps[1] if progress is None else progress.reps
            estimate = today * settings.seconds_per_rep
            duration = None if settings.manual else estimate
        work = self.row()
        work[KIND] = self.group.work
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
        switch = self.row()
        switch[KIND] = StepKind.SWITCH
        switch[DURATION] = switch[ESTIMATE] = settings.switch_sides
        switch[NAME] = "Switch sides"
        switch[EXERCISE] = target
        return work, switch

    def rest_after(self, between_rounds: bool) -> None:
        """The rest after the current exercise: before the next one, or the next round."""
        slot = self.slot
        sets = slot.exercise.sets
        if not between_rounds:
            self.rest(StepKind.REST_AFTER, slot.settings.rest_after, "Rest", sets)
            return
        if slot.round_rest is not None:
            self.replay(slot.round_rest, self.round_no)
            return
        first = len(self.steps)
        block = self.group.block
        if block is None:
            seconds = self.routine.rest_between_rounds
            self.rest(StepKind.ROUND_REST, seconds, "Rest between rounds", sets)
        elif block.every is None:
            seconds = block.rest_between_rounds
            self.rest(StepKind.ROUND_REST, seconds, "Rest between rounds", sets)
        slot.round_rest = self.steps[first:]

    def _group_ends(self, following: _Group | None) -> None:
        """After a group's last exercise: a block's rest before what follows it."""
        if following is None:
            return
        block = self.group.block
        if block is not None:
            seconds = (
                self.routine.defaults.rest_after if block.rest_after is None else block.rest_after
            )
            sets = self.slot.exercise.sets
            until_ready = self.slot.settings.rest_until_ready
            self.add(
                StepKind.REST_AFTER, seconds, "Rest", sets, until_ready=until_ready, unclocked=True
            )
            return
        # The [[exercise]] list followed by blocks (a routine made in code): its last round
        # ends as rounds do.
        self.rest_after(
            between_rounds=self.group.section is Section.MAIN
            and following.section is Section.MAIN
            and self.round_no != 1
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

    def _fill_cap(self, cap: float, copy: bool) -> None:
        """Stretch one AMRAP pass to fill its cap: the session loops it until the cap.

        Args:
            copy: stretch copies of the pass's rows (the rows as placed are replayed later).
        """
        first, began = self.round_start
        spent = self.clock - began
        scale = cap / spent if spent > 0 else 1.0
        at = began
        steps = self.steps
        for index in range(first, len(steps)):
            row = steps[index]
            if copy:
                row = steps[index] = row.copy()
            row[START] = at
            row[ESTIMATE] = estimate = row[ESTIMATE] * scale
            at += estimate
        self.clock = began + cap


_LEFT_FIRST = (Side.LEFT, Side.RIGHT)
_RIGHT_FIRST = (Side.RIGHT, Side.LEFT)
_WORK = {
    Section.WARMUP: StepKind.WARMUP,
    Section.MAIN: StepKind.WORK,
    Section.COOLDOWN: StepKind.COOLDOWN,
}
"""The kind of a set's step in each section."""
