"""The legtimer command line.

Each command imports what it needs when it runs, and Textual only when a screen opens, so
``--help``, ``check``, ``plan`` and ``list`` stay fast. ``check FILE...`` (what editors and git
hooks call, often) does not even build the argument parser.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from legtimer.core.errors import EXIT_BAD_INPUT, EXIT_OK

if TYPE_CHECKING:
    import argparse

    from legtimer.core.routine import Routine

from legtimer.cli.usage import UsageError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        if len(words) > 1 and words[0] == "check" and not any(w.startswith("-") for w in words):
            from legtimer.cli import commands

            return commands.check_files(words[1:])
        from legtimer.cli.arguments import build_parser

        args = build_parser().parse_args(words)
        return _dispatch(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `legtimer plan x | head`: the reader left; that is fine.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    from legtimer.cli import commands

    command = args.command
    if command == "list":
        return commands.list_routines()
    if command == "plan":
        return commands.show_plan(_load(args.routine), _words(args.without))
    if command == "check":
        return commands.check_files(args.files)
    if command == "new":
        return commands.new_routine(args.name, args.source, args.title)
    if command in ("doctor", "sound-check"):
        return commands.doctor()
    if command == "history":
        return commands.show_history(args)
    from legtimer.cli import workout

    if command == "edit":
        return workout.edit_routine(args.routine)
    spec = args.routine
    return workout.run_workout(
        _load(spec) if spec else None,
        mute=args.mute,
        voice=args.voice,
        event_log=args.event_log,
        keep_awake=not args.no_keep_awake,
        flash=args.flash,
        resume_now=command == "resume",
        remote=args.remote or args.remote_bind is not None,
        remote_bind=args.remote_bind,
        without=_words(args.without),
        ask=not args.no_ask,
    )


def _words(text: str | None) -> tuple[str, ...] | None:
    """ "box, kettlebell" -> ("box", "kettlebell"); None when not given."""
    if text is None:
        return None
    return tuple(word.strip() for word in text.split(",") if word.strip())


def _load(spec: str) -> Routine:
    """A routine by path or name, or a UsageError with the loader's or finder's message."""
    from legtimer.core.errors import RoutineError
    from legtimer.core.loader import load_routine
    from legtimer.storage.library import RoutineNotFound, resolve_routine

    try:
        return load_routine(resolve_routine(spec))
    except (RoutineError, RoutineNotFound) as exc:
        raise UsageError(
            str(exc) if isinstance(exc, RoutineError) else f"legtimer: {exc}"
        ) from None
