"""Routine -> Plan: the ordered timeline of steps a session walks.

Rules the plan follows (documented in docs/routines.md):
- A get-ready countdown opens the workout, and another opens the main block after a warm-up.
- Each set is one work step, or left side, switch, right side for per-side work.
- Rest follows each set but the last; rest_after follows an exercise's last set; the last
  exercise of a round but the final one gets rest_between_rounds instead.
- Warm-up and cool-down items flow into each other: they rest only where they say so.
- Zero-length steps are left out.
"""

from __future__ import annotations

from collections.abc import Mapping

from legtimer.core.plan_build import build_plan
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.core.steps import Plan, Side, Step, StepKind, lead_in

__all__ = ["Plan", "Side", "Step", "StepKind", "compile_plan", "lead_in"]


def compile_plan(
    routine: Routine,
    targets: Mapping[str, Target] | None = None,
    notes: tuple[str, ...] = (),
) -> Plan:
    """Expand a routine into its steps, in order, with planned start times.

    Args:
        routine: what to run.
        targets: today's rep target per exercise name (:func:`legtimer.core.targets.
            todays_targets`); rep sets are paced and logged at it. None: the top of each range.
        notes: lines about today's swaps for the get-ready screen.
    """
    steps = build_plan(routine, targets or {})
    return Plan(routine, steps, tuple((targets or {}).items()), notes)
