"""The history screen on fixed data and a frozen "today": snapshots and what selecting shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from legtimer.storage.history_data import ExerciseSession, History, WorkoutRow
from legtimer.storage.trainlog_records import SetRecord
from legtimer.ui.history_app import HistoryApp
from legtimer.ui.screens.history import HistoryScreen

TODAY = date(2025, 3, 14)
MIDNIGHT = datetime(2025, 3, 14, tzinfo=UTC).timestamp()
SIZES = [(80, 24), (120, 40)]


def day_of(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, tz=UTC).date()


def fixed_history() -> History:
    """Every third day for 5 months, then 4 days running up to today; Clamshells climbs."""
    starts = [MIDNIGHT - days * 86_400 + 18 * 3600 for days in range(150, 4, -3)]
    starts += [MIDNIGHT - days * 86_400 + 18 * 3600 for days in (3, 2, 1, 0)]
    workouts = []
    sessions = []
    for n, start in enumerate(starts):
        name = "[b]Legs[/b]" if n % 7 == 0 else "Leg Workout for Runners"
        workouts.append(WorkoutRow(n + 1, name, start, 1500 + (n % 5) * 120, n % 9 != 4, 18, 0))
        sessions.append(ExerciseSession(n + 1, start, "Clamshells", 90 + n, None))
        load = f"{12 + 2 * (n // 20)} kg"
        sessions.append(ExerciseSession(n + 1, start, "Kettlebell Swings", 30, load))
    workouts.reverse()
    return History(workouts, sessions)


def sets_of(workout_id: int) -> Sequence[SetRecord]:
    return [
        SetRecord("Clamshells", 1, 1, 0.0, side="left", target_reps=15, reps=16),
        SetRecord("Clamshells", 1, 1, 0.0, side="right", target_reps=15, reps=15),
        SetRecord("Kettlebell Swings", 1, 1, 0.0, target_reps=10, reps=10, load="16 kg"),
        SetRecord("Plank [red]", 1, 1, 0.0, target_seconds=30, seconds=30.0),
        SetRecord("Plank [red]", 1, 2, 0.0, target_seconds=30, skipped=True),
    ][: 5 if workout_id % 2 else 3]


def make_app(history: History | None = None) -> HistoryApp:
    return HistoryApp(history or fixed_history(), TODAY, sets_of, day_of)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize(
    "keys", [[], ["w", "down", "enter"], ["e"]], ids=["overview", "sets", "ex"]
)
def test_history_snapshots(
    snap_compare: Callable[..., bool], size: tuple[int, int], keys: list[str]
) -> None:
    assert snap_compare(make_app(), terminal_size=size, press=keys)


async def test_the_head_counts_workouts_and_streaks() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        head = str(app.screen.query_one("#history-head", Static).render())
        assert "53 workouts" in head
        assert "current streak 4 days" in head and "longest 4 days" in head


async def test_selecting_a_workout_shows_its_sets_as_plain_text() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        table = app.screen.query_one("#workouts", DataTable)
        assert table.row_count == 53 and table.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        sets = str(app.screen.query_one("#sets", Static).render())
        assert "Clamshells  round 1 set 1 left  16 of 15 reps" in sets
        assert "Kettlebell Swings  round 1 set 1  10 of 10 reps  16 kg" in sets
        assert "Plank [red]  round 1 set 2  skipped" in sets, "names are never markup"
        await pilot.press("q")
    assert app.return_code == 0


async def test_exercises_tab_charts_reps_and_load() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        assert app.screen.query_one(TabbedContent).active == "exercises"
        texts = [str(s.render()) for s in app.screen.query(".exercise").results(Static)]
        swings = next(t for t in texts if t.startswith("Kettlebell Swings"))
        assert "last 2025-03-14: 30 reps × 16 kg" in swings and "reps × load" in swings
        clams = next(t for t in texts if t.startswith("Clamshells"))
        assert "53 sessions" in clams and "reps × load" not in clams


async def test_an_empty_log_opens_too() -> None:
    app = make_app(History([], []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        head = str(screen.query_one("#history-head", Static).render())
        assert "0 workouts" in head and "current streak 0 days" in head
        await pilot.press("e")
        await pilot.press("w", "enter")
        assert "Select a workout" in str(screen.query_one("#sets", Static).render())


async def test_one_workout_is_one_workout() -> None:
    history = fixed_history()
    app = make_app(History(history.workouts[:1], history.sessions[-2:]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        head = str(app.screen.query_one("#history-head", Static).render())
        assert "TRAINING LOG  ·  1 workout  ·  current streak 1 day" in head


def test_fixture_spans_26_weeks() -> None:
    history = fixed_history()
    first = min(day_of(w.started_at) for w in history.workouts)
    assert TODAY - first == timedelta(days=150)


async def test_a_long_history_fills_the_table_after_the_screen_is_up() -> None:
    start = MIDNIGHT - 450 * 86_400
    rows = [WorkoutRow(n, "Legs", start + n * 86_400, 1200, True, 10, 0) for n in range(450)]
    app = make_app(History(list(reversed(rows)), []))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#workouts", DataTable)
        await pilot.pause()
        assert table.row_count >= 200, "at least the newest rows are there at once"
        for _ in range(200):  # poll: the rest arrives in chunks on timers
            if table.row_count == 450:
                break
            await pilot.pause(0.05)
        assert table.row_count == 450
        assert table.get_row_at(449)[0] == day_of(start).isoformat(), "oldest last"
