"""What each CLI command does. Kept apart from argument parsing so tests can call them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from legtimer.core.durations import format_clock, format_span
from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK, RoutineError
from legtimer.core.loader import load_routine
from legtimer.core.plan import Plan, Step, StepKind, compile_plan
from legtimer.core.routine import Routine


def list_routines() -> int:
    """`legtimer list`: name, exercises, estimated time and place of every routine."""
    from legtimer.storage.library import find_routines

    entries = find_routines()
    if not entries:
        print("no routines found", file=sys.stderr)
        return EXIT_OK
    rows: list[tuple[str, ...]] = [("NAME", "ROUTINE", "EXERCISES", "TIME", "WHERE")]
    for entry in entries:
        try:
            routine = load_routine(entry.path)
        except RoutineError as exc:
            first = exc.problems[0].message if exc.problems else "invalid"
            rows.append((entry.name, f"(invalid: {first})", "-", "-", str(entry.path)))
            continue
        plan = compile_plan(routine)
        rows.append(
            (
                entry.name,
                routine.name,
                str(len(routine.exercises)),
                format_span(plan.total),
                f"{entry.where}: {entry.path}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK


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


def show_plan(routine: Routine) -> int:
    """`legtimer plan ROUTINE`."""
    print("\n".join(plan_lines(compile_plan(routine))))
    return EXIT_OK


def check_files(files: Sequence[str]) -> int:
    """`legtimer check FILE...`: every problem of every file, exit 2 if any.

    A bare name that is not a file here is looked up like --routine does ("check my-legs").
    """
    import os

    bad = 0
    for name in files:
        target = name
        if not os.path.exists(name) and os.sep not in name:
            import contextlib

            from legtimer.storage.library import RoutineNotFound, resolve_routine

            # Not a known name either: the loader then says "no such file".
            with contextlib.suppress(RoutineNotFound):
                target = str(resolve_routine(name))
        try:
            routine = load_routine(target)
        except RoutineError as exc:
            bad += 1
            print(str(exc), file=sys.stderr)
            continue
        plan = compile_plan(routine)
        print(
            f"{target}: ok: {routine.name}, {len(routine.exercises)} exercises, "
            f"about {format_span(plan.total)}"
        )
    return EXIT_BAD_INPUT if bad else EXIT_OK


def run_workout(
    routine: Routine | None, mute: bool = False, voice: bool = False, event_log: str | None = None
) -> int:
    """`legtimer [--routine R]`: the workout screen, or the picker when no routine is given.

    Textual is imported here, not at start-up, so the other commands stay fast. The exit code
    is the app's: Textual reports an internal error through it, not through an exception.
    """
    from legtimer.audio.chooser import open_audio
    from legtimer.audio.sink import CueSink
    from legtimer.ui.app import LegtimerApp

    log = open(event_log, "w", encoding="utf-8") if event_log else None  # noqa: SIM115

    def cues(plan: Plan, bell: Callable[[], None]) -> CueSink:
        player = open_audio(plan, mute=mute, voice=voice, bell=bell)
        if log is None:
            return player
        from legtimer.live.eventlog import EventLog

        return EventLog(player, log)

    app = LegtimerApp(routine, cues=cues)
    app.run()
    return app.return_code or 0


def new_routine(name: str, source: str | None, title: str | None = None) -> int:
    """`legtimer new NAME [--from ROUTINE [--title TEXT]]`."""
    from legtimer.storage.starter import main as create_main

    return create_main(name, source, title)


def edit_routine(spec: str) -> int:
    """`legtimer edit ROUTINE`: the form editor (Textual is imported only now)."""
    from pathlib import Path

    from legtimer.storage.library import RoutineNotFound, resolve_routine
    from legtimer.storage.paths import bundled_routines_dir, user_routines_dir

    try:
        path = resolve_routine(spec)
    except RoutineNotFound as exc:
        print(f"legtimer: {exc}\nto start a new one: legtimer new NAME", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        routine = load_routine(path)
    except RoutineError as exc:
        print(
            f"{exc}\nlegtimer: fix these in a text editor first; the form needs a valid "
            "routine to start from",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from legtimer.audio.chooser import open_audio
    from legtimer.audio.sink import CueSink
    from legtimer.ui.editor.app import EditorApp

    def cues(plan: Plan, bell: Callable[[], None]) -> CueSink:
        return open_audio(plan, bell=bell)

    bundled = Path(path).resolve().parent == bundled_routines_dir().resolve()
    app = EditorApp(
        routine,
        Path(path),
        bundled=bundled,
        user_folder=user_routines_dir(),
        original_text=Path(path).read_text(encoding="utf-8"),
        cues=cues,
    )
    app.run()
    return app.return_code or 0


def sound_check() -> int:
    """`legtimer sound-check`: play each cue and name the audio backend."""
    from legtimer.audio.check import sound_check as run_check

    return run_check()


def show_history() -> int:
    """`legtimer history`: past workouts, newest last."""
    from legtimer.storage import history
    from legtimer.storage.paths import history_path

    entries, bad = history.load()
    if not entries:
        print(f"no workouts yet (the log will be {history_path()})")
        return EXIT_OK
    width = max(len(e.routine) for e in entries)
    print(f"{'WHEN':<16}  {'ROUTINE':<{width}}  {'TIME':>7}  {'WORKED':>7}  SETS")
    for e in entries:
        status = "" if e.finished else "  (stopped early)"
        print(
            f"{e.when:<16}  {e.routine:<{width}}  {format_clock(e.total, count_up=True):>7}  "
            f"{format_clock(e.worked, count_up=True):>7}  {e.sets_done} done, "
            f"{e.sets_skipped} skipped{status}"
        )
    if bad:
        print(f"({bad} unreadable line(s) left as they are in {history_path()})", file=sys.stderr)
    return EXIT_OK
