"""A plan's steps in words, once, for `legtimer plan`, the picker, the screen and the voice.

Every place that names a step ("Clamshells · set 1 of 3 · left side · 15-20 reps") asks this
module, so the plan printout, the screen and the spoken line can never drift into three styles.
Pure: no Textual, no Rich.
"""

from __future__ import annotations

from legtimer.core.durations import format_clock, format_duration, format_span
from legtimer.core.plan import Plan, Step, StepKind

SEP = " · "
"""Between the parts of one line."""

PHASE_WORDS: dict[StepKind, tuple[str, str]] = {
    StepKind.GET_READY: ("GET READY", "get-ready"),
    StepKind.WARMUP: ("WARM-UP", "warmup"),
    StepKind.WORK: ("WORK", "work"),
    StepKind.SWITCH: ("SWITCH SIDES", "switch"),
    StepKind.REST: ("REST", "rest"),
    StepKind.REST_AFTER: ("REST", "rest"),
    StepKind.ROUND_REST: ("REST", "rest"),
    StepKind.INTERVAL_REST: ("REST", "rest"),
    StepKind.COOLDOWN: ("COOL-DOWN", "cooldown"),
}
"""(word, colour class) for each kind of step, on the terminal and the phone alike; the word
is never the only signal."""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 exercise", "3 exercises", "0 sets": a number with its noun, plural when it should be."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def set_words(step: Step) -> str:
    """ "set 2 of 3", or "" when the exercise has a single set."""
    return f"set {step.set_no} of {step.sets}" if step.sets > 1 else ""


def round_words(step: Step) -> str:
    """ "round 2 of 3", or "" when its part of the workout has a single round."""
    return f"round {step.round_no} of {step.rounds}" if step.rounds > 1 else ""


def side_words(step: Step) -> str:
    """ "left side", or "" for work on both sides at once."""
    return f"{step.side.value} side" if step.side is not None else ""


def reps_words(step: Step) -> str:
    """ "15-20 reps", "17 of 15-20 reps" with today's target, "1 rep", or "" for timed work."""
    return step.reps_text()


def amount_words(step: Step) -> str:
    """How much: the reps, or for timed work its length ("45s")."""
    return reps_words(step) or format_duration(step.estimate)


def equipment_words(step: Step) -> str:
    """ "kettlebell, mat", or ""."""
    exercise = step.exercise
    return ", ".join(exercise.equipment)


def _join(parts: list[str]) -> str:
    return SEP.join(part for part in parts if part)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe_step(step: Step) -> str:
    """One line for a step in `plan` output and the picker preview.

    "Clamshells · set 1 of 3 · left side · 15-20 reps", with "Warm-up: " or "Cool-down: " in
    front of those sections' steps and the round when the routine has several.
    """
    if step.kind is StepKind.GET_READY:
        return "Get ready"
    if step.kind.is_rest or step.kind is StepKind.SWITCH:
        return step.name
    reps = reps_words(step)
    if reps and step.waits_for_user:
        reps += " (done when you say)"
    load = step.exercise.load
    rounds = "" if step.in_amrap else round_words(step)
    return label_of(step) + _join(
        [step.name, set_words(step), side_words(step), reps, load, step.note, rounds]
    )


def label_of(step: Step) -> str:
    """ "Warm-up: " or "Cool-down: " before a step of those sections."""
    return {StepKind.WARMUP: "Warm-up: ", StepKind.COOLDOWN: "Cool-down: "}.get(step.kind, "")


def detail_line(step: Step, skipped: bool = False) -> str:
    """The screen's line under the name: "Set 2 of 3 · Left side · 15-20 reps" during work,
    what to do during a switch or get-ready, and what was just done (or ``skipped``) during a
    rest."""
    if step.kind is StepKind.SWITCH:
        return f"Switch to the {step.side.value if step.side else 'other'} side"
    if step.kind is StepKind.GET_READY:
        return "Get into position"
    if step.kind.is_rest:
        return done_line(step, skipped)
    load = step.exercise.load
    block = ""
    if step.block and not step.in_amrap:
        block = _join([step.block, round_words(step)])
    return _join(
        [_cap(set_words(step)), _cap(side_words(step)), reps_words(step), load, step.note, block]
    )


def done_line(step: Step, skipped: bool = False) -> str:
    """What a rest follows: "Clamshells · set 3 of 3 done" (or "skipped", when the set was),
    "Round 1 of 3 done"."""
    if step.kind is StepKind.ROUND_REST:
        return f"Round {step.round_no} of {step.rounds} done"
    exercise = step.exercise.name
    how = "skipped" if skipped else "done"
    if step.sets > 1:
        return f"{exercise}{SEP}set {step.set_no} of {step.sets} {how}"
    return f"{exercise} {how}"


def next_line(step: Step) -> str:
    """What comes next, in one line: "Swings · set 1 of 3 · 10 reps · needs kettlebell"."""
    equipment = equipment_words(step)
    return _join(
        [
            step.name,
            set_words(step),
            side_words(step),
            amount_words(step),
            f"needs {equipment}" if equipment else "",
        ]
    )


