"""What the editor screen asks of its app, and what the app tells it back.

The screen owns the draft and knows whether it is valid and saved; the app owns files and
other screens. They talk only through these messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from legtimer.core.routine import Routine


@dataclass
class SaveRequested(Message):
    """ctrl+s on a valid draft: save this routine."""

    routine: Routine


@dataclass
class TryRequested(Message):
    """ctrl+t on a valid draft: run this routine as a workout, without saving or logging it."""

    routine: Routine


@dataclass
class QuitRequested(Message):
    """esc / ctrl+q: leave the editor; ``dirty`` says whether there are unsaved changes."""

    dirty: bool


@dataclass
class RoutineSaved(Message):
    """From the app: the routine sent with the last SaveRequested is now on disk at ``path``."""

    path: Path
