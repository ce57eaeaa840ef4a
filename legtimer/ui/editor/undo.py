"""Undo and redo over the whole draft: typing into one field is one step, a list edit another."""

from __future__ import annotations

from dataclasses import dataclass, field

from legtimer.ui.editor.draft import Draft, Snapshot

MAX_STEPS = 200


@dataclass
class Undo:
    """Snapshots taken before each change; a run of keystrokes in one field makes one step."""

    draft: Draft
    _past: list[Snapshot] = field(default_factory=list)
    _future: list[Snapshot] = field(default_factory=list)
    _typing_in: object = None
    """What the last change typed into (a field of an entry); None after anything else."""

    def before_change(self, typing_in: object = None) -> None:
        """Call before changing the draft; ``typing_in`` names the field for keystroke runs."""
        if typing_in is not None and typing_in == self._typing_in:
            return
        self.record(self.draft.snapshot())
        self._typing_in = typing_in

    def record(self, snapshot: Snapshot) -> None:
        """Keep a snapshot taken before a change that turned out to change something."""
        self._past.append(snapshot)
        del self._past[:-MAX_STEPS]
        self._future.clear()
        self._typing_in = None

    def undo(self) -> bool:
        """Put the draft back one step; False when there is nothing to undo."""
        return self._step(self._past, self._future)

    def redo(self) -> bool:
        """Redo the last undone step; False when there is nothing to redo."""
        return self._step(self._future, self._past)

    def _step(self, source: list[Snapshot], target: list[Snapshot]) -> bool:
        if not source:
            return False
        target.append(self.draft.snapshot())
        self.draft.restore(source.pop())
        self._typing_in = None
        return True
