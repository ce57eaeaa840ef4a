"""The history screen's numbers: streaks, calendar, weekly minutes, series, sparklines."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from legtimer.core.trends import (
    bar_rows,
    calendar,
    exercise_series,
    load_number,
    spark,
    streaks,
    week_start,
    weekly_minutes,
)

TODAY = date(2025, 3, 14)  # a Friday
days_back = st.lists(st.integers(0, 400), max_size=60)


def _brute_force_streaks(days: set[date], today: date) -> tuple[int, int]:
    longest = 0
    for day in days:
        run = 0
        while day - timedelta(days=run) in days:
            run += 1
        longest = max(longest, run)
    start = today if today in days else today - timedelta(days=1)
    current = 0
    while start - timedelta(days=current) in days:
        current += 1
    return current, longest


@given(days_back)
def test_streaks_match_counting_day_by_day(back: list[int]) -> None:
    days = [TODAY - timedelta(days=n) for n in back]
    assert streaks(days, TODAY) == _brute_force_streaks(set(days), TODAY)


def test_streaks_worked_examples() -> None:
    assert streaks([], TODAY) == (0, 0)
    yesterday_run = [TODAY - timedelta(days=n) for n in (1, 2, 3)]
    assert streaks(yesterday_run, TODAY) == (3, 3), "not yet today: the streak is still alive"
    assert streaks([TODAY - timedelta(days=2)], TODAY) == (0, 1)
    assert streaks([TODAY, TODAY, TODAY + timedelta(days=1)], TODAY) == (1, 1)


@given(days_back)
def test_the_calendar_counts_every_day_of_the_last_26_weeks(back: list[int]) -> None:
    days = [TODAY - timedelta(days=n) for n in back]
    grid = calendar(days, TODAY)
    assert len(grid) == 7 and all(len(row) == 26 for row in grid)
    first = week_start(TODAY) - timedelta(weeks=25)
    shown = sum(count or 0 for row in grid for count in row)
    assert shown == sum(1 for day in days if day >= first)
    # Friday is today: Saturday and Sunday of this week are still to come.
    assert [row[-1] is None for row in grid] == [False] * 5 + [True] * 2


@given(st.lists(st.tuples(st.integers(0, 400), st.floats(0, 7200)), max_size=40))
def test_weekly_minutes_add_up(workouts: list[tuple[int, float]]) -> None:
    entries = [(TODAY - timedelta(days=n), seconds) for n, seconds in workouts]
    weeks = weekly_minutes(entries, TODAY)
    assert len(weeks) == 26 and all(monday.weekday() == 0 for monday, _ in weeks)
    first = weeks[0][0]
    expected = sum(seconds for day, seconds in entries if day >= first) / 60
    assert abs(sum(minutes for _, minutes in weeks) - expected) < 1e-6


def test_load_numbers() -> None:
    assert load_number("16 kg") == 16.0
    assert load_number("12,5kg") == 12.5
    assert load_number("35 lb") == 35.0
    assert load_number("blue band") is None
    assert load_number(None) is None and load_number("") is None


def test_series_per_exercise_oldest_first_newest_exercise_first() -> None:
    d1, d2 = date(2025, 1, 1), date(2025, 1, 3)
    series = exercise_series(
        [(d2, "Swings", 30, "16 kg"), (d1, "Swings", 20, "12 kg"), (d1, "Plank", 0, None)]
    )
    assert list(series) == ["Swings", "Plank"]
    assert [p.reps for p in series["Swings"]] == [20, 30]
    assert series["Swings"][-1].volume == 480.0
    assert series["Plank"][0].volume == 0.0


@given(st.lists(st.floats(0, 1000), max_size=80), st.integers(0, 50))
def test_sparklines_fit_their_width_and_keep_order(values: list[float], width: int) -> None:
    line = spark(values, width)
    assert len(line) == min(len(values), width)
    shown = values[-width:] if width else []
    if shown and max(shown) > min(shown):
        assert line[shown.index(max(shown))] == "█" and line[shown.index(min(shown))] == "▁"


@given(st.lists(st.floats(0, 500), min_size=1, max_size=30), st.integers(1, 8))
def test_bars_are_as_tall_as_their_value(values: list[float], height: int) -> None:
    rows = bar_rows(values, height)
    assert len(rows) == height and all(len(row) == len(values) for row in rows)
    tallest = values.index(max(values))
    if max(values) > 0:
        assert all(row[tallest] == "█" for row in rows)
