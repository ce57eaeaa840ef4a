"""Durations as people write them ("45s", "1m30s", "1:30") and back again."""

from __future__ import annotations

import math
import re

MAX_STEP_SECONDS = 4 * 3600
"""No single step may be longer than four hours: longer is surely a typo."""

_UNITS = re.compile(
    r"^\s*(?:(?P<h>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?"
    r"\s*(?:(?P<m>\d+(?:\.\d+)?)\s*m(?:in(?:utes?|s)?)?)?"
    r"\s*(?:(?P<s>\d+(?:\.\d+)?)\s*s(?:ec(?:onds?|s)?)?)?\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>[0-5]\d(?:\.\d+)?)\s*$")
_PLAIN = re.compile(r"^\s*(?P<s>\d+(?:\.\d+)?)\s*$")
_MINUTES_BARE_SECONDS = re.compile(r"^\s*(?:\d+\s*h\s*)?\d+\s*m\s*[0-5]?\d\s*$", re.IGNORECASE)
""""1m30" (and "1h2m30"): seconds after minutes need no unit, as on a clock."""

DURATION_HELP = 'a number of seconds, or text like "45s", "2m", "1m30s", "1m30", "1:30" or "1h"'


def parse_duration(value: object) -> float:
    """Return seconds for a TOML value, or raise ValueError saying what is wrong.

    Args:
        value: an int/float (seconds) or a string in one of the accepted forms.

    Returns:
        The duration in seconds (never negative, never NaN).
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a duration, got a boolean ({str(value).lower()})")
    if isinstance(value, int | float):
        seconds = float(value)
        if math.isnan(seconds) or math.isinf(seconds):
            raise ValueError(f"{value} is not a length of time")
        if seconds < 0:
            raise ValueError(f"{_show(value)} is negative")
        return seconds
    if not isinstance(value, str):
        raise ValueError(f"expected a duration, got {type_name(value)}")
    known = _PARSED.get(value)
    if known is None:
        known = _parse_text(value)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[value] = known
    return known


_PARSED: dict[str, float] = {}
"""Text already read: a routine writes the same few durations ("45s", "2m") over and over."""
_PARSED_MAX = 1024
"""Kept small: an editor session types many values, and a miss costs only a parse."""


def _parse_text(value: str) -> float:
    """Seconds for a duration written as text; ValueError (never cached) when it is not one."""
    text = value.strip()
    if text.startswith("-"):
        raise ValueError(f"{value!r} is negative")
    if _PLAIN.match(text):
        number = text.strip()
        raise ValueError(f'{value!r} has no unit; write {number} or "{number}s"')
    if _MINUTES_BARE_SECONDS.match(text):
        text += "s"
    for pattern in (_CLOCK, _UNITS):
        match = pattern.match(text)
        if match and text:
            parts = match.groupdict()
            if not any(parts.values()):
                break
            hours = float(parts.get("h") or 0)
            minutes = float(parts.get("m") or 0)
            secs = float(parts.get("s") or 0)
            return hours * 3600 + minutes * 60 + secs
    raise ValueError(f"{value!r} is not a duration")


def format_duration(seconds: float) -> str:
    """Write seconds the way a person would in a routine file: "45s", "1m30s", "1h5m"."""
    if seconds != int(seconds):
        return f"{seconds:g}s"
    total = int(seconds)
    if total == 0:
        return "0s"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    out = ""
    if hours:
        out += f"{hours}h"
    if minutes:
        out += f"{minutes}m"
    if secs:
        out += f"{secs}s"
    return out


def format_clock(seconds: float, count_up: bool = False) -> str:
    """A clock display: "0:45", "12:05", "1:02:03".

    A countdown rounds up, so "0:00" shows only when time is up; a count-up rounds down, so a
    second shows only once it has passed.
    """
    total = max(0, math.floor(seconds + 1e-9) if count_up else math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_span(seconds: float) -> str:
    """A human total such as "23 min" or "45 s" for lists and summaries."""
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def type_name(value: object) -> str:
    """Name a TOML value's type the way the format's docs do."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)
