"""Big block letters: every glyph is sound, names wrap between words only, never too wide."""

from __future__ import annotations

import string
import subprocess
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from legtimer.ui.bigtext import FALLBACK, FONT, big_width, render_big
from tests.conftest import ROOT

REQUIRED = string.ascii_uppercase + string.digits + " -'.,:/()&+!?"


def _centred(row: str, block: int) -> str:
    """As documented: the odd spare column goes to the right."""
    left = (block - len(row)) // 2
    return " " * left + row + " " * (block - left - len(row))


def test_every_glyph_is_three_rows_of_equal_width_with_ink_at_both_edges() -> None:
    assert set(REQUIRED) <= set(FONT)
    for char, glyph in [*FONT.items(), ("fallback", FALLBACK)]:
        assert len(glyph) == 3, char
        assert len({len(row) for row in glyph}) == 1, char
        assert set("".join(glyph)) <= set("█▀▄ "), char
        if char != " ":  # else the gap between glyphs would look uneven
            assert any(row[0] != " " for row in glyph), char
            assert any(row[-1] != " " for row in glyph), char


def test_a_known_word_renders_exactly() -> None:
    assert render_big("SQUATS", 80) == [
        "█▀▀ █▀█  █ █ ▄▀▄ ▀█▀ █▀▀",
        "▀▀█ █ █  █ █ █▀█  █  ▀▀█",
        "▄▄█ ▀▀█▄ █▄█ █ █  █  ▄▄█",
    ]
    assert big_width("SQUATS") == 24


def test_kettlebell_swings_fits_two_lines_at_80_and_not_at_20() -> None:
    rows = render_big("Kettlebell Swings", 80)
    assert rows is not None and len(rows) in (3, 7)
    wrapped = render_big("Kettlebell Swings", 50)
    assert wrapped is not None and len(wrapped) == 7 and wrapped[3].strip() == ""
    assert render_big("Kettlebell Swings", 20) is None
    assert render_big("Kettlebell Swings", 50, max_lines=1) is None


def test_lines_are_balanced_and_centred() -> None:
    rows = render_big("Kettlebell Romanian Deadlifts", 80)
    assert rows is not None and len(rows) == 7
    assert rows[:3] == [_centred(row, len(rows[0])) for row in render_big("KETTLEBELL", 80) or []]
    assert rows[4:] == render_big("ROMANIAN DEADLIFTS", 80)


def test_lowercase_equals_uppercase_and_accents_fold() -> None:
    assert render_big("squats", 80) == render_big("SQUATS", 80)
    assert render_big("Pliés", 80) == render_big("PLIES", 80)
    assert render_big("Ñandú straße", 80) == render_big("NANDU STRASSE", 80)
    assert render_big("Hip–flexor’s", 80) == render_big("HIP-FLEXOR'S", 80)


@given(st.text(alphabet=string.ascii_letters + " "))
def test_case_never_matters(text: str) -> None:
    assert render_big(text.lower(), 60, 3) == render_big(text.upper(), 60, 3)


def test_unknown_symbols_show_a_box_and_whitespace_collapses() -> None:
    assert render_big("☃", 80) == list(FALLBACK)
    assert render_big("  Wall \t sit \n", 80) == render_big("WALL SIT", 80)
    assert render_big(" \u0301 ", 80) == []
    assert big_width("") == 0


def _words(text: str) -> list[str]:
    return [word for word in text.split() if big_width(word)]


def _fewest_lines(words: list[str], width: int) -> int:
    """Reference wrap on the public width alone: fill each line while the next word fits."""
    lines, current = 0, ""
    for word in words:
        if current and big_width(f"{current} {word}") <= width:
            current = f"{current} {word}"
        else:
            lines, current = lines + 1, word
    return lines


@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(string.ascii_letters + string.digits + REQUIRED + "éß’\t"),
            st.characters(),
        ),
        max_size=60,
    ),
    width=st.integers(-2, 120),
    max_lines=st.integers(0, 4),
)
@example(text="Kettlebell Romanian Deadlifts", width=80, max_lines=2)
@example(text="a¨b", width=10, max_lines=2)
def test_any_text_fits_or_is_refused_and_words_stay_whole(
    text: str, width: int, max_lines: int
) -> None:
    rows = render_big(text, width, max_lines)
    words = _words(text)
    if not words:
        assert rows == []
        return
    needed = _fewest_lines(words, width)
    if any(big_width(word) > width for word in words) or needed > max_lines:
        assert rows is None
        return
    assert rows is not None
    assert len(rows) == 4 * needed - 1
    block = len(rows[0])
    assert block <= width and all(len(row) == block for row in rows)
    assert all(rows[i].strip() == "" for i in range(3, len(rows), 4))
    # Each line must be whole consecutive words, drawn on one line and centred in the block.
    start = 0
    for top in range(0, len(rows), 4):
        for end in range(start + 1, len(words) + 1):
            alone = render_big(" ".join(words[start:end]), width, 1)
            if alone is not None and rows[top : top + 3] == [_centred(r, block) for r in alone]:
                start = end
                break
        else:
            raise AssertionError(f"line {top // 4} is not whole words: {rows[top : top + 3]}")
    assert start == len(words)


def test_module_does_not_need_textual() -> None:
    probe = (
        "import sys, legtimer.ui.bigtext\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
