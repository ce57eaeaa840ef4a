"""Words in a 3-row block font, for exercise names read from across a room.

The workout screen names the current exercise (and, during rests, the next one) in letters three
terminal rows tall. Half blocks (▀ ▄) give each cell two pixels, so every glyph is a 6-pixel-tall
bitmap: enough for clear letter shapes, yet a two-line name still fits on a 24-row terminal.

Pure Python, no Textual: the caller decides where the rows go and falls back to normal text when
:func:`render_big` says the name cannot fit.

Layout: one blank column between the glyphs of a word and :data:`WORD_GAP` blank columns between
words. Every row of one result has the same length (the widest line); shorter lines are centred
in it, and wrapped lines are separated by one blank row. Rows are plain text, never markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

Glyph = tuple[str, str, str]
"""Three rows of equal width; blocks and spaces only."""

FONT: Mapping[str, Glyph] = {
    " ": (" ", " ", " "),
    "A": ("▄▀▄", "█▀█", "█ █"),
    "B": ("█▀▄", "█▀▄", "█▄▀"),
    "C": ("█▀▀", "█  ", "█▄▄"),
    "D": ("█▀▄", "█ █", "█▄▀"),
    "E": ("█▀▀", "█▀▀", "█▄▄"),
    "F": ("█▀▀", "█▀▀", "█  "),
    "G": ("█▀▀", "█ ▄", "█▄█"),
    "H": ("█ █", "█▀█", "█ █"),
    "I": ("█", "█", "█"),
    "J": ("  █", "  █", "█▄█"),
    "K": ("█ ▄▀", "██  ", "█ ▀▄"),
    "L": ("█  ", "█  ", "█▄▄"),
    "M": ("█▄ ▄█", "█ ▀ █", "█   █"),
    "N": ("█▄ █", "█ ▀█", "█  █"),
    "O": ("█▀█", "█ █", "█▄█"),
    "P": ("█▀█", "█▀▀", "█  "),
    "Q": ("█▀█ ", "█ █ ", "▀▀█▄"),
    "R": ("█▀█", "█▀▄", "█ █"),
    "S": ("█▀▀", "▀▀█", "▄▄█"),
    "T": ("▀█▀", " █ ", " █ "),
    "U": ("█ █", "█ █", "█▄█"),
    "V": ("█ █", "█ █", "▀▄▀"),
    "W": ("█   █", "█ ▄ █", "█▀ ▀█"),
    "X": ("▀▄ ▄▀", "  █  ", "▄▀ ▀▄"),
    "Y": ("█ █", "▀█▀", " █ "),
    "Z": ("▀▀█", "▄▀ ", "█▄▄"),
    "0": ("▄▀▄", "█ █", "▀▄▀"),
    "1": ("▄█", " █", " █"),
    "2": ("▀▀█", "█▀▀", "█▄▄"),
    "3": ("▀▀█", "▀▀█", "▄▄█"),
    "4": ("█ █", "▀▀█", "  █"),
    "5": ("█▀▀", "▀▀▄", "▄▄▀"),
    "6": ("█▀▀", "█▀█", "█▄█"),
    "7": ("▀▀█", "  █", "  █"),
    "8": ("█▀█", "█▀█", "█▄█"),
    "9": ("█▀█", "▀▀█", "▄▄█"),
    "-": ("  ", "▄▄", "  "),
    "'": ("█", " ", " "),
    '"': ("█ █", "   ", "   "),
    ".": (" ", " ", "▄"),
    ",": ("  ", "  ", "▄▀"),
    ":": ("▄", " ", "▀"),
    "/": ("  █", " █ ", "█  "),
    "(": ("▄▀", "█ ", "▀▄"),
    ")": ("▀▄", " █", "▄▀"),
    "&": ("▄▀▄ ", "▄▀▄▄", "▀▄▄▀"),
    "+": (" ▄ ", "▄█▄", " ▀ "),
    "!": ("█", "█", "▄"),
    "?": ("▀▀█", " █▀", " ▄ "),
}
FALLBACK: Glyph = ("▄▄▄", "█ █", "▀▀▀")
"""A small empty box for a symbol the font lacks: shows that something is there."""

GAP = 1
"""Blank columns between the glyphs of a word."""
WORD_GAP = GAP + len(FONT[" "][0]) + GAP
"""Blank columns between words: clearly wider than the gap inside a word."""

_ALIASES = str.maketrans(
    {"‘": "'", "’": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "⁄": "/", "∕": "/"}
    | dict.fromkeys("‐‑‒–—―−", "-")
)


def _glyph(char: str) -> Glyph | None:
    """The glyph for one folded character; None for marks and invisible characters (dropped)."""
    if char in FONT:
        return FONT[char]
    if char.isspace() or unicodedata.combining(char) or unicodedata.category(char)[0] == "C":
        return None
    return FALLBACK


def _fold(word: str) -> list[Glyph]:
    """The glyphs of one word: upper case, accents dropped ("Pliés" → PLIES), unknowns boxed.

    NFKD splits "é" into "e" plus a combining accent and turns compatibility forms ("ﬁ",
    full-width letters) into plain ones; it runs again after upper() for cases like "ß" → "SS".
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).upper())
    return [g for g in map(_glyph, folded.translate(_ALIASES)) if g is not None]


