"""A plan's steps in words, once, for `legtimer plan`, the picker, the screen and the voice."""

from __future__ import annotations

from legtimer.core.durations import format_clock, format_span
from legtimer.core.plan import Plan, Step, StepKind


def describe_step(step: Step) -> str:
    """One line for a step in `plan` output and the picker preview."""
    if step.kind is StepKind.GET_READY:
        return "Get ready"
    if step.kind.is_rest or step.kind is StepKind.SWITCH:
        return step.name
    parts = [step.name]
    if step.sets > 1:
        parts.append(f"set {step.set_no}/{step.sets}")
    if step.side is not None:
        parts.append(step.side.value)
    if step.exercise is not None and step.exercise.reps is not None:
        reps = step.reps_text()
        parts.append(f"{reps} (done when you say)" if step.waits_for_user else reps)
    if step.rounds > 1:
        parts.append(f"round {step.round_no}/{step.rounds}")
    label = {StepKind.WARMUP: "Warm-up: ", StepKind.COOLDOWN: "Cool-down: "}.get(step.kind, "")
    return label + " · ".join(parts)


def plan_lines(plan: Plan) -> list[str]:
    """The expanded timeline as text lines."""
    routine = plan.routine
    lines = [f"{routine.name}: {len(plan.steps)} steps, about {format_span(plan.total)}"]
    lines.append(f"{'START':<8}  {'LENGTH':<6}  STEP")
    for step in plan.steps:
        length = format_clock(step.estimate) + ("*" if step.waits_for_user else "")
        lines.append(f"{format_clock(step.start):<8}  {length:<6}  {describe_step(step)}")
    lines.append(f"{'TOTAL':<8}  {format_clock(plan.total):<6}")
    if any(step.waits_for_user for step in plan.steps):
        lines.append("* manual set: ends when you press done; estimated from seconds_per_rep")
    return lines
