"""What the workout screen says, worked out from the session as plain data.

Kept free of widgets so every line can be tested without a terminal, and so the screen does
nothing but copy these strings into widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from legtimer.core.durations import format_clock, format_duration
from legtimer.core.plan import Step, StepKind
from legtimer.core.session import Session

PHASES: dict[StepKind, tuple[str, str]] = {
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
PHASE_CLASSES = tuple(
    f"-{name}"
    for name in ("get-ready", "warmup", "work", "switch", "rest", "cooldown", "paused", "done")
)


@dataclass(frozen=True)
class View:
    """Every piece of text on the workout screen for one moment."""

    phase: str
    phase_class: str
    position: str
    name: str
    detail: str
    clock: str
    rep: str
    cue: str
    meta: str
    next_up: str
    next_prominent: bool
    overall: str
    step_fraction: float
    overall_fraction: float
    hint: str


def phase_of(session: Session) -> tuple[str, str]:
    """(label, CSS class name) for the banner; the label is never the only signal."""
    if session.finished:
        return "DONE", "done"
    if session.paused:
        return "PAUSED", "paused"
    return PHASES[session.step.kind]


def describe_next(step: Step) -> str:
    """ "Kettlebell Swings · set 1 of 3 · 10 reps · needs kettlebell"."""
    parts = [step.name]
    if step.sets > 1:
        parts.append(f"set {step.set_no} of {step.sets}")
    if step.side is not None:
        parts.append(f"{step.side.value} side")
    exercise = step.exercise
    if exercise is not None:
        parts.append(exercise.reps_text() or format_duration(step.estimate))
        if exercise.equipment:
            parts.append("needs " + ", ".join(exercise.equipment))
    return " · ".join(parts)


def position_of(step: Step) -> str:
    """ "Exercise 2 of 6 · Round 1 of 3", or "Warm-up 1 of 4" / "Cool-down 2 of 4"."""
    label = {"warmup": "Warm-up", "cooldown": "Cool-down"}.get(step.section.value, "Exercise")
    text = f"{label} {step.exercise_no} of {step.exercise_count}"
    if step.rounds > 1:
        text += f" · Round {step.round_no} of {step.rounds}"
    return text


def _detail(step: Step) -> str:
    if step.kind is StepKind.SWITCH:
        side = step.side.value if step.side else "other"
        return f"Switch to the {side} side"
    if step.kind is StepKind.GET_READY:
        return "Get into position"
    if step.kind is StepKind.ROUND_REST:
        return f"Round {step.round_no} of {step.rounds} done"
    if step.kind.is_rest:
        return f"Set {step.set_no} of {step.sets} done" if step.sets > 1 else "Exercise done"
    parts = []
    if step.sets > 1:
        parts.append(f"Set {step.set_no} of {step.sets}")
    if step.side is not None:
        parts.append(f"{step.side.value.capitalize()} side")
    if step.exercise is not None and step.exercise.reps is not None:
        parts.append(step.exercise.reps_text())
    if step.exercise is not None and step.exercise.load:
        parts.append(step.exercise.load)
    if step.block and not step.in_amrap:
        parts.append(f"{step.block} · round {step.round_no} of {step.rounds}")
    return " · ".join(parts)


def _meta(step: Step) -> str:
    exercise = step.exercise
    if exercise is None or not step.kind.is_work:
        return ""
    parts = []
    if exercise.benefit:
        parts.append(exercise.benefit)
    if exercise.equipment:
        parts.append("Equipment: " + ", ".join(exercise.equipment))
    if exercise.easier:
        parts.append("Easier: " + exercise.easier)
    if exercise.harder:
        parts.append("Harder: " + exercise.harder)
    return "  ·  ".join(parts)


def view_of(session: Session, done_keys: str = "Enter or D") -> View:
    """Everything the screen shows right now.

    Args:
        session: the workout.
        done_keys: how to say "done" on this screen's keys, for the manual-set hint.
    """
    plan = session.plan
    step = session.step
    label, css = phase_of(session)
    following = plan.next_up(step)
    if session.finished:
        return View(
            label,
            css,
            "",
            plan.routine.name,
            "Workout complete",
            "0:00",
            "",
            "",
            "",
            "",
            False,
            _overall(session),
            1.0,
            1.0,
            "",
        )
    manual = step.waits_for_user and not step.in_amrap
    clock = (
        format_clock(session.elapsed_in_step(), count_up=True)
        if manual
        else format_clock(session.remaining())
    )
    if session.waiting:
        clock = "+" + format_clock(session.overtime(), count_up=True)
    rep = ""
    if step.is_paced:
        rep = f"rep {session.current_rep()} of {step.rep_count}"
    hint = ""
    if manual:
        hint = f"Your pace: press {done_keys} when the set is done"
        rep = f"{step.rep_count} reps, counting up"
    detail = _detail(step)
    score = session.amrap_score()
    if score is not None:
        rep = str(score)
        detail = f"{step.block} · AMRAP" + (
            f" {step.round_no} of {step.rounds}" if step.rounds > 1 else ""
        )
        if step.waits_for_user:
            hint = f"Press {done_keys} when these reps are done"
    elif step.kind.is_rest and session.tally.scores and _after_amrap(session):
        rep = f"{session.tally.scores[-1].block}: {session.tally.scores[-1]}"
    if step.kind is StepKind.INTERVAL_REST:
        left = format_clock(session.remaining())
        detail = (
            f"Round {step.round_no + 1} of {step.rounds} in {left}"
            if step.round_no < step.rounds
            else f"{step.block} ends in {left}"
        )
    if session.waiting:
        hint = "Rest is up: press Space or Enter when you are ready"
    if step.kind.is_work:
        name, cue = step.name, step.exercise.cue if step.exercise else ""
    else:
        name = (
            step.name
            if step.kind is not StepKind.GET_READY
            else (following.name if following else step.name)
        )
        # Between sets, the next one's cue: how to do what comes next, while there is time.
        cue = following.exercise.cue if following and following.exercise else ""
    if following is None:
        next_text = "Last one: finish strong"
    else:
        next_text = "NEXT: " + describe_next(following)
        if following.block and following.block_no != step.block_no:
            next_text = f"NEXT: {following.block}: " + describe_next(following)
    prominent = not step.kind.is_work
    length = session.step_length()
    if manual:
        fraction = min(1.0, session.elapsed_in_step() / step.estimate) if step.estimate else 0.0
    else:
        fraction = 1 - session.remaining() / length if length > 0 else 1.0
    return View(
        phase=label,
        phase_class=css,
        position=position_of(step),
        name=name,
        detail=detail,
        clock=clock,
        rep=rep,
        cue=cue,
        meta=_meta(step),
        next_up=next_text,
        next_prominent=prominent,
        overall=_overall(session),
        step_fraction=fraction,
        overall_fraction=_overall_fraction(session),
        hint=hint,
    )


def _overall(session: Session) -> str:
    elapsed = format_clock(session.elapsed(), count_up=True)
    left = format_clock(session.total_remaining())
    where = f"step {session.index + 1} of {len(session.plan.steps)}"
    step = session.step
    if step.block_no:
        where += f" · block {step.block_no} of {step.block_count}"
    return f"{elapsed} elapsed  ·  {left} left  ·  {where}"


def _after_amrap(session: Session) -> bool:
    """The rest right after an AMRAP, where its score stays on screen."""
    index = session.step.plan_index
    return index > 0 and session.plan.steps[index - 1].in_amrap


def _overall_fraction(session: Session) -> float:
    total = session.plan.total
    if total <= 0:
        return 1.0
    return max(0.0, min(1.0, 1 - session.total_remaining() / total))
