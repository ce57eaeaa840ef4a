"""Today's sets against last time's, per exercise, for the summary screen.

"Clamshells  15/16/16 → 17/17/17 per side": reps done in each set, in order. For per-side work
each set shows its weaker side, the number that decides whether the set reached its target.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from legtimer.core.routine import Routine


def per_set(reps: Sequence[int], per_side: bool) -> list[int]:
    """Reps per set: each (left, right) pair becomes its weaker side for per-side work."""
    if not per_side:
        return list(reps)
    return [min(reps[i : i + 2]) for i in range(0, len(reps), 2)]


def _counts(reps: Sequence[int]) -> str:
    return "/".join(str(count) for count in reps)


def against_last_time(
    routine: Routine, last: Mapping[str, Sequence[int]], today: Mapping[str, Sequence[int]]
) -> list[str]:
    """One line per rep exercise done today, in routine order.

    Args:
        routine: what ran (for the order and which exercises are per side).
        last: exercise name -> reps done in each set (each side) of its last session.
        today: the same for today; exercises with nothing done today are left out.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for exercise in routine.all_exercises():
        name = exercise.name
        if name in seen or exercise.reps is None or not today.get(name):
            continue
        seen.add(name)
        now = _counts(per_set(today[name], exercise.per_side))
        before = last.get(name)
        was = _counts(per_set(before, exercise.per_side)) if before else "first time"
        side = " per side" if exercise.per_side else ""
        lines.append(f"{name}  {was} → {now}{side}")
    return lines
