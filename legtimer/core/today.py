"""Today's exercise in each slot: the routine as it will run, swaps and promotions applied.

Pure: the caller says which equipment is missing, which slots the person has moved up to a
harder variant (from the training log) and what was chosen by hand today (``v``); the routine
file itself never changes. A slot is named by its routine exercise's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from legtimer.core.routine import Block, Exercise, Routine

SWAP_ROLES = ("swap", "easier")
"""The roles a missing piece of equipment may swap to, in order of preference."""


class Change(NamedTuple):
    """What happened to one slot today, for `plan`, the get-ready line and the log."""

    slot: str
    """The routine's exercise."""
    done: str
    """What will be done in its place (the same name when it stays)."""
    why: str
    """ "no plyo box", "your choice since ...", "chosen today", or "needs a plyo box"."""


def item_matches(word: str, item: str) -> bool:
    """Whole words, any case: "box" matches "plyo box (optional)", "bell" does not match it."""
    words = word.lower().split()
    found = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", item.lower())
    return bool(words) and any(
        found[i : i + len(words)] == words for i in range(len(found) - len(words) + 1)
    )


def alternatives(item: str) -> tuple[str, ...]:
    """The things an item lists as either-or: "couch, ottoman, box or sturdy chair" -> its four;
    an item naming one thing ("plyo box (optional)") is just itself, aside and all."""
    parts = [part.strip() for part in re.split(r",|\bor\b", plain_item(item))]
    found = tuple(part for part in parts if part)
    return found if len(found) > 1 else (item,)


def item_missing(words: Iterable[str], item: str) -> bool:
    """Whether ``words`` name ``item`` missing: each of its alternatives, whole words, any case
    (a box alone leaves "couch, ottoman, box or sturdy chair" with three ways to do it)."""
    named = [word for word in words if word.strip()]
    return all(any(item_matches(word, alt) for word in named) for alt in alternatives(item))


def variant_equipment(routine: Routine) -> tuple[str, ...]:
    """Items that only variants need (a band nothing but Banded Clamshells uses), in order of
    first use: asked about too, so a variant is never offered or picked without them."""
    own = set(routine.equipment)
    seen: dict[str, None] = {}
    for exercise in routine.all_exercises():
        for variant in exercise.variants:
            for item in variant.exercise.equipment:
                if item not in own:
                    seen.setdefault(item, None)
    return tuple(seen)


def asked_equipment(routine: Routine) -> tuple[str, ...]:
    """Every item the equipment question lists: the routine's own, then the variants' only."""
    return (*routine.equipment, *variant_equipment(routine))


def missing_items(routine: Routine, without: Iterable[str]) -> tuple[str, ...]:
    """The equipment items (the variants' too) that the ``without`` words name missing: an item
    listing alternatives only when they name every one (:func:`item_missing`)."""
    words = [word.strip() for word in without if word.strip()]
    return tuple(item for item in asked_equipment(routine) if item_missing(words, item))


def options(exercise: Exercise, missing: frozenset[str] = frozenset()) -> tuple[Exercise, ...]:
    """What may be done in a slot, as ``v`` cycles them: its exercise, then each variant, that
    needs nothing ``missing``. When nothing fits, the exercise alone (it stays, as the file
    says it, marked with what it needs)."""
    fitting = tuple(v.exercise for v in exercise.variants if not _needs(v.exercise, missing))
    if _needs(exercise, missing):
        return fitting or (exercise,)
    return (exercise, *fitting)


def _needs(exercise: Exercise, missing: frozenset[str]) -> list[str]:
    return [item for item in exercise.equipment if item in missing]


