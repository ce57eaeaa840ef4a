"""The cues inside one step (halfway, countdown ticks, rep beats), found from its start and
deadline alone, so a late tick still reports each once and in order."""

from __future__ import annotations

import math
from collections.abc import Iterator

from legtimer.core.events import CountdownTicked, Event, HalfwayReached, RepBeat
from legtimer.core.plan import Step


def due_events(
    step: Step, start: float, deadline: float | None, after: float, until: float
) -> Iterator[Event]:
    """Events of ``step`` scheduled in (after, until], in time order."""
    if until <= after:
        return iter(())
    found: list[tuple[float, int, Event]] = []
    if deadline is not None:
        halfway = halfway_at(step, start, deadline)
        if halfway is not None and after < halfway <= until:
            found.append((halfway, 0, HalfwayReached(step, halfway)))
        for left in range(step.countdown, 0, -1):
            at = deadline - left
            if at > start and after < at <= until and at < deadline:
                found.append((at, 1, CountdownTicked(step, left, at)))
    if step.rep_beat and step.is_paced:
        pace = step.seconds_per_rep
        first = max(2, math.floor((after - start) / pace) + 2)
        for rep in range(first, step.rep_count + 1):
            at = start + (rep - 1) * pace
            if at > until:
                break
            if at > after and (deadline is None or at < deadline):
                found.append((at, 2, RepBeat(step, rep, at)))
    found.sort(key=lambda item: (item[0], item[1]))
    return (event for _, _, event in found)


def halfway_at(step: Step, start: float, deadline: float | None) -> float | None:
    """When the halfway cue is due, if the step has one."""
    if not step.halfway or deadline is None:
        return None
    return start + (deadline - start) / 2


def next_beat_after(step: Step, start: float, now: float) -> float | None:
    """The next rep beat of a paced set after ``now``, if any."""
    if not (step.rep_beat and step.is_paced):
        return None
    pace = step.seconds_per_rep
    rep = math.floor((now - start) / pace) + 2
    if rep > step.rep_count:
        return None
    return start + (rep - 1) * pace
