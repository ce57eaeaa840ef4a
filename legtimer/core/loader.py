"""TOML routine files -> Routine, or a RoutineError naming every problem with its line.

Reading is defensive on purpose: a routine is user input, so a missing file, a directory, a
binary blob, bad UTF-8, deep nesting or a wrong type all become a clear message, never a
traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.fields import ExerciseReader
from legtimer.core.lines import LineIndex
from legtimer.core.loader_blocks import BLOCK_ORDER, read_blocks
from legtimer.core.report import Report
from legtimer.core.routine import Exercise, Preferences, Routine, Section, Settings
from legtimer.core.schema import TOP_LEVEL, Table, fields_in
from legtimer.core.sounds import check_sound_file

MAX_FILE_BYTES = 1_000_000


def load_routine(path: str | os.PathLike[str]) -> Routine:
    """Read and validate a routine file.

    Args:
        path: the TOML file.

    Returns:
        The routine, with ``path`` set.

    Raises:
        RoutineError: listing every problem found.
    """
    name = os.fspath(path)
    return parse_routine(read_routine_text(name), path=name)


def read_routine_text(path: str) -> str:
    """The file's text, or a RoutineError saying why it cannot be a routine.

    Plain os calls rather than pathlib: pathlib costs `legtimer check` a few ms of imports.
    """
    shown = path

    def fail(message: str, line: int | None = None) -> RoutineError:
        return RoutineError([Problem(shown, line, "", message)])

    try:
        if os.path.isdir(path):
            raise fail("is a folder, not a routine file; give the path of a .toml file")
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise fail(f"is {size:,} bytes; a routine file may be at most {MAX_FILE_BYTES:,} bytes")
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied: cannot read this file") from None
    except OSError as exc:
        raise fail(f"cannot read this file: {exc.strerror or exc}") from None
    return decode_routine_bytes(data, shown)


def decode_routine_bytes(data: bytes, shown: str) -> str:
    """Bytes -> text, refusing binary and non-UTF-8 content with the line where it goes wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError(
            [
                Problem(
                    shown,
                    None,
                    "",
                    f"is {len(data):,} bytes; a routine file "
                    f"may be at most {MAX_FILE_BYTES:,} bytes",
                )
            ]
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise RoutineError(
            [
                Problem(
                    shown,
                    line,
                    "",
                    "contains NUL bytes: this is a binary file, not a TOML text file",
                )
            ]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RoutineError(
            [
                Problem(
                    shown,
                    line,
                    "",
                    f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8",
                )
            ]
        ) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse_routine(text: str, path: str | None = None, shown: str | None = None) -> Routine:
    """Validate routine TOML text. Used by the loader and by the editor as you type."""
    shown = shown or path or "<routine>"
    empty = Problem(
        shown,
        None,
        "",
        "the file is empty; a routine needs a [routine] table "
        "with a name and at least one [[exercise]]",
    )
    if not text.strip():
        raise RoutineError([empty])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found else None
        detail = _TOML_POSITION.sub("", message)
        column = f" (column {found.group(2)})" if found else ""
        twice = _DECLARED_TWICE.match(detail)
        if twice:
            # tomllib names the table as a Python tuple: say it as the file writes it.
            raise RoutineError(
                [Problem(shown, line, "", _declared_twice(twice.group(1)))]
            ) from None
        if _exercise_before_block(text, line):
            raise RoutineError([Problem(shown, line, "[[block]]", BLOCK_ORDER)]) from None
        raise RoutineError(
            [
                Problem(
                    shown,
                    line,
                    "TOML syntax",
                    f'{detail}{column}; write key = value, text in "quotes", lists in [brackets]',
                )
            ]
        ) from None
    except RecursionError:
        raise RoutineError(
            [
                Problem(
                    shown,
                    None,
                    "TOML syntax",
                    "values are nested too deeply; a routine uses at most a list inside a table",
                )
            ]
        ) from None
    if not data:
        raise RoutineError([empty])
    return routine_from_data(data, LineIndex.scan(text), shown, path)


_BLOCK_HEADER = re.compile(r"^\s*\[\[\s*block\s*\]\]")
_BLOCK_EXERCISE_HEADER = re.compile(r"^\s*\[\[\s*block\s*\.\s*exercise\s*\]\]")


def _exercise_before_block(text: str, line: int | None) -> bool:
    """tomllib's "cannot overwrite" at a [[block]] that follows a stray [[block.exercise]]."""
    lines = text.splitlines()
    if line is None or not 0 < line <= len(lines) or not _BLOCK_HEADER.match(lines[line - 1]):
        return False
    for earlier in lines[: line - 1]:
        if _BLOCK_HEADER.match(earlier):
            return False
        if _BLOCK_EXERCISE_HEADER.match(earlier):
            return True
    return False


_DECLARED_TWICE = re.compile(r"^Cannot (?:declare|overwrite a value) \(?([^)]*?),?\)? twice")


def _declared_twice(names: str) -> str:
    """The message for a table written twice, from tomllib's ``('routine',)``."""
    parts = [part.strip().strip("'\"") for part in names.split(",") if part.strip()]
    name = ".".join(parts) or "this table"
    if name == "routine":
        return "only one [routine]; for several parts use [[block]]"
    if name in ("defaults", "sounds"):
        return f"only one [{name}] table; put all its keys under the first"
    return f"[{name}] is written twice; each table once (or [[{name}]] for a list of them)"


def routine_from_data(
    data: dict[str, Any], lines: LineIndex, shown: str, path: str | None = None
) -> Routine:
    """Check parsed TOML against the format and build the Routine."""
    report = Report(shown, lines)
    unknown = [key for key in data if key not in TOP_LEVEL]
    for key in unknown:
        # A table header ([[exercises]]) or a root key: line_of finds either.
        report.unknown_key((key, 0), key, TOP_LEVEL, "top level")

    head = _table(report, data, "routine", "[routine]")
    values: dict[str, Any] = {spec.key: spec.default for spec in fields_in(Table.ROUTINE).values()}
    if head is None:
        report.add(("", 0), None, "", 'missing [routine] table; add [routine] with name = "..."')
    else:
        where = "[routine]"
        table_id = ("routine", 0)
        report.known_keys(table_id, where, head, Table.ROUTINE)
        for spec in fields_in(Table.ROUTINE).values():
            value = report.value(table_id, where, head, spec)
            if value is not None:
                values[spec.key] = value

    defaults, preferences = Settings(), Preferences()
    defaults_table = _table(report, data, "defaults", "[defaults]")
    if defaults_table is not None:
        defaults = report.settings(("defaults", 0), "[defaults]", defaults_table)
        preferences = report.preferences(("defaults", 0), "[defaults]", defaults_table)

    sounds = _sounds(report, data, path)

    sections: dict[Section, tuple[Exercise, ...]] = {}
    for section in Section:
        sections[section] = _exercises(report, data, section, defaults)
    blocks = read_blocks(report, data, defaults)
    if "exercise" in data and "block" in data:
        report.add(
            ("block", 0),
            None,
            "",
            "a routine has top-level [[exercise]] tables or [[block]]s, never both: keep the "
            "blocks and move those exercises into a [[block]] as [[block.exercise]], or keep "
            "[[exercise]] and drop the blocks",
        )
    elif "block" in data and head is not None:
        for key in ("rounds", "rest_between_rounds"):
            if key in head:
                report.add(
                    ("routine", 0),
                    key,
                    "[routine]",
                    f"{key} in [routine] repeats the [[exercise]] list; "
                    "with [[block]]s give each block its own",
                )
    elif (
        "exercise" not in data
        and "block" not in data
        and not any(isinstance(data[key], (dict, list)) for key in unknown)
    ):
        # With an unknown table reported ([[blocks]], [[exercises]]) its "did you mean" says
        # it: "no [[exercise]] found" would only mislead.
        report.add(
            ("", 0),
            None,
            "",
            "no [[exercise]] found; a routine needs at least one "
            "[[exercise]] with a name and reps or duration",
        )

    report.raise_if_any()
    return Routine(
        **values,
        defaults=defaults,
        warmup=sections[Section.WARMUP],
        exercises=sections[Section.MAIN],
        cooldown=sections[Section.COOLDOWN],
        sounds=sounds,
        preferences=preferences,
        blocks=blocks,
        path=path,
    )


def _table(report: Report, data: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        report.add(("", 0), key, where, f"must be a table written [{key}], not a single value")
        return None
    return value


def _exercises(
    report: Report, data: dict[str, Any], section: Section, defaults: Settings
) -> tuple[Exercise, ...]:
    key = section.value
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, dict):
        report.add(
            (key, 0), None, f"[{key}]", f"write [[{key}]] with double brackets, one per exercise"
        )
        return ()
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        report.add(("", 0), key, key, f"must be a list of tables, each written [[{key}]]")
        return ()
    reader = ExerciseReader(report, section, defaults)
    return tuple(ex for i, item in enumerate(value) if (ex := reader.read(i, item)) is not None)


def _sounds(report: Report, data: dict[str, Any], path: str | None) -> tuple[tuple[str, str], ...]:
    table = _table(report, data, "sounds", "[sounds]")
    if table is None:
        return ()
    table_id = ("sounds", 0)
    report.known_keys(table_id, "[sounds]", table, Table.SOUNDS)
    out: list[tuple[str, str]] = []
    folder = os.path.dirname(os.path.abspath(path)) if path else None
    for key, spec in fields_in(Table.SOUNDS).items():
        value = report.value(table_id, "[sounds]", table, spec)
        if value is None:
            continue
        if folder is not None:
            problem = check_sound_file(folder, value)
            if problem:
                report.add(table_id, key, "[sounds]", f"{key} = {value!r}: {problem}")
                continue
        out.append((key, value))
    return tuple(out)