def next_facts(step: Step) -> str:
    """The NEXT panel's facts under the name: "Set 2 of 3 · Left side · 15-20 reps · Needs mat"."""
    equipment = equipment_words(step)
    return _join(
        [
            _cap(set_words(step)),
            _cap(side_words(step)),
            amount_words(step),
            step.note,
            f"Needs {equipment}" if equipment else "",
        ]
    )


def spoken_line(step: Step, following: Step | None) -> str:
    """What the voice says as ``step`` begins: "Clamshells. Set 1 of 3. Left side."."""
    if step.kind is StepKind.SWITCH:
        return "Switch sides."
    if step.kind is StepKind.GET_READY:
        return f"Get ready. First up: {following.name}." if following else "Get ready."
    if step.kind.is_rest:
        return f"Rest. Next up: {following.name}." if following else "Rest."
    parts = [step.name, _cap(set_words(step)), _cap(side_words(step))]
    exercise = step.exercise
    if exercise.per_set:
        parts.append(_cap(reps_words(step)) or "Timed")
    if exercise.load:
        parts.append(exercise.load)
    parts.append(_cap(step.note))
    return " ".join(part if part[-1] in ".!?" else f"{part}." for part in parts if part)


def plan_lines(plan: Plan) -> list[str]:
    """The expanded timeline as text lines."""
    routine = plan.routine
    lines = [f"{routine.name}: {count(len(plan.steps), 'step')}, about {format_span(plan.total)}"]
    # A step or block of an hour ("1:00:00", with its "*" or "+") needs a wider LENGTH column.
    width = 9 if plan.total >= 3600 else 6
    lines.append(f"{'START':<8}  {'LENGTH':<{width}}  STEP")
    heading = 0
    blocks = [block_steps(plan, number) for number in range(1, len(plan.routine.blocks) + 1)]
    inside = {step.plan_index for steps in blocks for step in steps}
    for step in plan.steps:
        if step.block_no != heading and step.kind is not StepKind.GET_READY:
            heading = step.block_no
            if heading:
                lines.append(block_heading(blocks[heading - 1], width))
        length = format_clock(step.estimate) + ("*" if step.waits_for_user else "")
        described = describe_step(step)
        if step.in_amrap:
            length = "loop"
            if step.duration is not None and step.reps is None:  # a timed one runs its time
                described += SEP + format_duration(step.duration)
        if step.until_ready:
            length += "+"
        indent = "  " if step.plan_index in inside else ""
        # An AMRAP's steps have no start of their own: they loop until the cap.
        start = "" if step.in_amrap else format_clock(step.start)
        lines.append(f"{start:<8}  {length:<{width}}  {indent}{described}")
    lines.append(f"{'TOTAL':<8}  {format_clock(plan.total):<{width}}")
    if any(step.waits_for_user and not step.in_amrap for step in plan.steps):
        lines.append("* manual set: ends when you press done; estimated from seconds_per_rep")
    if any(step.in_amrap for step in plan.steps):
        lines.append("loop: the AMRAP's exercises repeat until its cap; done moves to the next")
    if any(step.until_ready for step in plan.steps):
        lines.append("+ rest until ready: counted at its written length; then it waits for you")
    lines.extend(_late_emoms(blocks))
    return lines


def _late_emoms(blocks: list[list[Step]]) -> list[str]:
    """A warning for each EMOM whose round is only estimated (manual sets) to overrun every."""
    found = []
    for block in blocks:
        steps = [s for s in block if s.round_no == 1]
        if not steps or steps[0].every is None:
            continue
        every = steps[0].every
        work = sum(s.estimate for s in steps if s.kind is not StepKind.INTERVAL_REST)
        if work > every + 1e-9:
            found.append(
                f"! {steps[0].block}: a round's estimated work ({format_clock(work)}) is longer "
                f"than every ({format_clock(every)}): rounds may start late"
            )
    return found


def block_steps(plan: Plan, block_no: int) -> list[Step]:
    """A block's steps, its rounds only: not the rest after it, nor a get-ready before it."""
    steps = [s for s in plan.steps if s.block_no == block_no and s.kind is not StepKind.GET_READY]
    if steps and steps[-1].kind is StepKind.REST_AFTER and steps[-1].every is None:
        last = steps[-1]
        if last.round_no == last.rounds and last.exercise_no == last.exercise_count:
            steps.pop()
    return steps


def block_heading(steps: list[Step], width: int = 6) -> str:
    """ "0:10      12:30   Block 1 of 3: Pair A · 3 rounds" with the block's own total
    (``steps``: the block's, as :func:`block_steps` gives them)."""
    first = steps[0]
    total = sum(step.estimate for step in steps)
    what = f"{first.rounds} rounds" if first.rounds > 1 else "1 round"
    if first.every is not None:
        what = f"EMOM: a round every {format_span(first.every)}, {what} = {format_span(total)}"
    elif first.time_cap is not None:
        many = f"{first.rounds} AMRAPs of" if first.rounds > 1 else "AMRAP:"
        what = f"{many} {format_span(first.time_cap)}, as many rounds as possible"
    where = f"Block {first.block_no} of {first.block_count}: {first.block}"
    return f"{format_clock(first.start):<8}  {format_clock(total):<{width}}  {where} · {what}"
