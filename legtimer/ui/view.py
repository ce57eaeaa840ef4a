"""What the workout screen says, worked out from the session as plain data.

Kept free of widgets so every line can be tested without a terminal, and so the screen does
nothing but copy these strings into widgets. Split in two by how often it changes: a
``StepView`` when the step (or pause, or the end) changes, a ``TickView`` every second, so a
tick costs only the clock, the rep counter and the bars. The words come from core.words.
"""

from __future__ import annotations

from dataclasses import dataclass

from legtimer.core.durations import format_clock
from legtimer.core.events import Outcome
from legtimer.core.plan import Step, StepKind
from legtimer.core.session import Session
from legtimer.core.targets import harder_hint, progresses
from legtimer.core.words import PHASE_WORDS, detail_line, next_facts, next_line


@dataclass(frozen=True)
class StepView:
    """What stays the same for a whole step (until a pause, a skip or the end)."""

    phase: str
    phase_class: str
    title: str
    """The routine's own name."""
    position: str
    name: str
    """The headline: the exercise (work, switch), what was done (rest), or what to do."""
    name_big: bool
    """Draw the headline in block letters when there is room."""
    detail: str
    """ "Set 2 of 3 · Left side · 15-20 reps": bold, one line."""
    cue: str
    """How to do the current exercise (work), or "" between sets (the NEXT panel has it)."""
    between: bool
    """Not a work step: the NEXT panel takes the cue's place."""
    next_name: str
    next_facts: str
    next_cue: str
    next_line: str
    """The one-line NEXT under a work step's cue ("NEXT: Swings · set 1 of 3 · 10 reps")."""
    hint: str
    next_target: str
    """ "Last time 15 / 16 / 16 → today 17" before an exercise's first set (get-ready, rest)."""
    next_harder: str
    """ "All sets at 20: try the harder variant: ..." when last time reached the top."""
    cue_title: str
    """Whose cue the `c` overlay shows."""
    meta: str
    """Benefit, equipment, easier and harder: for the `c` overlay."""


@dataclass(frozen=True)
class TickView:
    """What moves within a step."""

    clock: str
    rep: str
    overall: str
    step_fraction: float
    overall_fraction: float


def phase_of(session: Session) -> tuple[str, str]:
    """(label, CSS class name) for the band; the label is never the only signal."""
    if session.finished:
        return "DONE", "done"
    if session.paused:
        return "PAUSED", "paused"
    return PHASE_WORDS[session.step.kind]


def describe_next(step: Step) -> str:
    """ "Kettlebell Swings · set 1 of 3 · 10 reps · needs kettlebell"."""
    return next_line(step)


def position_of(step: Step) -> str:
    """ "Exercise 2 of 6 · Round 1 of 3", or "Warm-up 1 of 4" / "Cool-down 2 of 4"."""
    label = {"warmup": "Warm-up", "cooldown": "Cool-down"}.get(step.section.value, "Exercise")
    text = f"{label} {step.exercise_no} of {step.exercise_count}"
    if step.rounds > 1:
        text += f" · Round {step.round_no} of {step.rounds}"
    return text


def meta_of(step: Step | None) -> str:
    """An exercise's benefit, equipment, easier and harder options, one per line."""
    exercise = step.exercise if step is not None else None
    if exercise is None:
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
    return "\n".join(parts)


