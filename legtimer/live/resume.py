"""Finding an interrupted workout to pick up, and where in its (maybe changed) routine."""

from __future__ import annotations

import os
import time
from typing import NamedTuple

from legtimer.core.errors import RoutineError
from legtimer.core.loader import load_routine
from legtimer.core.plan import Plan, Step, StepKind, compile_plan
from legtimer.core.routine import Routine
from legtimer.core.session import Tally
from legtimer.core.words import SEP, round_words
from legtimer.live.driver import Resume
from legtimer.live.outfit import ResumedFrom
from legtimer.storage.checkpoint import (
    Checkpoint,
    CheckpointStore,
    CheckpointUnreadable,
    letter_outcomes,
    routine_hash,
)


class ResumeOffer(NamedTuple):
    """An interrupted workout: the question to ask, and how to carry on if the answer is yes."""

    routine: Routine
    question: str
    resume: Resume | None
    """None when the routine changed so much that the place is gone (start over, or quit)."""
    resumed: ResumedFrom


def find_offer(
    store: CheckpointStore, routine_path: str | None = None, now: float | None = None
) -> tuple[ResumeOffer | None, str | None]:
    """The workout to offer to resume, and a one-line problem to show (a damaged checkpoint).

    Args:
        store: where the checkpoint lives.
        routine_path: only offer a workout of this routine file (None: any).
        now: wall-clock now, for the age check.
    """
    try:
        checkpoint = store.load(now)
    except CheckpointUnreadable as exc:
        return None, str(exc)
    if checkpoint is None:
        return None, None
    if routine_path is not None and not _same_file(routine_path, checkpoint.routine_path):
        return None, None
    try:
        routine = load_routine(checkpoint.routine_path)
    except RoutineError:
        return None, None
    plan = compile_plan(routine)
    resumed = ResumedFrom(checkpoint.started_at, checkpoint.workout_id)
    ago = _ago((time.time() if now is None else now) - checkpoint.saved_at)
    resume = place(plan, checkpoint, routine.defaults.get_ready)
    if resume is None:
        where = f"{checkpoint.exercise} · set {checkpoint.set_no} of {checkpoint.sets}"
        if checkpoint.round_no > 1:
            where += f" in round {checkpoint.round_no}"
        question = (
            f"{routine.name} changed since you stopped at {where} ({ago}), and that set is "
            "no longer in it. Start over?"
        )
    else:
        where = _where(plan, plan.steps[resume.step_index])
        question = f"Resume {routine.name} at {where} (stopped {ago})?"
    return ResumeOffer(routine, question, resume, resumed), None


def place(plan: Plan, checkpoint: Checkpoint, get_ready: float) -> Resume | None:
    """Where to pick up: the same step if the file is unchanged, else the same exercise and set."""
    lead = get_ready if get_ready > 0 else 10.0
    unchanged = routine_hash(checkpoint.routine_path) == checkpoint.routine_hash
    if unchanged and 0 <= checkpoint.step_index < len(plan.steps):
        left = letter_outcomes(checkpoint.outcomes[: len(plan.steps)])
        tally = Tally(left, checkpoint.worked, checkpoint.rested)
        index = checkpoint.step_index
        if plan.steps[index].kind is StepKind.INTERVAL_REST and index + 1 < len(plan.steps):
            # Stopped in an EMOM's rest: its boundary went with the old clock, so pick up at
            # the next round's start, whose interval the session anchors anew from there.
            index += 1
        return Resume(index, tally, checkpoint.elapsed, lead)
    for step in plan.steps:
        if (
            step.kind.is_work
            and step.name == checkpoint.exercise
            and step.set_no == checkpoint.set_no
            and step.round_no == checkpoint.round_no
            and (step.side.value if step.side else None) == checkpoint.side
        ):
            tally = Tally({}, checkpoint.worked, checkpoint.rested)
            return Resume(step.plan_index, tally, checkpoint.elapsed, lead)
    return None


def _where(plan: Plan, step: Step) -> str:
    """ "Burpees · round 2 of 10" or "Swings · set 1 of 3": the set a resume picks up at."""
    anchor = step if step.kind.is_work else (plan.next_up(step) or step)
    rounds = round_words(anchor)
    # A single set still says "set 1 of 1" when no round says where it is.
    sets = f"set {anchor.set_no} of {anchor.sets}" if anchor.sets > 1 or not rounds else ""
    return SEP.join(part for part in (anchor.name, rounds, sets) if part)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _ago(seconds: float) -> str:
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min ago"
