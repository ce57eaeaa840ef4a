"""RoutineError: every problem in a routine file, each with file, line, place and fix."""

from __future__ import annotations

from typing import NamedTuple

EXIT_OK = 0
"""Exit code of a command that did what was asked."""
EXIT_BAD_INPUT = 2
"""Exit code for bad input from the person: a bad routine, name or argument."""


class Problem(NamedTuple):
    """One thing wrong with a routine file."""

    file: str
    line: int | None
    where: str
    message: str
    table: tuple[str, int] | None = None
    """The table it is in, e.g. ("exercise", 1) for the second [[exercise]]; for the editor."""
    key: str | None = None
    """The key it is about, when it is about one key."""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line is not None else self.file
        return (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )


class RoutineError(Exception):
    """A routine could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""Bad input from the person (a routine, an argument, no terminal): the message says why."""
