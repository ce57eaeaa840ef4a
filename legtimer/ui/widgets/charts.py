"""The history screen's charts as plain text: a calendar heat-map, weekly bars, sparklines.

Text, not markup: exercise names come from routine files. Each function takes what
:mod:`legtimer.core.trends` computed and returns lines for a ``Static(markup=False)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from legtimer.core.trends import Point, bar_rows, spark, week_start

CELLS = {0: "·", 1: "▪"}
"""A day's mark by workouts that day; two or more is "■", a day still to come is blank."""
DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def _month_line(first: date, weeks: int, indent: int, width: int) -> str:
    """Month names above the first column of each month."""
    line = [" "] * (indent + weeks * width)
    last_month = None
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        if monday.month != last_month:
            last_month = monday.month
            name = monday.strftime("%b")
            at = indent + week * width
            if all(cell == " " for cell in line[at : at + len(name) + 1]):
                line[at : at + len(name)] = list(name)
    return "".join(line).rstrip()


def calendar_lines(grid: Sequence[Sequence[int | None]], today: date) -> list[str]:
    """The heat-map: months on top, a row per weekday, a column per week (today's last)."""
    weeks = len(grid[0]) if grid else 0
    first = week_start(today) - timedelta(weeks=weeks - 1)
    lines = [_month_line(first, weeks, 4, 2)]
    for label, row in zip(DAY_LABELS, grid, strict=False):
        cells = "".join(
            (" " if count is None else CELLS.get(count, "■")) + " " for count in row
        ).rstrip()
        lines.append(f"{label:<3} {cells}")
    return lines


def weekly_lines(weeks: Sequence[tuple[date, float]], height: int = 5) -> list[str]:
    """Minutes per week as bars two cells wide, the busiest week's minutes at the top left."""
    values = [minutes for _monday, minutes in weeks]
    top = max(values, default=0.0)
    rows = bar_rows(values, height)
    axis = f"{top:.0f}m"
    pad = max(len(axis), 2)
    lines = []
    for number, row in enumerate(rows):
        label = axis if number == 0 else ("0" if number == height - 1 else "")
        lines.append(f"{label:>{pad}} " + "".join(cell * 2 for cell in row).rstrip())
    first = weeks[0][0] if weeks else None
    if first is not None:
        lines.append(_month_line(first, len(weeks), pad + 1, 2))
    return lines


def exercise_lines(name: str, points: Sequence[Point], width: int = 40) -> list[str]:
    """ "Clamshells" then its sparkline of reps × load (or reps) and the latest session."""
    if not points:
        return [name]
    latest = points[-1]
    weighted = any(point.volume != point.reps for point in points)
    what = "reps × load" if weighted else "reps"
    load = f" × {latest.load}" if latest.load else ""
    sessions = "session" if len(points) == 1 else "sessions"
    return [
        f"{name}  ({len(points)} {sessions}; last {latest.day.isoformat()}: "
        f"{latest.reps} reps{load})",
        f"  {what:<11} {spark([point.volume for point in points], width)}",
    ]
