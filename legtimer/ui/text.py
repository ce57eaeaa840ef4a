"""Routine text made safe to show: plain, never markup, never raw control codes."""

from __future__ import annotations

from textual.content import Content

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES[ord("\n")] = "\n"
_CONTROL_PICTURES[ord("\t")] = " "


def visible(text: str) -> str:
    """Control characters (ESC, BEL, ...) become their visible Unicode pictures (␛, ␇).

    A cue is the person's text: it must show as written, and never move the cursor, ring the
    bell or change colours in the terminal.
    """
    return text.translate(_CONTROL_PICTURES)


def plain(text: str) -> Content:
    """Routine text as Textual content that is never parsed as markup."""
    return Content(visible(text))
