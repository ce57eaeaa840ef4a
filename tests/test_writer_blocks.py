"""Saving routines in blocks: load -> write -> load gives the same routine, and the file is tidy.

Generated routines hold what the editor can now make: blocks (plain, EMOM, AMRAP), per-set
lists, variants under warm-up, main, block and cool-down exercises.
"""

from __future__ import annotations

import functools
import operator
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legtimer.core.lines import LineIndex
from legtimer.core.loader import load_routine, parse_routine, routine_from_data
from legtimer.core.loader_blocks import round_work
from legtimer.core.routine import Block, Exercise, Overrides, Routine, SetTarget, Settings
from legtimer.core.writer import dumps_routine, routine_data
from tests.conftest import ROUTINES

_names = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12).filter(
    str.strip
)
_seconds = st.integers(1, 600).map(float) | st.sampled_from([2.5, 0.5, 90.25])
_reps = st.integers(1, 30).flatmap(lambda low: st.tuples(st.just(low), st.integers(low, 40)))


@st.composite
def _set_targets(draw: st.DrawFn, with_rest: bool) -> SetTarget:
    kind = draw(st.sampled_from(["reps", "duration", "none"]))
    return SetTarget(
        reps=draw(_reps) if kind == "reps" else None,
        duration=draw(_seconds) if kind == "duration" else None,
        load=draw(st.text(max_size=8)),
        rest=draw(st.none() | _seconds) if with_rest else None,
        note=draw(st.text(max_size=8)),
    )


@st.composite
def _exercises(draw: st.DrawFn, clocked: bool = False) -> Exercise:
    timed = draw(st.booleans())
    overrides = Overrides(
        rest=None if clocked else draw(st.none() | st.integers(0, 120).map(float)),
        rest_after=None if clocked else draw(st.none() | st.integers(0, 120).map(float)),
        manual=None if timed else draw(st.none() | st.booleans()),
        countdown=draw(st.none() | st.integers(0, 10)),
        rest_until_ready=None if clocked else draw(st.none() | st.booleans()),
    )
    per_set: tuple[SetTarget, ...] = ()
    if draw(st.booleans()):
        per_set = tuple(draw(st.lists(_set_targets(not clocked), min_size=1, max_size=4)))
    return Exercise(
        name=draw(_names),
        sets=len(per_set) if per_set else draw(st.integers(1, 5)),
        reps=None if timed else draw(_reps),
        duration=draw(_seconds) if timed else None,
        per_side=draw(st.booleans()),
        cue=draw(st.text(max_size=20)),
        equipment=tuple(draw(st.lists(_names, max_size=2))),
        load=draw(st.text(max_size=8)),
        progression=draw(st.booleans()),
        first_side=draw(st.sampled_from(["left", "right"])),
        per_set=per_set,
        overrides=overrides,
    )


@st.composite
def _blocks(draw: st.DrawFn, defaults: Settings) -> Block:
    mode = draw(st.sampled_from(["plain", "every", "time_cap"]))
    clocked = mode != "plain"
    exercises = tuple(draw(st.lists(_exercises(clocked), min_size=1, max_size=3)))
    every = time_cap = None
    if mode == "every":
        work = sum(round_work(ex, ex.settings(defaults)) for ex in exercises)
        every = float(max(60, int(work) + draw(st.integers(1, 60))))
    elif mode == "time_cap":
        time_cap = draw(st.integers(60, 1200).map(float))
    return Block(
        name=draw(_names),
        exercises=exercises,
        rounds=draw(st.integers(1, 5)),
        rest_between_rounds=0.0 if mode == "every" else draw(st.integers(0, 120).map(float)),
        rest_after=draw(st.none() | st.integers(0, 300).map(float)),
        every=every,
        time_cap=time_cap,
        rest_until_ready=None if mode == "every" else draw(st.none() | st.booleans()),
    )


@st.composite
def _routines(draw: st.DrawFn) -> Routine:
    defaults = Settings(
        rest=draw(st.integers(0, 120).map(float)),
        seconds_per_rep=draw(st.sampled_from([2.0, 3.0])),
        rest_until_ready=draw(st.booleans()),
    )
    in_blocks = draw(st.booleans())
    return Routine(
        name=draw(_names),
        exercises=() if in_blocks else tuple(draw(st.lists(_exercises(), min_size=1, max_size=3))),
        rounds=1 if in_blocks else draw(st.integers(1, 4)),
        defaults=defaults,
        warmup=tuple(draw(st.lists(_exercises(), max_size=2))),
        cooldown=tuple(draw(st.lists(_exercises(), max_size=2))),
        blocks=tuple(draw(st.lists(_blocks(defaults), min_size=1, max_size=3))) * in_blocks,
    )


