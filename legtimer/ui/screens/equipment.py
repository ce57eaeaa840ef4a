"""Before the first workout of a routine that needs equipment: what is missing today?

One line per item, a key (1-9, then a-z) to mark it missing or back, Enter to start. The answer
is remembered (legtimer.storage.equipment); exercises that need a missing item are swapped for
a variant that does not. Items only a variant needs (a band for banded clamshells) come last,
under "For variants:", so the person sees why they are asked: a variant that needs a missing
item is never offered or picked.
"""

from __future__ import annotations

import string

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

ITEM_KEYS = "123456789" + "".join(c for c in string.ascii_lowercase if c not in "eqv")
"""One key per item, in order (q stays quit)."""


class EquipmentQuestion(ModalScreen[tuple[str, ...] | None]):
    """Returns the items marked missing (Enter), or None (q: leave; asked again: keep as it was).

    Asked ``again`` (``e`` on the get-ready) the workout is waiting, not about to start: Enter
    carries on with the new answers, q or Esc carries on as before.
    """

    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("q,escape", "leave", "Quit"),
    ]

    def __init__(
        self,
        items: tuple[str, ...],
        missing: tuple[str, ...] = (),
        again: bool = False,
        for_variants: tuple[str, ...] = (),
    ) -> None:
        """Args:
        items: what the routine's own exercises need.
        missing: the items marked missing when the question opens.
        again: asked with ``e`` on the get-ready (the workout waits), not before it starts.
        for_variants: what only variants need, listed after a heading of their own.
        """
        super().__init__()
        self.items = (*items, *for_variants)[: len(ITEM_KEYS)]
        self.own = len(items)
        """The first ``own`` items are the exercises'; the rest only variants need."""
        self.missing = {item for item in missing if item in self.items}
        self.again = again

    def compose(self) -> ComposeResult:
        """The question, one line per item, and the keys."""
        with Vertical(id="dialog"):
            yield Static("What do you have today?", id="question", markup=False)
            for number, item in enumerate(self.items):
                if number == self.own:
                    yield Static("For variants:", id="for-variants", markup=False)
                yield Static(self._line(number, item), id=f"item-{number}", markup=False)
            keys = "enter: start     q: quit"
            if self.again:
                keys = "enter: carry on     esc: as it was"
            yield Static(
                f"press an item's key to mark it missing\n{keys}",  # the keys never wrap
                id="answers",
                markup=False,
            )

    def _line(self, number: int, item: str) -> str:
        mark = "missing" if item in self.missing else "have it"
        return f"{ITEM_KEYS[number]}  [{'x' if item in self.missing else ' '}] {item}: {mark}"

    def on_key(self, event: Key) -> None:
        """An item's key marks it missing, or back."""
        if event.character is None or event.character not in ITEM_KEYS:
            return
        number = ITEM_KEYS.index(event.character)
        if number >= len(self.items):
            return
        event.stop()
        item = self.items[number]
        self.missing ^= {item}
        self.query_one(f"#item-{number}", Static).update(self._line(number, item))

    def action_start(self) -> None:
        """Enter: start with these answers."""
        self.dismiss(tuple(item for item in self.items if item in self.missing))

    def action_leave(self) -> None:
        """q: do not start."""
        self.dismiss(None)
