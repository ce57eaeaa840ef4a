"""Bad input from the person, said in one line with exit code 2 (never a traceback)."""

from __future__ import annotations


class UsageError(Exception):
    """Printed as it is, to standard error; the command exits with code 2."""
