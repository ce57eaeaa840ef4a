"""Saved files read like the bundled ones: compared byte for byte with golden files.

Regenerate after an intended change of format: LEGTIMER_GOLDEN=write pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from legtimer.core.loader import load_routine
from legtimer.core.routine import Section
from legtimer.core.writer import dumps_routine
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.refs import ROUTINE_FORM
from tests.conftest import ROUTINES

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEGTIMER_GOLDEN") == "write":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(p.name for p in ROUTINES.glob("*.toml")))
def test_each_bundled_routine_saves_as_its_golden_file(name: str) -> None:
    check_golden(name, dumps_routine(load_routine(ROUTINES / name)))


def test_a_routine_built_from_an_empty_draft_saves_tidily() -> None:
    draft = Draft({ref.key: "" for ref in ROUTINE_FORM}, {}, [])
    draft.head["name"] = "From scratch"
    for section in (Section.COOLDOWN, Section.MAIN, Section.WARMUP, Section.MAIN):
        draft.add(None, section)
    routine, problems = draft.check(draft.data(), None)
    assert routine is not None, problems
    text = dumps_routine(routine)
    check_golden("from-empty-draft.toml", text)
    headers = re.findall(r"^\[+[a-z]+\]+$", text, re.MULTILINE)
    assert headers == [
        "[routine]",
        "[defaults]",
        "[[warmup]]",
        "[[exercise]]",
        "[[exercise]]",
        "[[cooldown]]",
    ]


def test_no_bundled_description_states_a_time() -> None:
    """The app computes the length; a description that says "ten minutes" goes stale."""
    time_words = re.compile(
        r"\b(\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|sixty)[\s-]*"
        r"(s|sec|secs|seconds?|min|mins|minutes?|h|hours?)\b|\bhalf an hour\b",
        re.IGNORECASE,
    )
    for path in sorted(ROUTINES.glob("*.toml")):
        description = load_routine(path).description
        assert not time_words.search(description), f"{path.name}: {description}"
