"""`legtimer [--routine R]`, `legtimer resume` and `legtimer edit`: the commands that open a screen.

Textual is imported only here, inside the functions, so the other commands stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

from legtimer.audio.sink import CueSink
from legtimer.cli.usage import UsageError
from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK
from legtimer.core.harder import MovingUp
from legtimer.core.plan import Plan
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.live.outfit import CueFactory, Outfit

NO_TERMINAL = (
    "legtimer: the workout screen needs a terminal (standard input and output are not one).\n"
    "  to see a routine's timeline as text: legtimer plan ROUTINE"
)


def has_terminal() -> bool:
    """Standard input and output are both a terminal (not a file, a pipe or cron)."""
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def sound(mute: bool = False, voice: bool = False) -> CueFactory:
    """The one factory for a workout's sound side: the best backend here, with fallbacks."""

    def cues(plan: Plan, bell: Callable[[], None], clock: Callable[[], float]) -> CueSink:
        from legtimer.audio.chooser import open_audio

        return open_audio(plan, mute=mute, voice=voice, bell=bell, clock=clock)

    return cues


def open_event_log(path: str | None) -> IO[str] | None:
    """The --event-log file, opened for writing.

    Raises:
        UsageError: when it cannot be written, saying why.
    """
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the listener
    except OSError as exc:
        raise UsageError(f"legtimer: --event-log {path}: {exc.strerror or exc}") from None


def tidy_log() -> None:
    """Before a workout: bring in side files left by a locked log, and the old history once."""
    from legtimer.storage.paths import history_path, log_path
    from legtimer.storage.pending import merge_pending, pending_dir
    from legtimer.storage.trainlog import LogUnavailable, TrainingLog

    db = log_path()
    try:
        with TrainingLog.open(db) as log:
            merge_pending(log, pending_dir(db))
            if history_path().exists():
                log.import_jsonl(history_path())
    except LogUnavailable:
        pass  # the workout's own recorder says so on screen, once


def targets_from_log(routine: Routine, exclude_workout: int | None) -> dict[str, Target] | None:
    """Today's targets from the training log (the app's ``targets`` hook)."""
    from legtimer.storage.paths import log_path
    from legtimer.storage.progress import targets_from_log as read_targets

    return read_targets(routine, log_path(), exclude_workout)


def moving_up_from_log() -> MovingUp:
    """Promotions and recent no's to harder variants (the app's ``moving_up`` hook)."""
    from legtimer.storage.paths import log_path
    from legtimer.storage.progress import moving_up_from_log as read_moving_up

    return read_moving_up(log_path())


def run_workout(
    routine: Routine | None,
    *,
    mute: bool = False,
    voice: bool = False,
    event_log: str | None = None,
    keep_awake: bool = True,
    flash: bool = False,
    resume_now: bool = False,
    remote: bool = False,
    remote_bind: str | None = None,
    without: tuple[str, ...] | None = None,
    ask: bool = True,
) -> int:
    """The workout screen (or the picker), offering first to resume an interrupted workout."""
    log_file = open_event_log(event_log)
    if not has_terminal():
        print(NO_TERMINAL, file=sys.stderr)
        return EXIT_BAD_INPUT
    from legtimer.live.resume import find_offer
    from legtimer.storage.checkpoint import CheckpointStore
    from legtimer.storage.paths import checkpoint_path, place_lock_path
    from legtimer.storage.placelock import PlaceLock

    tidy_log()
    with PlaceLock(place_lock_path()) as lock:  # held until this legtimer is done
        keep_place = lock.take()
        offer, problem = None, None
        if keep_place:  # else the checkpoint is another legtimer's running workout: not to resume
            offer, problem = find_offer(
                CheckpointStore(checkpoint_path()), routine.path if routine else None
            )
        if problem:
            print(f"legtimer: {problem}", file=sys.stderr)
        if resume_now and offer is None:
            why = "none stopped in the last 12 hours"
            if not keep_place:
                why = f"{lock.holder_name()} is open and keeps its place"
            print(f"legtimer: no workout to resume ({why})", file=sys.stderr)
            return EXIT_BAD_INPUT
        place_problem = None
        if not keep_place:
            place_problem = (
                f"{lock.holder_name().capitalize()} is open: "
                "if this workout is interrupted, it cannot be resumed"
            )
        outfit = Outfit(
            cues=sound(mute, voice),
            keep_awake=keep_awake,
            record=True,
            keep_place=keep_place,
            place_problem=place_problem,
            event_log=log_file,
        )
        from legtimer.live.remote import ALL_INTERFACES, RemoteWish
        from legtimer.live.variants import Gear
        from legtimer.ui.app import LegtimerApp

        wish = RemoteWish(remote, remote_bind or ALL_INTERFACES)
        app = LegtimerApp(
            routine,
            outfit=outfit,
            offer=offer,
            resume_now=resume_now,
            remote=wish,
            flash=flash,
            targets=targets_from_log,
            gear=Gear(without, ask=ask, remember=True),
            moving_up=moving_up_from_log,
        )
        try:
            app.run()
        finally:
            if app.driver is not None:
                app.driver.end("error" if app.return_code else "closed")
        return app.return_code or EXIT_OK


def edit_routine(spec: str) -> int:
    """`legtimer edit ROUTINE`: the form editor; "try it" runs with sound but is never logged."""
    from pathlib import Path

    from legtimer.core.errors import RoutineError
    from legtimer.core.loader import load_routine
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
    from legtimer.ui.editor.draft import Draft

    # The form must hold everything the file says, or a save would lose it: refuse instead.
    problem = Draft.cannot_hold(routine)
    if problem:
        print(
            f"legtimer: the editor cannot edit {path}: {problem}; edit it in a text editor "
            f"and check it with: legtimer check {path}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if not has_terminal():
        print(NO_TERMINAL.replace("workout screen", "editor"), file=sys.stderr)
        return EXIT_BAD_INPUT
    from legtimer.ui.editor.app import EditorApp

    bundled = Path(path).resolve().parent == bundled_routines_dir().resolve()
    app = EditorApp(
        routine,
        Path(path),
        bundled=bundled,
        user_folder=user_routines_dir(),
        original_text=Path(path).read_text(encoding="utf-8"),
        outfit=Outfit(cues=sound()),
    )
    app.run()
    return app.return_code or EXIT_OK
