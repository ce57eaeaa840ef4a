"""The key table, made from the bindings themselves so it can never disagree with them."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from legtimer.ui.keys import help_lines


class KeysHelp(ModalScreen[None]):
    """Shown over a paused workout; any of ?, escape, q, enter or space closes it."""

    BINDINGS = [Binding("question_mark,escape,q,enter,space", "close", "Close")]

    def compose(self) -> ComposeResult:
        """Keys and what they do, and how to get back."""
        lines = "\n".join(help_text(help_lines()))
        with VerticalScroll(id="dialog"):
            # How to close it, up top: the key list may run below the fold.
            yield Static("Keys  (the workout is paused; ? or esc: back to it)", id="question")
            yield Static(lines, id="keys", markup=False)
            yield Static("? or esc: back to the workout", id="answers", markup=False)

    def action_close(self) -> None:
        """Back to the workout."""
        self.dismiss(None)


KEYS_WIDTH = 10
"""The keys column; longer keys (a clicker's) get a line of their own."""


def help_text(rows: list[tuple[str, str]], width: int = 58) -> list[str]:
    """Rows as lines: keys, then what they do wrapped under its own column."""
    indent = " " * (KEYS_WIDTH + 2)
    lines: list[str] = []
    for keys, what in rows:
        wrapped = textwrap.wrap(what, max(20, width - len(indent)))
        if len(keys) > KEYS_WIDTH:
            lines.append(keys)
            lines.extend(indent + part for part in wrapped)
        else:
            lines.append(f"{keys:<{KEYS_WIDTH}}  {wrapped[0]}")
            lines.extend(indent + part for part in wrapped[1:])
    return lines
