"""The app around the history screen, for `legtimer history` in a terminal."""

from __future__ import annotations

from datetime import date

from textual.app import App

from legtimer.storage.history_data import History
from legtimer.ui.messages import LeaveRequested
from legtimer.ui.screens.history import Day, HistoryScreen, SetsOf


class HistoryApp(App[None]):
    """Shows one history screen; q leaves."""

    TITLE = "legtimer history"

    def __init__(self, history: History, today: date, sets_of: SetsOf, day_of: Day) -> None:
        super().__init__()
        self._screen = HistoryScreen(history, today, sets_of, day_of)

    def on_mount(self) -> None:
        """The screen is the whole app."""
        self.push_screen(self._screen)

    def on_leave_requested(self, _message: LeaveRequested) -> None:
        """q on the screen."""
        self.exit()
