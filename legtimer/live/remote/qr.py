"""The remote's URL as a QR code drawn with block characters, for the terminal."""

from __future__ import annotations

import segno

_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""(top dark, bottom dark) -> the character: one text row holds two rows of modules."""


def qr_lines(url: str, border: int = 2) -> list[str]:
    """``url`` as a QR code, two module rows per text line; a block character is a dark module.

    Draw it dark on light (black on white, whatever the theme): the spaces are the light
    modules and the quiet zone, so the text's background must be light for a phone to read it.

    Args:
        url: what the code says.
        border: the quiet zone, in modules, around the code (part of the lines).
    """
    code = segno.make(url, error="l", micro=False)
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=border)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    ]
