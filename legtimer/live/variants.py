"""Today's choices for a workout: missing equipment, promotions, offers and what ``v`` picked.

The driver's chooser: it keeps the routine as the file says and builds today's plan from it
whenever a choice changes, so swaps never touch the file. It also holds today's offers of a
harder variant ("All sets at 20 last time: try Banded Clamshells?") and their answers, and the
way back down ("Clamshells today · y: back to Clamshells from now on", once ``v`` brought a
moved-up slot back); the answers reach the training log through the driver's listeners, never
from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from legtimer.core.harder import (
    NOTHING_YET,
    GoingBack,
    MovingUp,
    Offer,
    day_words,
    todays_offers,
)
from legtimer.core.plan import Plan, compile_plan
from legtimer.core.progression import Target
from legtimer.core.routine import Exercise, Routine
from legtimer.core.targets import todays_targets
from legtimer.core.today import Change, change_line, options, todays_routine


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


class TodaysChoices:
    """What runs in each slot today, and the plan for it.

    A plain class, not a dataclass: `legtimer plan` builds one, and must start fast.
    """

    def __init__(
        self,
        routine: Routine,
        missing: tuple[str, ...] = (),
        moving_up: MovingUp = NOTHING_YET,
        *,
        targets: TargetsOf | None = None,
        suffix: str = "",
    ) -> None:
        self.routine = routine
        """As the file says."""
        self.missing = missing
        """Equipment items not at hand today."""
        self.moving_up = moving_up
        """What the training log says of harder variants: promotions and recent no's."""
        self.targets = targets
        self.suffix = suffix
        """Added to the get-ready line about swaps (" · e to change" when that key works)."""
        self.choices: dict[str, str] = {}
        """Slot -> what ``v`` picked today."""
        self.promotions: dict[str, str] = moving_up.promoted()
        """Slot -> the harder variant the person moved up to: the log's, and today's yes."""
        self.answered: dict[str, bool] = {}
        """Slot -> today's answer to its offer (yes: moved up from today)."""
        self.offers: dict[str, Offer] | None = None
        """Slot -> today's offer of a harder variant; worked out with the first plan."""
        self.moved_down: set[str] = set()
        """Slots moved back down today: nothing is offered in them again until next time."""

    def plan(self) -> Plan:
        """Today's plan: swaps, promotions and choices applied, paced at today's targets."""
        today, changes = todays_routine(self.routine, self.missing, self.promotions, self.choices)
        targets = self.targets(today) if self.targets is not None else None
        if self.offers is None:
            self.offers = self._offers(targets)
        if targets is not None and any(self.answered.values()):
            # Moved up today: the harder variant starts at the bottom of its range.
            fresh = todays_targets(today, {})
            moved = {self.promotions[slot] for slot, yes in self.answered.items() if yes}
            targets = {**targets, **{name: fresh[name] for name in moved if name in fresh}}
        return compile_plan(today, targets, self.notes(changes))

    def _offers(self, targets: Mapping[str, Target] | None) -> dict[str, Offer]:
        """Offers for the slots that run as the file says today (no swap, no promotion)."""
        plain, _ = todays_routine(self.routine, self.missing, self.promotions)
        offers = todays_offers(plain, targets, frozenset(self.missing), self.moving_up)
        return {slot: offer for slot, offer in offers.items() if slot not in self.moved_down}

    def notes(self, changes: tuple[Change, ...]) -> tuple[str, ...]:
        """The get-ready lines: moved-up slots first, then equipment swaps (with the suffix)."""
        moved: list[str] = []
        swapped: list[str] = []
        for change in changes:
            if change.slot in self.choices:
                continue  # picked by hand today: the screen's NEXT already says it
            if self.promotions.get(change.slot) == change.done:
                moved.append(self.moved_line(change.slot))
            else:
                swapped.append(change_line(change))
        if swapped:
            swapped[-1] += self.suffix
        return (*moved, *swapped)

    def moved_line(self, slot: str) -> str:
        """ "Banded Clamshells instead of Clamshells: yours since 25 Nov" for a moved-up slot."""
        return f"{self.promotions[slot]} instead of {slot}: {self._since(slot)}"

    def about(self, exercise: Exercise) -> str:
        """Before a moved-up slot that runs its harder variant, the way back ``v`` gives:
        "Banded Clamshells instead of Clamshells: yours since 25 Nov · v for Clamshells"."""
        slot = exercise.slot
        if not slot or self.promotions.get(slot) != exercise.name or slot in self.choices:
            return ""
        base = self.slot_of(exercise)
        following = self._after(base, exercise.name) if base is not None else exercise.name
        return f"{self.moved_line(slot)} · v for {following}"

    def going_back(self, exercise: Exercise) -> GoingBack | None:
        """``v`` brought a moved-up slot back to its own exercise (``exercise``): the question
        that would keep it there from now on; None otherwise."""
        slot = exercise.name
        if exercise.slot or slot not in self.promotions or self.choices.get(slot) != slot:
            return None
        return GoingBack(slot, self.promotions[slot])

    def move_down(self, back: GoingBack) -> None:
        """Yes to ``back``: the slot's own exercise from now on (today's plan has it already)."""
        self.promotions.pop(back.slot, None)
        self.answered.pop(back.slot, None)
        self.moved_down.add(back.slot)

    def _since(self, slot: str) -> str:
        if self.answered.get(slot):
            return "yours from today"
        promotion = self.moving_up.promotions.get(slot)
        return f"yours since {day_words(promotion.since)}" if promotion else "yours now"

    def slot_of(self, exercise: Exercise) -> Exercise | None:
        """The routine's exercise whose slot ``exercise`` stands in."""
        name = exercise.slot or exercise.name
        return next((ex for ex in self.routine.all_exercises() if ex.name == name), None)

    def cycle(self, exercise: Exercise) -> Plan:
        """The plan with ``exercise``'s slot on its next option (after the last: the first)."""
        base = self.slot_of(exercise)
        if base is not None:
            self.choices[base.name] = self._after(base, exercise.name)
        return self.plan()

    def _after(self, base: Exercise, current: str) -> str:
        """The option ``v`` gives after ``current`` in ``base``'s slot (after the last: the
        first)."""
        names = [option.name for option in options(base, frozenset(self.missing))]
        now = names.index(current) if current in names else 0
        return names[(now + 1) % len(names)]

    def has_options(self, exercise: Exercise) -> bool:
        """``exercise``'s slot has another option today (a variant whose equipment is at hand,
        or the routine's own exercise): ``v`` can change something."""
        base = self.slot_of(exercise)
        return base is not None and len(options(base, frozenset(self.missing))) > 1

    @property
    def offering(self) -> bool:
        """Some offer of today is still unanswered (and its slot not picked by hand)."""
        return any(self._open(slot) for slot in self.offers or {})

    def _open(self, slot: str) -> bool:
        """Its offer is still to be answered: not answered, picked by hand or moved down."""
        return (
            slot not in self.answered and slot not in self.choices and slot not in self.moved_down
        )

    def offer_for(self, exercise: Exercise) -> Offer | None:
        """Today's offer for the slot ``exercise`` runs in, until answered or picked by hand."""
        if not self.offers or exercise.slot:
            return None
        offer = self.offers.get(exercise.name)
        return offer if offer is not None and self._open(offer.slot) else None

    def answer(self, offer: Offer, accepted: bool) -> Plan:
        """Yes or no to ``offer``; the plan, with the harder variant in its slot after a yes."""
        self.answered[offer.slot] = accepted
        if accepted:
            self.promotions[offer.slot] = offer.harder
        return self.plan()

    def without(self, missing: tuple[str, ...]) -> Plan:
        """The plan with other equipment missing (``e`` on the first get-ready)."""
        self.missing = missing
        self.offers = None  # a harder variant may need what is missing now
        return self.plan()
