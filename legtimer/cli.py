"""The legtimer command line.

Only argparse is imported at start-up. Each command imports what it needs when it runs, and
Textual only when a screen opens, so ``--help``, ``check``, ``plan`` and ``list`` stay fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from legtimer import __version__

if TYPE_CHECKING:
    from legtimer.core.routine import Routine

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the width up front.

    Left to itself it imports shutil (and with it bz2, lzma and fnmatch) just to ask the
    terminal's width, on every run, even when no help is printed.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            try:
                width = os.get_terminal_size().columns - 2
            except OSError:
                width = 78
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """Subcommand parsers share the main parser's formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


class UsageError(Exception):
    """Bad input from the person: printed as one clear message, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (public so the docs and tests can read it)."""
    parser = argparse.ArgumentParser(
        prog="legtimer",
        description="A terminal interval timer for home strength workouts.",
        epilog="Examples:\n  legtimer --routine runners     start the runners workout\n"
        "  legtimer list                  every routine found\n"
        "  legtimer plan runners          the timeline, step by step\n"
        "  legtimer check my.toml         validate a routine file",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"legtimer {__version__}")
    parser.add_argument(
        "-r",
        "--routine",
        metavar="ROUTINE",
        help="a routine file, or the name of a bundled or saved routine",
    )
    parser.add_argument("--mute", action="store_true", help="start with sounds off")
    parser.add_argument("--voice", action="store_true", help="speak each step (espeak-ng or say)")
    parser.add_argument(
        "--event-log",
        metavar="FILE",
        help="write every cue event with its due time as JSON lines (for timing checks)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("list", help="list every routine found, with its length and where it lives")

    plan = sub.add_parser("plan", help="print the timeline of a routine and its total")
    plan.add_argument("routine", metavar="ROUTINE")

    check = sub.add_parser("check", help="validate routine files (exit 0 if all are fine)")
    check.add_argument("files", metavar="FILE", nargs="+")

    new = sub.add_parser("new", help="create a routine in your routines folder")
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--from", dest="source", metavar="ROUTINE", help="start from a copy of this routine"
    )

    edit = sub.add_parser("edit", help="edit a routine in a form")
    edit.add_argument("routine", metavar="ROUTINE")

    sub.add_parser("sound-check", help="play each cue sound and name the audio backend")
    sub.add_parser("history", help="show past workouts")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `legtimer plan x | head`: the reader left; that is fine.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from legtimer import commands

    command = args.command
    if command == "list":
        return commands.list_routines()
    if command == "plan":
        return commands.show_plan(_load(args.routine))
    if command == "check":
        return commands.check_files(args.files)
    if command == "new":
        return commands.new_routine(args.name, args.source)
    if command == "edit":
        return commands.edit_routine(args.routine)
    if command == "sound-check":
        return commands.sound_check()
    if command == "history":
        return commands.show_history()
    spec = args.routine
    routine = _load(spec) if spec else None
    return commands.run_workout(routine, mute=args.mute, voice=args.voice, event_log=args.event_log)


def _load(spec: str) -> Routine:
    """A routine by path or name, or a UsageError with the loader's or finder's message."""
    from legtimer.core.errors import RoutineError
    from legtimer.core.loader import load_routine
    from legtimer.library import RoutineNotFound, resolve_routine

    try:
        return load_routine(resolve_routine(spec))
    except (RoutineError, RoutineNotFound) as exc:
        raise UsageError(
            str(exc) if isinstance(exc, RoutineError) else f"legtimer: {exc}"
        ) from None


if __name__ == "__main__":
    sys.exit(main())
