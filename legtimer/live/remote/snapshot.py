"""What a phone shows, as plain data worked out from the driver: one JSON object per change.

Pure (the wall clock is passed in) so every field can be tested on a fake clock. The page counts
the clock on its own between updates; ``clock`` says from what, and when, so it turns to the
next second together with the terminal. ``question`` is what the terminal asks before the next
exercise (the harder variant, or going back down), answered with the same commands as its keys.
"""

from __future__ import annotations

from typing import Any

from legtimer.core.durations import format_clock
from legtimer.core.plan import Step, StepKind
from legtimer.core.words import PHASE_WORDS
from legtimer.live.driver import Command, WorkoutDriver

PAGE_COMMANDS: tuple[Command, ...] = (
    Command.PAUSE,
    Command.DONE,
    Command.SKIP,
    Command.BACK,
    Command.MORE_TIME,
    Command.LESS_TIME,
    Command.ACCEPT_HARDER,
    Command.DECLINE_HARDER,
    Command.MOVE_DOWN,
)
"""The commands the page has a button for (sound stays on the laptop); the last three answer
the ``question`` and are shown only while it is asked."""


def idle_snapshot() -> dict[str, Any]:
    """Before a routine is chosen on the laptop (the picker is open)."""
    return {
        "type": "state",
        "step": None,
        "phase": "WAITING",
        "tone": "idle",
        "paused": False,
        "finished": False,
        "name": "Choose a routine on the laptop",
        "position": "",
        "set": "",
        "side": "",
        "reps": "",
        "cue": "",
        "next": "",
        "clock": {"mode": "still", "seconds": 0.0, "text": "", "at": 0.0, "wall": 0.0},
        "question": "",
        "available": [],
    }


def snapshot(driver: WorkoutDriver, wall: float) -> dict[str, Any]:
    """Everything the page shows for the driver's session right now.

    Args:
        driver: the workout.
        wall: the wall-clock time (``time.time()``) matching ``driver.clock()`` now, so the page
            can anchor the monotonic countdown to a time it understands.

    Returns:
        A JSON-ready dict; routine text in it is plain and must reach the page as text only.
    """
    session = driver.session
    step = session.step
    at = driver.clock()
    following = driver.plan.next_up(step)
    finished = session.finished or driver.ending is not None
    word, tone = PHASE_WORDS[step.kind]
    if finished:
        word, tone = "DONE", "done"
    elif session.paused:
        word = "PAUSED"
    if step.waits_for_user:
        mode, seconds = "up", session.elapsed_in_step()
        text = format_clock(seconds, count_up=True)
    else:
        mode, seconds = "down", session.remaining()
        text = format_clock(seconds)
    if finished or session.paused or not session.live:
        mode = "still"
    if step.kind.is_work or following is None or step.kind is not StepKind.GET_READY:
        name = step.name
    else:
        name = following.name
    work = step.kind.is_work
    # Between sets, how to do what comes next, as the terminal shows it.
    cue = step.exercise.cue if work else following.exercise.cue if following else ""
    return {
        "type": "state",
        "step": session.visit,
        "phase": word,
        "tone": tone,
        "paused": session.paused,
        "finished": finished,
        "name": driver.plan.routine.name if finished else name,
        "position": "" if finished else _position(step),
        "set": f"Set {step.set_no} of {step.sets}" if work and step.sets > 1 else "",
        "side": f"{step.side.value.capitalize()} side" if work and step.side else "",
        "reps": _reps(step) if work else "",
        "cue": "" if finished else cue,
        "next": "" if finished else _next(following),
        "clock": {"mode": mode, "seconds": seconds, "text": text, "at": at, "wall": wall},
        "question": driver.question(keys=False),
        "available": [c.value for c in PAGE_COMMANDS if driver.available(c)],
    }


def _reps(step: Step) -> str:
    exercise = step.exercise
    if exercise.reps is None:
        return ""
    text = exercise.reps_text()
    return f"{text}, your pace" if step.waits_for_user else text


def _position(step: Step) -> str:
    if step.kind is StepKind.GET_READY:
        return ""
    label = {"warmup": "Warm-up", "cooldown": "Cool-down"}.get(step.section.value, "Exercise")
    text = f"{label} {step.exercise_no} of {step.exercise_count}"
    if step.rounds > 1:
        text += f" · Round {step.round_no} of {step.rounds}"
    return text


def _next(following: Step | None) -> str:
    if following is None:
        return "Last one: finish strong"
    parts = [following.name]
    if following.sets > 1:
        parts.append(f"set {following.set_no} of {following.sets}")
    if following.side is not None:
        parts.append(f"{following.side.value} side")
    if following.exercise.reps is not None:
        parts.append(following.exercise.reps_text())
    return "NEXT: " + " · ".join(parts)
