"""`legtimer history` in a terminal: the calendar, minutes per week, progress, every workout.

Three tabs so each fits 80×24: an overview (streaks, a 26-week heat-map, minutes per week), the
workouts (select one to see its sets) and the exercises (reps × load over time). The screen gets
its data from the caller and reads a workout's sets only when it is selected, so it opens fast
on years of history. Every text that came from a routine or the log is shown plain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from legtimer.core.durations import format_clock
from legtimer.core.trends import calendar, exercise_series, streaks, weekly_minutes
from legtimer.core.words import count
from legtimer.storage.history_data import History, WorkoutRow
from legtimer.storage.trainlog_records import SetRecord
from legtimer.ui.messages import LeaveRequested
from legtimer.ui.text import plain, visible
from legtimer.ui.widgets.charts import calendar_lines, exercise_lines, weekly_lines
from legtimer.ui.widgets.footer import LeanFooter

FIRST_ROWS = 200
"""Workouts in the table when the screen opens; the rest follow in chunks."""
CHUNK_ROWS = 500

SetsOf = Callable[[int], Sequence[SetRecord]]
"""Reads one workout's sets (by id) when it is selected."""
Day = Callable[[float], date]
"""Epoch seconds -> the local day (injected so tests can freeze the time zone)."""


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def set_line(record: SetRecord) -> str:
    """ "Clamshells  set 1 left  16 of 15 reps  12 kg" or "... skipped"."""
    side = f" {record.side}" if record.side else ""
    where = f"round {record.round}"
    if record.pass_no is not None:
        where = f"AMRAP {record.round} pass {record.pass_no}"
    head = f"{record.done_exercise}  {where} set {record.set_no}{side}"
    if record.skipped:
        return f"{head}  skipped"
    if record.target_reps is not None:
        done = "-" if record.reps is None else str(record.reps)
        what = f"{done} of {record.target_reps} reps"
    else:
        what = format_clock(record.seconds or 0, count_up=True)
    load = f"  {record.load}" if record.load else ""
    return f"{head}  {what}{load}"


class HistoryScreen(Screen[None]):
    """The training log, seen."""

    DEFAULT_CSS = """
    HistoryScreen #history-head { height: auto; padding: 0 1; text-style: bold; }
    HistoryScreen TabbedContent { height: 1fr; }
    HistoryScreen TabPane { height: 1fr; padding: 0; }
    HistoryScreen .chart { height: auto; padding: 0 1; }
    HistoryScreen .caption { height: auto; padding: 0 1; color: $text-muted; }
    HistoryScreen #workouts { height: 1fr; }
    HistoryScreen #sets { height: auto; max-height: 45%; padding: 0 1; border-top: solid $accent; }
    HistoryScreen .exercise { height: auto; padding: 0 1; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("q,escape", "leave", "Quit"),
        Binding("o", "show('overview')", "Overview"),
        Binding("w", "show('workouts-tab')", "Workouts"),
        Binding("e", "show('exercises')", "Exercises"),
    ]

    def __init__(self, history: History, today: date, sets_of: SetsOf, day_of: Day) -> None:
        super().__init__()
        self.history = history
        self.today = today
        self.sets_of = sets_of
        self.day_of = day_of
        self._rows: dict[str, WorkoutRow] = {}

    def compose(self) -> ComposeResult:
        """Overview first: the question most often asked is "am I keeping it up?"."""
        workouts = self.history.workouts
        days = [self.day_of(w.started_at) for w in workouts]
        current, longest = streaks(days, self.today)
        done = count(len(workouts), "workout")
        yield Static(
            f"TRAINING LOG  ·  {done}  ·  current streak {_days(current)}"
            f"  ·  longest {_days(longest)}",
            id="history-head",
        )
        with TabbedContent(initial="overview"):
            with TabPane("Overview", id="overview"), VerticalScroll():
                grid = calendar(days, self.today)
                yield Static("Workout days, last 26 weeks", classes="caption")
                yield Static("\n".join(calendar_lines(grid, self.today)), classes="chart")
                weeks = weekly_minutes(
                    ((day, w.total_seconds) for day, w in zip(days, workouts, strict=True)),
                    self.today,
                )
                yield Static("Minutes per week", classes="caption")
                yield Static("\n".join(weekly_lines(weeks)), classes="chart", id="weekly")
            with TabPane("Workouts", id="workouts-tab"), Vertical():
                yield DataTable(id="workouts", cursor_type="row", zebra_stripes=True)
                yield Static("Select a workout (enter) to see its sets", id="sets")
            with TabPane("Exercises", id="exercises"), VerticalScroll():
                series = exercise_series(
                    (self.day_of(s.started_at), s.exercise, s.reps, s.load)
                    for s in self.history.sessions
                )
                if not series:
                    yield Static("No rep sets recorded yet", classes="caption")
                for name, points in series.items():
                    text = "\n".join(exercise_lines(name, points))
                    yield Static(plain(text), classes="exercise")
        yield LeanFooter()

    def on_mount(self) -> None:
        """Fill the workouts table, newest first: the first rows now, older ones in chunks.

        A DataTable measures every cell it is given; 5,000 workouts at once took most of a
        second, so the screen shows the newest :data:`FIRST_ROWS` and adds the rest a chunk
        at a time after it is on screen, staying responsive meanwhile.
        """
        table = self.query_one("#workouts", DataTable)
        table.add_columns("When", "Routine", "Time", "Sets")
        self._fill(FIRST_ROWS)

    def _fill(self, count: int) -> None:
        """Add the next ``count`` workouts to the table; schedule the next chunk if any."""
        table = self.query_one("#workouts", DataTable)
        start = len(self._rows)
        for row in self.history.workouts[start : start + count]:
            key = str(row.id)
            self._rows[key] = row
            status = "" if row.finished else " (stopped)"
            table.add_row(
                self.day_of(row.started_at).isoformat(),
                Text(visible(row.routine_name)),
                format_clock(row.total_seconds, count_up=True),
                f"{row.sets_done} done, {row.sets_skipped} skipped{status}",
                key=key,
            )
        if len(self._rows) < len(self.history.workouts):
            self.set_timer(0.05, lambda: self._fill(CHUNK_ROWS))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Show the sets of the workout chosen."""
        key = event.row_key.value
        if key is None or key not in self._rows:
            return
        self.show_sets(self._rows[key])

    def show_sets(self, row: WorkoutRow) -> None:
        """The sets of one workout, under the list."""
        records = self.sets_of(row.id)
        when = self.day_of(row.started_at).isoformat()
        lines = [f"{row.routine_name}, {when}: {len(records)} sets"]
        lines += [set_line(record) for record in records] or ["(no sets recorded)"]
        self.query_one("#sets", Static).update(plain("\n".join(lines)))

    def action_show(self, tab: str) -> None:
        """Switch to a tab by key."""
        self.query_one(TabbedContent).active = tab
        if tab == "workouts-tab":
            self.query_one("#workouts", DataTable).focus()

    def action_leave(self) -> None:
        """q: done looking."""
        self.post_message(LeaveRequested())
