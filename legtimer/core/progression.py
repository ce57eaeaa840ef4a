"""Double progression: add reps within a range session by session, then move up a variant.

The rule, for an exercise with a rep range [low, high]:

- First time (nothing usable from last session): today's target is ``low``.
- Every set of last session reached its target: today's target is one more than the *most*
  reps done in any of those sets, capped at ``high`` (and never below last session's target).
  The most, as the issue's example reads: "Last time 15 / 16 / 16 per side -> today 17". Every
  set reached its target, so each is asked for the best set's count plus one; a set that then
  falls short repeats that target next time instead of dragging the whole exercise back.
- Some set fell short of its target: repeat last session's target.
- A fixed count (low == high) stays fixed; with progression off the target is ``high``, which
  is how legtimer paced before it had a training log.
- :func:`at_top` says every set reached ``high``: time for more load or the harder variant.

Inputs are plain ``(target_reps, reps_done)`` pairs, one per set (per side, for per-side work),
so this module knows nothing about how sets are stored. A set whose ``reps_done`` is None (not
counted) says nothing and is left out; a set with no target counts as having reached it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

SetResult = tuple[int | None, int | None]
"""(target reps, reps done) of one set; either may be unknown."""


class Target(NamedTuple):
    """What progression decided, with what it was based on, for the screen."""

    reps: int
    """Today's target reps per set."""
    last: tuple[int, ...]
    """Reps done in each counted set of last session (empty the first time)."""
    reason: str
    """Why, in a few words: "every set reached 16: one more", "first time", ..."""

    def describe(self) -> str:
        """E.g. "Last time 15 / 16 / 16 → today 17", or "Today 15 (first time)"."""
        if not self.last:
            return f"Today {self.reps} ({self.reason})"
        done = " / ".join(str(reps) for reps in self.last)
        return f"Last time {done} → today {self.reps}"


def _counted(last_session: Sequence[SetResult]) -> list[tuple[int | None, int]]:
    return [(target, done) for target, done in last_session if done is not None]


def next_target(
    low: int, high: int, last_session: Sequence[SetResult], progression: bool = True
) -> Target:
    """Today's target reps for an exercise with rep range [low, high].

    Args:
        low: bottom of the range.
        high: top of the range (equal to ``low`` for a fixed count).
        last_session: (target reps, reps done) per set of the last session that did it,
            in the order done; empty for the first time.
        progression: False paces at the top of the range, as without a log.

    Returns:
        The target, always within [low, high], with the reps it was based on and why.

    Raises:
        ValueError: ``low`` above ``high`` or below 1.
    """
    if not 1 <= low <= high:
        raise ValueError(f"rep range [{low}, {high}] must have 1 <= low <= high")
    counted = _counted(last_session)
    last = tuple(done for _target, done in counted)
    if low == high:
        return Target(low, last, f"fixed at {low}")
    if not progression:
        return Target(high, last, "progression off: top of the range")
    if not counted:
        return Target(low, last, "first time: bottom of the range")
    targets = [target for target, _done in counted if target is not None]
    last_target = max(targets) if targets else low
    short = [(target, done) for target, done in counted if target is not None and done < target]
    if short:
        reps = min(high, max(low, last_target))
        return Target(reps, last, f"not every set reached {last_target}: repeat it")
    most = max(last)
    reps = min(high, max(low, most + 1, last_target))
    if reps == high and min(last) >= high:
        return Target(reps, last, "top of the range: add load or try the harder variant")
    return Target(reps, last, f"every set reached its target: {most} + 1")


def at_top(last_session: Sequence[SetResult], high: int) -> bool:
    """True when every counted set of last session reached ``high`` (time to go harder).

    Args:
        last_session: (target reps, reps done) per set, as for :func:`next_target`.
        high: top of the rep range.
    """
    counted = _counted(last_session)
    return bool(counted) and all(done >= high for _target, done in counted)
