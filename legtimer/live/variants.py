"""Today's choices for a workout: missing equipment, promotions and what ``v`` picked.

The driver's chooser: it keeps the routine as the file says and builds today's plan from it
whenever a choice changes, so swaps never touch the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from legtimer.core.plan import Plan, compile_plan
from legtimer.core.progression import Target
from legtimer.core.routine import Exercise, Routine
from legtimer.core.today import change_line, options, todays_routine


class Gear(NamedTuple):
    """How a workout learns what equipment is missing."""

    without: tuple[str, ...] | None = None
    """--without words (whole words, any case); None: remembered answers, if any."""
    ask: bool = False
    """Ask once per item never asked about (off with --no-ask, and in tests)."""
    remember: bool = False
    """Read and keep the answers in the state folder."""


TargetsOf = Callable[[Routine], Mapping[str, Target] | None]
"""Today's rep targets for today's routine (from the training log)."""


@dataclass
class TodaysChoices:
    """What runs in each slot today, and the plan for it."""

    routine: Routine
    """As the file says."""
    missing: tuple[str, ...] = ()
    """Equipment items not at hand today."""
    promotions: dict[str, str] = field(default_factory=dict)
    """Slot -> the harder variant the person moved up to (from the training log)."""
    choices: dict[str, str] = field(default_factory=dict)
    """Slot -> what ``v`` picked today."""
    targets: TargetsOf | None = None
    suffix: str = ""
    """Added to the get-ready line about swaps (" · e to change" when that key works)."""

    def plan(self) -> Plan:
        """Today's plan: swaps, promotions and choices applied, paced at today's targets."""
        today, changes = todays_routine(self.routine, self.missing, self.promotions, self.choices)
        notes = tuple(change_line(change) + self.suffix for change in changes)
        targets = self.targets(today) if self.targets is not None else None
        return compile_plan(today, targets, notes)

    def slot_of(self, exercise: Exercise) -> Exercise | None:
        """The routine's exercise whose slot ``exercise`` stands in."""
        name = exercise.slot or exercise.name
        return next((ex for ex in self.routine.all_exercises() if ex.name == name), None)

    def cycle(self, exercise: Exercise) -> Plan:
        """The plan with ``exercise``'s slot on its next option (after the last: the first)."""
        base = self.slot_of(exercise)
        if base is not None:
            names = [option.name for option in options(base)]
            now = names.index(exercise.name) if exercise.name in names else 0
            self.choices[base.name] = names[(now + 1) % len(names)]
        return self.plan()
