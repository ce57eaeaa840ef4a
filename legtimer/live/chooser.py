"""What the driver asks of today's choices: a protocol, so the driver does not import them.

:class:`legtimer.live.variants.TodaysChoices` is the one implementation: ``v``, the equipment
asked again with ``e``, the harder variant offered, and the way back down.
"""

from __future__ import annotations

from typing import Protocol

from legtimer.core.harder import GoingBack, Offer
from legtimer.core.plan import Plan
from legtimer.core.routine import Exercise, Routine


class Chooser(Protocol):
    """Builds the plan for another choice in a slot (see :mod:`legtimer.live.variants`)."""

    routine: Routine
    """As the file says (its equipment, whatever today's swaps are)."""
    missing: tuple[str, ...]
    """Equipment items not at hand today."""

    def cycle(self, exercise: Exercise) -> Plan:
        """The whole plan with the slot of ``exercise`` on its next option."""

    def has_options(self, exercise: Exercise) -> bool:
        """The slot of ``exercise`` has another option today (its equipment at hand)."""

    @property
    def offering(self) -> bool:
        """Some offer is still unanswered today (a cheap test, made on every tick)."""

    def offer_for(self, exercise: Exercise) -> Offer | None:
        """Today's unanswered offer of a harder variant for the slot ``exercise`` runs in."""

    def answer(self, offer: Offer, accepted: bool) -> Plan:
        """Yes or no to ``offer``: the whole plan after it."""

    promotions: dict[str, str]
    """Slot -> the harder variant it is moved up to (empty: nothing to say or ask about)."""

    def about(self, exercise: Exercise) -> str:
        """What to say before the slot ``exercise`` runs in, when it is moved up ("")."""

    def going_back(self, exercise: Exercise) -> GoingBack | None:
        """``v`` brought a moved-up slot back to its own exercise: the question to keep it."""

    def move_down(self, back: GoingBack) -> None:
        """Yes to ``back``: the slot's own exercise from now on."""

    def without(self, missing: tuple[str, ...]) -> Plan:
        """The whole plan with these items missing."""
