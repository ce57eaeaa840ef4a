"""Routine text made safe to show: plain, never markup, never raw control codes."""

from __future__ import annotations

from textual.content import Content

from legtimer.core.words import SEP

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


ELLIPSIS = "\u2026"


def fit_lines(text: str, width: int, lines: int) -> list[str]:
    """``text`` wrapped at spaces into at most ``lines`` lines of ``width`` columns.

    When it does not all fit, the last line ends in "…" after the last whole word that fits, so
    nothing is ever cut silently or mid-word (a single word longer than a line is the one
    exception: it is cut, with "…"). Paragraph breaks in the text are kept.
    """
    if width <= 0 or lines <= 0:
        return []
    wrapped: list[str] = []
    for paragraph in visible(text).split("\n"):
        line = ""
        for word in paragraph.split():
            while len(word) > width:  # a word longer than the line: cut it to fill lines
                if line:
                    wrapped.append(line)
                    line = ""
                wrapped.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                wrapped.append(line)
                line = word
        wrapped.append(line)
    while wrapped and not wrapped[-1]:
        wrapped.pop()
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    while last and len(last) + 1 > width:
        cut = last.rfind(" ")
        last = last[:cut] if cut > 0 else last[: width - 1]
    kept[-1] = last.rstrip(" ,;:.-·") + ELLIPSIS
    return kept


def fit_line(text: str, width: int) -> str:
    """``text`` on one line of ``width`` columns (see :func:`fit_lines`)."""
    return (fit_lines(text, width, 1) or [""])[0]


def fit_name_first(text: str, width: int) -> str:
    """One line of "Name · facts", where the name yields first when it is too wide.

    "Bulgarian Split Squats with Dumbbells · set 1 of 2 skipped" keeps "skipped": the name is
    shortened (with "…") down to half the line before the facts after it are cut.
    """
    if len(text) <= width or SEP not in text:
        return fit_line(text, width)
    head, facts = text.split(SEP, 1)
    tail = SEP + facts
    room = max(min(len(head), max(8, width // 2)), width - len(tail))
    fitted = fit_line((head if len(head) <= room else fit_line(head, room)) + tail, width)
    # Too narrow to keep any fact after a shortened name: cut once, at the end, as any line.
    return fitted if SEP in fitted else fit_line(text, width)