def step_view_of(session: Session, done_keys: str = "Enter or D", offer: str = "") -> StepView:
    """Everything on the screen that changes only with the step.

    Args:
        session: the workout.
        done_keys: how to say "done" on this screen's keys, for the manual-set hint.
        offer: the question or note about the next exercise ("All sets at 20 last time:
            try Banded Clamshells? y / n"; "Clamshells today · y: back to Clamshells from now
            on"; "Banded Clamshells instead of Clamshells: yours since 25 Nov · v for
            Clamshells"), or "".
    """
    plan = session.plan
    step = session.step
    label, css = phase_of(session)
    title = plan.routine.name
    if session.finished:
        return StepView(
            label, css, title, "", title, False, "Workout complete", "", False, "", "", "", "",
            "", "", "", "", "",
        )  # fmt: skip
    following = plan.next_up(step)
    kind = step.kind
    between = not kind.is_work and following is not None
    manual = step.waits_for_user and not step.in_amrap
    hint = f"Your pace: press {done_keys} when the set is done" if manual else ""
    if kind.is_work or kind is StepKind.SWITCH:
        name, big = step.name, True
    elif kind is StepKind.GET_READY:
        name, big = "Get into position", False
    else:
        name, big = detail_line(step, _skipped_before(session)), False
    detail = "" if kind.is_rest or kind is StepKind.GET_READY else detail_line(step)
    if step.in_amrap:
        # "Left side · 10 reps · Finisher · AMRAP", the kind said once when it is the name.
        block = "" if step.block.casefold() == "amrap" else f"{step.block} · "
        amrap = f"{block}AMRAP" + (f" {step.round_no} of {step.rounds}" if step.rounds > 1 else "")
        detail = f"{detail} · {amrap}" if detail else amrap
        hint = f"Press {done_keys} when these reps are done" if step.waits_for_user else ""
    if session.waiting:
        hint = "Rest is up: press Space or Enter when you are ready"
    if kind is StepKind.GET_READY and step.plan_index == 0 and plan.notes:
        # Today's swaps ("Squat Jumps instead of Box Jumps..."), but not the one ``offer``
        # already says with its key ("... yours since 25 Nov · v for Clamshells").
        notes = [note for note in plan.notes if not offer.startswith(note)]
        hint = " · ".join(notes)
    if offer:
        hint = f"{offer} · {hint}" if hint else offer
    cue = step.exercise.cue if kind.is_work else ""
    next_cue = following.exercise.cue if following else ""
    next_text = "NEXT: " + next_line(following) if following else "Last one: finish strong"
    if following is not None and following.block and following.block_no != step.block_no:
        next_text = f"NEXT: {following.block}: " + next_line(following)
    shown = step if kind.is_work else following
    target, harder = target_words(session, following) if between else ("", "")
    if offer:
        harder = ""  # the question says it
    return StepView(
        phase=label,
        phase_class=css,
        title=title,
        position=position_of(step),
        name=name,
        name_big=big,
        detail=detail,
        cue=cue,
        between=between,
        next_name=following.name if following else "",
        next_facts=next_facts(following) if following else "",
        next_cue=next_cue,
        next_line=next_text,
        hint=hint,
        next_target=target,
        next_harder=harder,
        cue_title=shown.name if shown else "",
        meta=meta_of(shown),
    )


def _skipped_before(session: Session) -> bool:
    """The set a rest follows was skipped (its last step, the one just before the rest)."""
    index = session.index - 1
    if index < 0 or not session.plan.steps[index].kind.is_work:
        return False
    return session.tally.outcomes.get(index) is Outcome.SKIPPED


def target_words(session: Session, following: Step | None) -> tuple[str, str]:
    """Today's target against last time, and the harder hint, before an exercise's first set.

    Returns:
        ("Last time 15 / 16 / 16 → today 17", "All sets at 20: ...") or "" for either.
    """
    if following is None or following.exercise is None or following.set_no > 1:
        return "", ""
    if following.side is not None and following.side.value != following.exercise.first_side:
        return "", ""
    target = session.plan.target(following.name)
    if target is None or not progresses(session.plan.routine, following.exercise):
        return "", ""
    harder = harder_hint(session.plan.routine, following.exercise, target) or ""
    return target.describe(), harder


def tick_view_of(session: Session) -> TickView:
    """Everything on the screen that moves with the clock."""
    step = session.step
    if session.finished:
        return TickView("0:00", "", _overall(session), 1.0, 1.0)
    manual = step.waits_for_user and not step.in_amrap
    if manual:
        clock = format_clock(session.elapsed_in_step(), count_up=True)
        rep = f"{step.rep_count} reps, counting up"
        fraction = min(1.0, session.elapsed_in_step() / step.estimate) if step.estimate else 0.0
    else:
        clock = format_clock(session.remaining())
        rep = f"rep {session.current_rep()} of {step.rep_count}" if step.is_paced else ""
        length = session.step_length()
        fraction = 1 - session.remaining() / length if length > 0 else 1.0
    if session.waiting:
        clock = "+" + format_clock(session.overtime(), count_up=True)
    score = session.amrap_score()
    if score is not None:
        rep = str(score)
    elif step.kind.is_rest and session.tally.scores and _after_amrap(session):
        rep = f"{session.tally.scores[-1].block}: {session.tally.scores[-1]}"
    if step.kind is StepKind.INTERVAL_REST:
        left = format_clock(session.remaining())
        rep = (
            f"Round {step.round_no + 1} of {step.rounds} in {left}"
            if step.round_no < step.rounds
            else f"{step.block} ends in {left}"
        )
    return TickView(clock, rep, _overall(session), fraction, _overall_fraction(session))


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
