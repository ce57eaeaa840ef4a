"""Steps as rows while a plan is built: lists in Step's field order, each made a Step once.

A plan has thousands of steps of some thirty fields each. Built from keywords and then replaced
field by field, they cost more than parsing the routine's TOML; as rows, what the steps of one
exercise share is filled in once, each set copies it, and later rounds replay the first round's
rows (see :mod:`legtimer.core.plan_build` for the rules that decide them). A row becomes a Step
as soon as it is final, group by group, so a long plan's rows do not all live at once.
"""

from __future__ import annotations

from typing import Any

from legtimer.core.routine import Exercise, Settings
from legtimer.core.steps import Step, StepKind

AT = {name: index for index, name in enumerate(Step._fields)}
"""Where each field of a Step sits: steps are built as rows and made Steps once, at the end."""
BLANK: list[Any] = [Step._field_defaults.get(name) for name in Step._fields]
INDEX = AT["plan_index"]
KIND = AT["kind"]
DURATION = AT["duration"]
ESTIMATE = AT["estimate"]
START = AT["start"]
NAME = AT["name"]
EXERCISE = AT["exercise"]
SECTION = AT["section"]
SET_NO = AT["set_no"]
SETS = AT["sets"]
SIDE = AT["side"]
ROUND_NO = AT["round_no"]
ROUNDS = AT["rounds"]
EXERCISE_NO = AT["exercise_no"]
EXERCISE_COUNT = AT["exercise_count"]
REPS = AT["reps"]
SECONDS_PER_REP = AT["seconds_per_rep"]
COUNTDOWN = AT["countdown"]
HALFWAY = AT["halfway"]
REP_BEAT = AT["rep_beat"]
NEXT_UP = AT["next_up"]
TARGET_REPS = AT["target_reps"]
BLOCK = AT["block"]
BLOCK_NO = AT["block_no"]
BLOCK_COUNT = AT["block_count"]
EVERY = AT["every"]
TIME_CAP = AT["time_cap"]
NOTE = AT["note"]
UNTIL_READY = AT["until_ready"]
WORK_KINDS = tuple(kind for kind in StepKind if kind.is_work)
"""A tuple, not a set: `in` compares enum members by identity, with no hashing."""


class Slot:
    """An exercise where it stands in its group, and what every round of it shares."""

    __slots__ = ("exercise", "round_rest", "settings", "shared")

    def __init__(self, exercise: Exercise, settings: Settings, shared: list[Any]) -> None:
        self.exercise = exercise
        self.settings = settings
        """The exercise's settings there: its section's rests, its block's clock."""
        self.shared = shared
        """The fields every step of it has, as of its first round."""
        self.round_rest: list[list[Any]] | None = None
        """The rest after it at the end of a round but the last, as first placed (a placed
        row is not changed again: a later change copies it), to be placed again."""


class Timeline:
    """The rows placed so far, and when the next one starts.

    Rows become Steps as soon as they are final (:meth:`settle`), so the rows of a long plan
    do not all live at once; :meth:`finish` settles the rest.
    """

    def __init__(self) -> None:
        self.steps: list[Any] = []
        """Steps settled so far, then rows still open to change (from ``self.settled`` on)."""
        self.settled = 0
        """How many of ``steps`` are Steps."""
        self.clock = 0.0
        """Planned start of the next row, in seconds from the start of the workout."""

    def place(self, row: list[Any]) -> None:
        """Place a finished row at the end of the timeline."""
        row[INDEX] = len(self.steps)
        row[START] = self.clock
        self.steps.append(row)
        self.clock += row[ESTIMATE]

    def replay(self, rows: list[list[Any]], round_no: int) -> None:
        """Rows placed for an earlier round, again: each round of a block (or of the [[exercise]]
        list) has the same sets and rests, and only the round number, place and start differ."""
        steps, clock = self.steps, self.clock
        for row in rows:
            row = row.copy()
            row[ROUND_NO] = round_no
            row[INDEX] = len(steps)
            row[START] = clock
            steps.append(row)
            clock += row[ESTIMATE]
        self.clock = clock

    def settle(self, final: bool = False) -> None:
        """Make Steps of the open rows whose next-up is known: those before the last row where
        the person moves (every row, when ``final``: nothing follows). Called between groups,
        when no row placed so far will change again (an AMRAP stretches its round's rows)."""
        steps = self.steps
        end = len(steps)
        following: int | None = None
        if not final:
            while end > self.settled and steps[end - 1][KIND] not in WORK_KINDS:
                end -= 1
            if end == self.settled:
                return
            end -= 1
            following = end
        new = tuple.__new__
        for index in range(end - 1, self.settled - 1, -1):
            row = steps[index]
            row[NEXT_UP] = following
            if row[KIND] in WORK_KINDS:
                following = index
            steps[index] = new(Step, row)
        self.settled = end

    def finish(self) -> tuple[Step, ...]:
        """Every step, each pointing at the next step where the person moves."""
        self.settle(final=True)
        return tuple(self.steps)
