"""The numbers behind the history screen: streaks, the calendar, minutes per week, progress.

Pure, over plain dates and numbers, so the screen only draws and these can be tested on any
history. Weeks start on Monday; "today" is always passed in, never read from a clock.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

WEEKS = 26
"""How far back the calendar and the weekly chart look."""

BARS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, for bars and sparklines (index 0 is empty)."""


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days with a workout.

    The current streak is still alive when the last workout was today or yesterday (today's
    may be yet to come); it counts back from that day. Days after ``today`` are ignored.
    """
    unique = sorted({day for day in days if day <= today})
    longest = run = 0
    previous: date | None = None
    for day in unique:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = run if previous is not None and (today - previous).days <= 1 else 0
    return current, longest


def calendar(days: Iterable[date], today: date, weeks: int = WEEKS) -> list[list[int | None]]:
    """Workouts per day: 7 rows (Monday first) by ``weeks`` columns, the last holding today.

    A day after ``today`` is None (not yet), so the grid has the shape of a real calendar.
    """
    counts = Counter(days)
    first = week_start(today) - timedelta(weeks=weeks - 1)
    grid: list[list[int | None]] = []
    for weekday in range(7):
        row: list[int | None] = []
        for week in range(weeks):
            day = first + timedelta(weeks=week, days=weekday)
            row.append(None if day > today else counts.get(day, 0))
        grid.append(row)
    return grid


def weekly_minutes(
    workouts: Iterable[tuple[date, float]], today: date, weeks: int = WEEKS
) -> list[tuple[date, float]]:
    """(Monday, minutes worked out that week) for the last ``weeks`` weeks, oldest first."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    totals = {first + timedelta(weeks=n): 0.0 for n in range(weeks)}
    for day, seconds in workouts:
        monday = week_start(day)
        if monday in totals and day <= today:
            totals[monday] += max(seconds, 0.0) / 60
    return list(totals.items())


_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(kg|lb|lbs|kgs)?\b", re.IGNORECASE)


def load_number(load: str | None) -> float | None:
    """The weight in a load text ("16 kg" -> 16.0, "12.5kg" -> 12.5); None for "blue band"."""
    if not load:
        return None
    found = _NUMBER.match(load)
    return float(found.group(1).replace(",", ".")) if found else None


class Point(NamedTuple):
    """One session of one exercise."""

    day: date
    reps: int
    """Reps done, summed over its sets (and sides)."""
    load: str | None
    """The load of its last set, as written."""

    @property
    def volume(self) -> float:
        """Reps × load when the load is a weight, else the reps (a band has no number)."""
        weight = load_number(self.load)
        return self.reps * weight if weight is not None else float(self.reps)


def exercise_series(
    sessions: Iterable[tuple[date, str, int, str | None]],
) -> dict[str, list[Point]]:
    """Per exercise, its sessions oldest first, from (day, exercise, reps, load) rows.

    Rows may come in any order; exercises are ordered by their latest session, newest first.
    """
    series: dict[str, list[Point]] = {}
    for day, exercise, reps, load in sessions:
        series.setdefault(exercise, []).append(Point(day, reps, load))
    for points in series.values():
        points.sort(key=lambda point: point.day)
    return dict(sorted(series.items(), key=lambda item: item[1][-1].day, reverse=True))


def spark(values: Sequence[float], width: int) -> str:
    """The last ``width`` values as eighth-blocks from their lowest (▁) to their highest (█).

    Scaled between the lowest and highest shown, not from zero: progress is a few reps on
    a hundred, and from zero every session would look the same. All equal: a flat line.
    """
    shown = list(values)[-width:] if width > 0 else []
    low, high = min(shown, default=0.0), max(shown, default=0.0)
    if high <= low:
        return BARS[4] * len(shown)
    return "".join(BARS[1 + round((value - low) / (high - low) * 7)] for value in shown)


def bar_rows(values: Sequence[float], height: int) -> list[str]:
    """Vertical bars, one character per value, ``height`` rows from the top row down."""
    top = max(values, default=0.0)
    rows = []
    for level in range(height, 0, -1):
        row = []
        for value in values:
            eighths = 0 if top <= 0 else round(value / top * height * 8)
            filled = eighths - (level - 1) * 8
            row.append(BARS[max(0, min(8, filled))])
        rows.append("".join(row))
    return rows
