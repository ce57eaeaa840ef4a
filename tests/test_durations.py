"""Durations are written the way people write them, and read back the same."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legtimer.core.durations import format_clock, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (45, 45.0),
        (2.5, 2.5),
        ("45s", 45.0),
        ("2m", 120.0),
        ("1m30s", 90.0),
        ("1m 30s", 90.0),
        ("1:30", 90.0),
        ("1h", 3600.0),
        ("1:02:03", 3723.0),
        ("1m30", 90.0),
        ("1m 30", 90.0),
        ("1h2m3", 3723.0),
        ("0s", 0.0),
        ("1 min", 60.0),
        ("1h5m", 3900.0),
        (" 20 sec ", 20.0),
    ],
)
def test_accepted_forms(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "bad", [True, "abc", "-5s", -1, "", "1:75", [], "5x", float("nan"), "m", "s"]
)
def test_refused_forms_say_why(bad: object) -> None:
    with pytest.raises(ValueError) as info:
        parse_duration(bad)
    assert str(info.value)


@pytest.mark.parametrize(("text", "fix"), [("45", 'write 45 or "45s"'), ("0", 'write 0 or "0s"')])
def test_text_without_a_unit_is_refused_with_the_fix(text: str, fix: str) -> None:
    """A number in quotes is ambiguous to a reader ("45" minutes?): say both ways to write it."""
    with pytest.raises(ValueError, match=fix):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=4 * 3600))
def test_format_then_parse_is_identity(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_format_reads_like_a_person_wrote_it() -> None:
    assert [format_duration(s) for s in (45, 90, 3600, 3905, 0, 2.5)] == [
        "45s",
        "1m30s",
        "1h",
        "1h5m5s",
        "0s",
        "2.5s",
    ]


def test_clock_rounds_up_so_zero_shows_only_at_the_end() -> None:
    assert format_clock(44.2) == "0:45"
    assert format_clock(0.01) == "0:01"
    assert format_clock(0) == "0:00"
    assert format_clock(3723) == "1:02:03"