def _with_variants(routine: Routine, data: st.DataObject) -> Routine:
    """The routine with variant tables added under some exercises, read by the real loader."""
    tables = routine_data(routine)
    exercises: list[dict[str, Any]] = [
        *tables.get("warmup", ()),
        *tables.get("exercise", ()),
        *(ex for block in tables.get("block", ()) for ex in block["exercise"]),
        *tables.get("cooldown", ()),
    ]
    for exercise in exercises:
        count = data.draw(st.integers(0, 2))
        own = exercise["name"]
        names = data.draw(
            st.lists(
                _names.filter(functools.partial(operator.ne, own)),
                min_size=count,
                max_size=count,
                unique=True,
            )
        )
        variants = []
        for name in names:
            role = data.draw(st.sampled_from(["swap", "easier", "harder"]))
            table: dict[str, Any] = {"name": name, "role": role}
            if data.draw(st.booleans()):
                table["equipment"] = data.draw(st.lists(_names, max_size=2))
            if data.draw(st.booleans()):
                table["cue"] = data.draw(st.text(max_size=10))
            if data.draw(st.booleans()):
                table["sets"] = [{"reps": 5, "load": "8 kg"}, {"duration": "20s"}]
            variants.append(table)
        if variants:
            exercise["variant"] = variants
    return routine_from_data(tables, LineIndex(), "<generated>")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_routines(), st.data())
def test_any_routine_in_blocks_with_per_set_lists_and_variants_round_trips(
    routine: Routine, data: st.DataObject
) -> None:
    routine = routine_from_data(routine_data(routine), LineIndex(), "<generated>")
    if data.draw(st.booleans()):
        routine = _with_variants(routine, data)
    text = dumps_routine(routine)
    assert parse_routine(text) == routine
    assert dumps_routine(parse_routine(text)) == text, "a second save changes nothing"


def _headers(text: str) -> list[str]:
    return re.findall(r"^\[+[a-z.]+\]+$", text, re.MULTILINE)


@pytest.mark.parametrize("name", sorted(p.name for p in ROUTINES.glob("*.toml")))
def test_bundled_routines_save_each_block_then_its_exercises(name: str) -> None:
    routine = load_routine(ROUTINES / name)
    text = dumps_routine(routine)
    assert parse_routine(text) == routine
    headers = _headers(text)
    rank = {"[routine]": 0, "[defaults]": 1, "[sounds]": 2, "[[warmup]]": 3, "[[exercise]]": 4}
    rank |= {"[[block]]": 5, "[[block.exercise]]": 5, "[[cooldown]]": 6}
    tops = [rank[h.replace(".variant", "")] for h in headers if h.replace(".variant", "") in rank]
    assert tops == sorted(tops)
    # Each [[block]] is followed by its own exercises; each variant by its exercise.
    for at, header in enumerate(headers):
        if header.endswith(".variant]]"):
            owner = header.removesuffix(".variant]]") + "]]"
            assert headers[at - 1] in (owner, header)
    blocks = [ex for block in routine.blocks for ex in block.exercises]
    assert headers.count("[[block.exercise]]") == len(blocks)


def test_a_block_routine_saves_in_the_documented_order() -> None:
    text = dumps_routine(load_routine(ROUTINES / "strength-day.toml"))
    assert _headers(text) == [
        "[routine]",
        "[defaults]",
        "[[block]]",
        "[[block.exercise]]",
        "[[block]]",
        "[[block.exercise]]",
        "[[block.exercise]]",
        "[[block]]",
        "[[block.exercise]]",
        "[[block.exercise]]",
        "[[block.exercise.variant]]",
        "[[cooldown]]",
    ]
    assert "sets = [\n    { reps = 8," in text or "sets = [{ reps = 8," in text


def test_a_per_set_range_or_a_long_note_stays_inside_its_exercise() -> None:
    """tomli-w alone wrote such a list as `[[sets]]`, a new top-level table that broke the file."""
    long_note = "slow on the way down, " * 6
    text = (
        '[routine]\nname = "R"\n\n[[exercise]]\nname = "Squat"\n'
        f'sets = [{{ reps = [5, 8] }}, {{ reps = 5, note = "{long_note}" }}]\ncue = "x"\n'
    )
    routine = parse_routine(text)
    saved = dumps_routine(routine)
    assert "[[sets]]" not in saved
    assert "    { reps = [5, 8] },\n" in saved
    assert parse_routine(saved) == routine
