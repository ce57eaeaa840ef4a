"""Intent that screens hand up to the app: results and requests, never reaching into the app."""

from __future__ import annotations

from textual.message import Message

from legtimer.core.routine import Routine
from legtimer.live.driver import Ending


class RoutineChosen(Message):
    """The picker's choice: run this routine."""

    def __init__(self, routine: Routine) -> None:
        super().__init__()
        self.routine = routine


class WorkoutEnded(Message):
    """The workout finished or was stopped, and its summary should be shown."""

    def __init__(self, ending: Ending, recorded: bool) -> None:
        super().__init__()
        self.ending = ending
        self.recorded = recorded


class LeaveRequested(Message):
    """The person is done with this workout (or its summary): the app decides where to go."""


class EquipmentAnswered(Message):
    """``e`` on the get-ready: these ``items`` were asked about again; ``missing`` are missing."""

    def __init__(self, items: tuple[str, ...], missing: tuple[str, ...]) -> None:
        super().__init__()
        self.items = items
        self.missing = missing
