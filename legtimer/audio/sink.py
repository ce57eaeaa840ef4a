"""What the screen needs from the sound side: a small protocol, and silence as a default."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from legtimer.core.events import Event


class CueSink(Protocol):
    """Anything that turns session events into sound (see legtimer.audio)."""

    @property
    def muted(self) -> bool:
        """True while sound is off."""
        ...

    @property
    def notice(self) -> str | None:
        """One line saying sound is limited and why, or None."""
        ...

    def handle(self, events: Sequence[Event]) -> None:
        """Play the cues for these events (never blocks)."""

    def toggle_mute(self) -> bool:
        """Flip mute; returns the new state."""
        ...

    def close(self) -> None:
        """Stop all playback before the process exits."""


class SilentSink:
    """No sound at all: for tests and for when no backend exists."""

    def __init__(self, muted: bool = False, notice: str | None = None) -> None:
        self._muted = muted
        self._notice = notice
        self.handled: list[Event] = []

    @property
    def muted(self) -> bool:
        """True while sound is off."""
        return self._muted

    @property
    def notice(self) -> str | None:
        """Why there is no sound, if it matters."""
        return self._notice

    def handle(self, events: Sequence[Event]) -> None:
        """Remember the events (tests read them)."""
        self.handled.extend(events)

    def toggle_mute(self) -> bool:
        """Flip mute."""
        self._muted = not self._muted
        return self._muted

    def close(self) -> None:
        """Nothing to stop."""
