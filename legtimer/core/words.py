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
        reps = step.exercise.reps_text()
        parts.append(f"{reps} (done when you say)" if step.waits_for_user else reps)
    if step.exercise is not None and step.exercise.load:
        parts.append(step.exercise.load)
    if step.in_amrap:
        return label_of(step) + " · ".join(parts)
    if step.rounds > 1:
        parts.append(f"round {step.round_no}/{step.rounds}")
    return label_of(step) + " · ".join(parts)


def label_of(step: Step) -> str:
    """ "Warm-up: " or "Cool-down: " before a step of those sections."""
    return {StepKind.WARMUP: "Warm-up: ", StepKind.COOLDOWN: "Cool-down: "}.get(step.kind, "")


def plan_lines(plan: Plan) -> list[str]:
    """The expanded timeline as text lines."""
    routine = plan.routine
    lines = [f"{routine.name}: {len(plan.steps)} steps, about {format_span(plan.total)}"]
    lines.append(f"{'START':<8}  {'LENGTH':<6}  STEP")
    heading = 0
    inside = {
        step.plan_index
        for number in range(1, len(plan.routine.blocks) + 1)
        for step in block_steps(plan, number)
    }
    for step in plan.steps:
        if step.block_no != heading and step.kind is not StepKind.GET_READY:
            heading = step.block_no
            if heading:
                lines.append(block_heading(plan, heading))
        length = format_clock(step.estimate) + ("*" if step.waits_for_user else "")
        if step.in_amrap:
            length = "loop"
        if step.until_ready:
            length += "+"
        indent = "  " if step.plan_index in inside else ""
        lines.append(f"{format_clock(step.start):<8}  {length:<6}  {indent}{describe_step(step)}")
    lines.append(f"{'TOTAL':<8}  {format_clock(plan.total):<6}")
    if any(step.waits_for_user and not step.in_amrap for step in plan.steps):
        lines.append("* manual set: ends when you press done; estimated from seconds_per_rep")
    if any(step.in_amrap for step in plan.steps):
        lines.append("loop: the AMRAP's exercises repeat until its cap; done moves to the next")
    if any(step.until_ready for step in plan.steps):
        lines.append("+ rest until ready: counted at its written length; then it waits for you")
    return lines


def block_steps(plan: Plan, block_no: int) -> list[Step]:
    """A block's steps, its rounds only: not the rest after it, nor a get-ready before it."""
    steps = [s for s in plan.steps if s.block_no == block_no and s.kind is not StepKind.GET_READY]
    if steps and steps[-1].kind is StepKind.REST_AFTER and steps[-1].every is None:
        last = steps[-1]
        if last.round_no == last.rounds and last.exercise_no == last.exercise_count:
            steps.pop()
    return steps


def block_heading(plan: Plan, block_no: int) -> str:
    """ "0:10      12:30   Block 1 of 3: Pair A · 3 rounds" with the block's own total."""
    steps = block_steps(plan, block_no)
    first = steps[0]
    total = sum(step.estimate for step in steps)
    what = f"{first.rounds} rounds" if first.rounds > 1 else "1 round"
    if first.every is not None:
        what = f"EMOM: a round every {format_span(first.every)}, {what} = {format_span(total)}"
    elif first.time_cap is not None:
        many = f"{first.rounds} AMRAPs of" if first.rounds > 1 else "AMRAP:"
        what = f"{many} {format_span(first.time_cap)}, as many rounds as possible"
    where = f"Block {block_no} of {first.block_count}: {first.block}"
    return f"{format_clock(first.start):<8}  {format_clock(total):<6}  {where} · {what}"