def _words(text: str) -> list[list[Glyph]]:
    """The words of ``text`` (split on whitespace only), skipping any that fold to nothing."""
    return [glyphs for glyphs in map(_fold, text.split()) if glyphs]


def _word_width(glyphs: Sequence[Glyph]) -> int:
    return sum(len(g[0]) for g in glyphs) + GAP * (len(glyphs) - 1)


def _line_width(widths: Sequence[int]) -> int:
    return sum(widths) + WORD_GAP * max(0, len(widths) - 1)


def big_width(text: str) -> int:
    """Columns ``text`` needs on one line (runs of whitespace count as one word gap)."""
    return _line_width([_word_width(w) for w in _words(text)])


def _greedy(widths: Sequence[int], width: int) -> list[tuple[int, int]]:
    """Word ranges per line, each line as full as ``width`` allows (the fewest lines)."""
    lines: list[tuple[int, int]] = []
    start, used = 0, -WORD_GAP
    for index, w in enumerate(widths):
        if index > start and used + WORD_GAP + w > width:
            lines.append((start, index))
            start, used = index, -WORD_GAP
        used += WORD_GAP + w
    return [*lines, (start, len(widths))] if widths else lines


def _draw(words: Sequence[Sequence[Glyph]]) -> list[str]:
    """Three rows of words on one line."""
    return [
        (" " * WORD_GAP).join((" " * GAP).join(g[row] for g in word) for word in words)
        for row in range(3)
    ]


def render_big(text: str, width: int, max_lines: int = 2) -> list[str] | None:
    """Rows of ``text`` in big letters, wrapped at word boundaries to fit ``width`` columns.

    Uses the fewest lines possible, then evens their lengths (a centred two-line name reads
    better as "KETTLEBELL / SWINGS" than as one long line over a short one). Returns 3 rows per
    line plus one blank row between lines, all of equal length, never wider than ``width``;
    ``[]`` for text with nothing to draw; None when a word is wider than ``width`` or more than
    ``max_lines`` lines would be needed: words are never cut, so the caller shows normal text.
    """
    words = _words(text)
    if not words:
        return []
    widths = [_word_width(w) for w in words]
    if max(widths) > width or len(_greedy(widths, width)) > max(max_lines, 0):
        return None
    count = len(_greedy(widths, width))
    narrow, wide = max(widths), width  # search the narrowest width that needs only `count` lines
    while narrow < wide:
        middle = (narrow + wide) // 2
        if len(_greedy(widths, middle)) <= count:
            wide = middle
        else:
            narrow = middle + 1
    drawn = [_draw(words[start:end]) for start, end in _greedy(widths, narrow)]
    block = max(len(d[0]) for d in drawn)
    rows: list[str] = []
    for lines in drawn:
        if rows:
            rows.append(" " * block)
        left = (block - len(lines[0])) // 2
        rows.extend(" " * left + row + " " * (block - left - len(row)) for row in lines)
    return rows