def choose(
    exercise: Exercise,
    missing: frozenset[str],
    promoted: str | None = None,
    chosen: str | None = None,
) -> tuple[Exercise, Change | None]:
    """Today's exercise for one slot, and what changed (None: it runs as written).

    A choice made today wins (unless it is a variant that needs something missing); then a
    promotion (likewise); then, when the slot's exercise needs something missing, its first swap
    (else easier) variant that does not. With none, it stays, marked with what it needs. A
    promotion held back for want of equipment is said too ("today: no resistance band for
    Banded Clamshells").
    """
    by_name = {option.name: option for option in options(exercise, missing)}
    if chosen is not None and chosen in by_name:
        pick = by_name[chosen]
        change = None if chosen == exercise.name else Change(exercise.name, chosen, "chosen today")
        return _as_slot(exercise, pick), change
    if promoted is not None and promoted in by_name and promoted != exercise.name:
        change = Change(exercise.name, promoted, "your exercise here now")
        return _as_slot(exercise, by_name[promoted]), change
    lacking = _needs(exercise, missing)
    if not lacking:
        return exercise, _held_back(exercise, missing, promoted)
    for role in SWAP_ROLES:
        for variant in exercise.variants:
            if variant.role == role and not _needs(variant.exercise, missing):
                lack = ", ".join(plain_item(item) for item in lacking)
                change = Change(exercise.name, variant.name, f"no {lack}")
                return _as_slot(exercise, variant.exercise), change
    return exercise, Change(exercise.name, exercise.name, f"needs {_a(plain_item(lacking[0]))}")


def _held_back(exercise: Exercise, missing: frozenset[str], promoted: str | None) -> Change | None:
    """The slot's move up cannot run today: its variant needs something missing."""
    for variant in exercise.variants:
        lack = _needs(variant.exercise, missing)
        if variant.name == promoted and lack:
            why = f"today: no {plain_item(lack[0])} for {promoted}"
            return Change(exercise.name, exercise.name, why)
    return None


def plain_item(item: str) -> str:
    """An equipment item without its aside: "plyo box (optional)" -> "plyo box"."""
    return re.sub(r"\s*\([^)]*\)", "", item).strip() or item


def _a(item: str) -> str:
    return f"an {item}" if item[:1].lower() in "aeiou" else f"a {item}"


def _as_slot(exercise: Exercise, pick: Exercise) -> Exercise:
    """``pick`` standing in ``exercise``'s slot: it knows the slot and the slot's options."""
    if pick is exercise:
        return exercise
    return pick._replace(slot=exercise.name, variants=exercise.variants)


def todays_routine(
    routine: Routine,
    missing: Iterable[str] = (),
    promotions: Mapping[str, str] | None = None,
    choices: Mapping[str, str] | None = None,
) -> tuple[Routine, tuple[Change, ...]]:
    """The routine with each slot's exercise of today, and each slot that changed, once.

    Args:
        routine: as the file says.
        missing: equipment items (as the routine writes them) not at hand today.
        promotions: slot -> the harder variant the person moved up to.
        choices: slot -> the option picked by hand today (wins over everything).
    """
    gone = frozenset(missing)
    promoted = promotions or {}
    chosen = choices or {}
    changes: dict[str, Change] = {}

    def pick(exercise: Exercise) -> Exercise:
        today, change = choose(
            exercise, gone, promoted.get(exercise.name), chosen.get(exercise.name)
        )
        if change is not None:
            changes.setdefault(change.slot, change)
        return today

    def each(exercises: tuple[Exercise, ...]) -> tuple[Exercise, ...]:
        return tuple(pick(exercise) for exercise in exercises)

    blocks = tuple(
        Block(**{**block._asdict(), "exercises": each(block.exercises)}) for block in routine.blocks
    )
    today = routine._replace(
        warmup=each(routine.warmup),
        exercises=each(routine.exercises),
        cooldown=each(routine.cooldown),
        blocks=blocks,
    )
    return today, tuple(changes.values())


def change_line(change: Change) -> str:
    """ "Squat Jumps instead of Box Jumps: no plyo box", or "Box Jumps needs a plyo box"."""
    if change.done == change.slot:
        return f"{change.slot} {change.why}"
    return f"{change.done} instead of {change.slot}: {change.why}"
