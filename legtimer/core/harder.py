"""Moving up to the harder variant: when to offer it, and what the log says was answered.

The rule (issue 16): when every set of an exercise reached the top of its rep range last time
(:func:`legtimer.core.progression.at_top`), the next workout offers its first ``harder`` variant
before the exercise's first set. Yes makes that variant the person's exercise in the slot from
then on (stored in the training log, never in the routine file); no keeps the exercise and asks
again once :data:`ASK_AGAIN_AFTER` more sessions of it are in the log. A slot swapped today
(missing equipment, or picked by hand) is never offered anything: a forced swap never moves a
person up.

And back down: when ``v`` brings a moved-up slot back to the routine's own exercise, the person
may keep it that way (:class:`GoingBack`); the promotion ends, and from the next workout the
usual rule may offer the harder variant again. Pure: the caller reads the log.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from legtimer.core.progression import Target, at_top
from legtimer.core.routine import Exercise, Routine
from legtimer.core.targets import progresses

ASK_AGAIN_AFTER = 3
"""Sessions of an exercise after a "no" before the harder variant is offered again."""


class Answer(NamedTuple):
    """One answer kept in the training log about a slot's harder variant."""

    slot: str
    """The routine's exercise (its name)."""
    variant: str
    """The harder variant offered (or, moving down, the one left)."""
    accepted: bool
    """Yes to the offer: the variant is the person's exercise in the slot from then on."""
    answered_at: float
    """Seconds since the epoch."""
    moved_down: bool = False
    """Back to the slot's own exercise from then on (``accepted`` is False): the move up ends."""


class Promotion(NamedTuple):
    """A slot the person moved up in: they said yes to ``variant`` at ``since``."""

    slot: str
    """The routine's exercise (its name)."""
    variant: str
    since: float
    """When they said yes (seconds since the epoch)."""
    until: float | None = None
    """When it ended (they went back, or said no to another variant); None: it holds."""

    def line(self) -> str:
        """For `legtimer history`: "Clamshells → Banded Clamshells since 12 Jan", or once
        ended "... 12 Jan – 3 Feb" ("... on 12 Jan only" when it ended that day)."""
        moved = f"{self.slot} → {self.variant}"
        start = day_words(self.since)
        if self.until is None:
            return f"{moved} since {start}"
        end = day_words(self.until)
        return f"{moved} on {start} only" if end == start else f"{moved} {start} – {end}"


def promotion_history(answers: Iterable[Answer]) -> list[Promotion]:
    """Every stretch of time a slot was moved up, oldest first (the last may still hold).

    The latest answer per slot decides, as :class:`MovingUp` does: a yes starts a stretch (a yes
    to the variant already held continues it), any other answer ends the one that holds.
    """
    held: dict[str, Promotion] = {}
    out: list[Promotion] = []
    for answer in sorted(answers, key=lambda a: a.answered_at):
        current = held.get(answer.slot)
        if answer.accepted and current is not None and current.variant == answer.variant:
            continue
        if current is not None:
            out.append(current._replace(until=answer.answered_at))
            del held[answer.slot]
        if answer.accepted:
            held[answer.slot] = Promotion(answer.slot, answer.variant, answer.answered_at)
    return sorted([*out, *held.values()], key=lambda p: p.since)


class MovingUp(NamedTuple):
    """What the training log says about harder variants, for today's choices."""

    promotions: Mapping[str, Promotion] = {}
    """Slot -> the harder variant the person said yes to (the latest answer was yes)."""
    declined: Mapping[str, int] = {}
    """Slot -> sessions of it done since the latest answer, when that answer was no."""

    def quiet(self, slot: str) -> bool:
        """Said no fewer than :data:`ASK_AGAIN_AFTER` sessions ago: do not ask yet."""
        return self.declined.get(slot, ASK_AGAIN_AFTER) < ASK_AGAIN_AFTER

    def promoted(self) -> dict[str, str]:
        """Slot -> variant, as :func:`legtimer.core.today.todays_routine` takes it."""
        return {slot: promotion.variant for slot, promotion in self.promotions.items()}


NOTHING_YET = MovingUp()
"""No promotions, no no's: a new log, or none."""


class Offer(NamedTuple):
    """ "All sets at 20 last time: try Banded Clamshells?" for one slot."""

    slot: str
    harder: str
    """The variant offered."""
    top: int
    """The top of the exercise's range, which every set reached last time."""

    def question(self, keys: str = "y / n") -> str:
        """The line on the get-ready or rest screen, with the keys that answer it ("": none,
        for the phone's buttons)."""
        return f"All sets at {self.top} last time: try {self.harder}? {keys}".rstrip()


class GoingBack(NamedTuple):
    """ "Clamshells today · y: back to Clamshells from now on": ``v`` brought a moved-up slot
    back to its own exercise, and yes would keep it there."""

    slot: str
    variant: str
    """The harder variant the slot was moved up to."""

    def question(self, key: str = "y") -> str:
        """The line before the slot, with the key that answers it ("": none, for the phone)."""
        if not key:
            return f"{self.slot} today. Back to {self.slot} from now on?"
        return f"{self.slot} today · {key}: back to {self.slot} from now on"


def harder_variant(exercise: Exercise, missing: frozenset[str] = frozenset()) -> Exercise | None:
    """The exercise's first ``harder`` variant that needs nothing missing, or None."""
    for variant in exercise.variants:
        if variant.role == "harder" and not set(variant.exercise.equipment) & missing:
            return variant.exercise
    return None


def offer_for(
    routine: Routine,
    exercise: Exercise,
    target: Target | None,
    missing: frozenset[str] = frozenset(),
    moving_up: MovingUp = NOTHING_YET,
) -> Offer | None:
    """The offer for one exercise as it runs today, or None.

    Args:
        routine: today's routine (its progression setting).
        exercise: the slot's exercise today; one standing in for another (``slot`` set:
            swapped, promoted or picked today) is never offered anything.
        target: today's target for it (its ``last`` holds last session's reps).
        missing: equipment items not at hand today.
        moving_up: what the log says (promotions and recent no's).
    """
    if exercise.slot or exercise.reps is None or target is None:
        return None
    if not progresses(routine, exercise) or moving_up.quiet(exercise.name):
        return None
    promoted = moving_up.promotions.get(exercise.name)
    names = {variant.name for variant in exercise.variants}
    if promoted is not None and promoted.variant in names:
        return None  # moved up already (today's swap put the plain one back)
    high = exercise.reps[1]
    if not at_top([(None, done) for done in target.last], high):
        return None
    harder = harder_variant(exercise, missing)
    return None if harder is None else Offer(exercise.name, harder.name, high)


def todays_offers(
    routine: Routine,
    targets: Mapping[str, Target] | None,
    missing: frozenset[str] = frozenset(),
    moving_up: MovingUp = NOTHING_YET,
) -> dict[str, Offer]:
    """Slot -> the offer for it today, for every exercise of today's routine that earned one."""
    out: dict[str, Offer] = {}
    for exercise in routine.all_exercises():
        if exercise.name in out:
            continue
        offer = offer_for(routine, exercise, (targets or {}).get(exercise.name), missing, moving_up)
        if offer is not None:
            out[exercise.name] = offer
    return out


def day_words(when: float, now: float | None = None) -> str:
    """ "12 Jan", or "12 Jan 2024" when not this year (local time)."""
    day = time.localtime(when)
    this_year = time.localtime(time.time() if now is None else now).tm_year
    text = f"{day.tm_mday} {time.strftime('%b', day)}"
    return text if day.tm_year == this_year else f"{text} {day.tm_year}"
