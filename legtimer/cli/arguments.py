"""The argument parser, kept apart so `legtimer check FILE...` can run without argparse."""

from __future__ import annotations

import argparse
import os
from typing import Any

from legtimer import __version__


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
        "--flash",
        action="store_true",
        help="flash the screen at each transition (or flash = true in [defaults])",
    )
    parser.add_argument(
        "--no-keep-awake",
        action="store_true",
        help="let the screen sleep during the workout (or keep_awake = false in [defaults])",
    )
    parser.add_argument(
        "--event-log",
        metavar="FILE",
        help="write every cue event with its due time as JSON lines (for timing checks)",
    )
    parser.add_argument(
        "--remote",
        action="store_true",
        help="let a phone on the same Wi-Fi follow and drive the workout (or remote = true "
        "in [defaults]); the screen shows a QR code and a link",
    )
    parser.add_argument(
        "--remote-bind",
        metavar="ADDRESS",
        help="where the phone remote listens (implies --remote; default: every interface; "
        "127.0.0.1: this machine only)",
    )
    parser.add_argument(
        "--without",
        metavar="ITEMS",
        help="equipment you do not have today, comma-separated whole words "
        '("box,kettlebell"): exercises that need it are swapped for a variant, and variants '
        "that need it are never offered",
    )
    parser.add_argument(
        "--no-ask",
        action="store_true",
        help="do not ask what equipment is missing (the last answers still apply)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("list", help="list every routine found, with its length and where it lives")

    plan = sub.add_parser("plan", help="print the timeline of a routine and its total")
    plan.add_argument("routine", metavar="ROUTINE")
    plan.add_argument(
        "--without", metavar="ITEMS", help="show the plan without this equipment (as above)"
    )

    check = sub.add_parser("check", help="validate routine files (exit 0 if all are fine)")
    check.add_argument("files", metavar="FILE", nargs="+")

    new = sub.add_parser("new", help="create a routine in your routines folder")
    new.add_argument("name", metavar="NAME")
    new.add_argument(
        "--from", dest="source", metavar="ROUTINE", help="start from a copy of this routine"
    )
    new.add_argument(
        "--title",
        metavar="TEXT",
        help='the copy\'s name in the picker (default: "ORIGINAL NAME (NAME)")',
    )

    edit = sub.add_parser("edit", help="edit a routine in a form")
    edit.add_argument("routine", metavar="ROUTINE")

    sub.add_parser(
        "resume", help="pick up the workout that was interrupted (within the last 12 hours)"
    )
    sub.add_parser("doctor", help="check sound, voice, keep-awake and folders, with a fix for each")
    sub.add_parser("sound-check", help="the same as doctor (its old name)")
    history = sub.add_parser(
        "history", help="past workouts: a calendar, charts and every set (--plain: a table)"
    )
    export = history.add_mutually_exclusive_group()
    export.add_argument(
        "--plain",
        action="store_true",
        help="print the table (the default when not in a terminal)",
    )
    export.add_argument("--json", action="store_true", help="every workout with its sets, as JSON")
    export.add_argument("--csv", action="store_true", help="every set, one row each, as CSV")
    return parser
