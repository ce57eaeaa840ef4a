"""Variants: the format (inheritance, each bad form with its line) and today's exercises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legtimer.core.errors import RoutineError
from legtimer.core.harder import todays_offers
from legtimer.core.loader import load_routine, parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.progression import Target
from legtimer.core.routine import Exercise, Routine, Variant
from legtimer.core.today import (
    alternatives,
    asked_equipment,
    change_line,
    choose,
    item_matches,
    item_missing,
    missing_items,
    options,
    todays_routine,
    variant_equipment,
)
from legtimer.core.words import plan_lines
from legtimer.core.writer import dumps_routine
from tests.conftest import ROUTINES

BOX = """[routine]
name = "T"

[[exercise]]
name = "Box Jumps"
sets = 3
reps = [8, 10]
rest = "30s"
cue = "Jump onto the box."
equipment = ["plyo box (optional)"]

[[exercise.variant]]
name = "Squat Jumps"
role = "swap"
equipment = []
cue = "Jump straight up."
"""


def messages(text: str) -> list[str]:
    with pytest.raises(RoutineError) as info:
        parse_routine(text)
    return [str(problem) for problem in info.value.problems]


def test_a_variant_takes_what_it_leaves_out_from_its_exercise() -> None:
    exercise = parse_routine(BOX).exercises[0]
    (variant,) = exercise.variants
    assert variant.role == "swap" and variant.name == "Squat Jumps"
    done = variant.exercise
    assert (done.sets, done.reps, done.overrides.rest) == (3, (8, 10), 30.0)
    assert (done.cue, done.equipment) == ("Jump straight up.", ())
    assert variant.written == ("cue", "equipment")


def test_a_variant_with_its_own_reps_drops_the_exercise_amount() -> None:
    text = BOX.replace("equipment = []\n", 'equipment = []\nduration = "30s"\n')
    done = parse_routine(text).exercises[0].variants[0].exercise
    assert (done.reps, done.duration) == (None, 30.0)


def test_variants_are_saved_after_their_exercise_and_read_back_the_same() -> None:
    routine = parse_routine(BOX)
    text = dumps_routine(routine)
    assert text.index("[[exercise.variant]]") > text.index("[[exercise]]")
    assert 'role = "swap"\nequipment = []\ncue' not in text  # schema order: cue first
    assert parse_routine(text) == routine


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (('name = "Squat Jumps"\n', ""), 12, "missing 'name'; add name = \"...\""),
        (('role = "swap"', 'role = "sideways"'), 14, 'role must be "swap" or "easier" or'),
        (('role = "swap"\n', ""), 12, "missing 'role'"),
        (('cue = "Jump straight up."', 'cue = "x"\nrepz = 5'), 17, "unknown key 'repz'"),
        (('cue = "Jump straight up."', "reps = 0"), 16, "reps = 0 is out of range"),
        (
            ('cue = "Jump straight up."', 'reps = 5\nduration = "5s"'),
            17,
            "has both reps and duration",
        ),
        (
            ('cue = "Jump straight up."', '\n[[exercise.variant.variant]]\nname = "Deep"'),
            12,
            "a variant cannot have variants of its own",
        ),
        (('name = "Squat Jumps"', 'name = "Box Jumps"'), 13, '"Box Jumps" is named twice'),
    ],
)
def test_each_bad_variant_is_named_with_its_line(
    change: tuple[str, str], line: int, words: str
) -> None:
    found = messages(BOX.replace(*change))
    assert any(f"<routine>:{line}:" in text and words in text for text in found), found


def test_variants_work_in_warm_ups_and_blocks_with_their_lines() -> None:
    text = """[routine]
name = "T"

[[warmup]]
name = "A"
reps = 5

[[warmup.variant]]
name = "B"
role = "easier"

[[block]]
name = "P"

[[block.exercise]]
name = "C"
reps = 5

[[block.exercise.variant]]
name = "D"
role = "harder"
bad = 1
"""
    found = messages(text)
    assert any("<routine>:22:" in m and "variant 1 \"D\": unknown key 'bad'" in m for m in found)
    good = parse_routine(text.replace("bad = 1\n", ""))
    assert good.warmup[0].variants[0].name == "B"
    assert good.blocks[0].exercises[0].variants[0].role == "harder"
    assert parse_routine(dumps_routine(good)) == good


def test_the_runners_routine_has_the_articles_variants() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    found = {
        exercise.name: [(v.name, v.role) for v in exercise.variants]
        for exercise in routine.exercises
    }
    assert found["Box Jumps"] == [("Squat Jumps", "swap"), ("Pop Squats", "swap")]
    assert found["Kettlebell Romanian Deadlifts"] == [("Single-leg Romanian Deadlifts", "harder")]
    assert found["Elevated Glute Bridges"] == [
        ("Floor Glute Bridges", "easier"),
        ("Single-leg Glute Bridges", "harder"),
    ]
    assert found["Clamshells"] == [("Banded Clamshells", "harder")]


# ---- today's exercises ------------------------------------------------------------------------


def test_whole_words_any_case() -> None:
    assert item_matches("box", "plyo box (optional)")
    assert item_matches("BOX", "plyo box (optional)")
    assert item_matches("plyo box", "plyo box (optional)")
    assert not item_matches("bo", "plyo box (optional)")
    assert not item_matches("bell", "kettlebell")


def test_without_a_box_box_jumps_become_squat_jumps() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    today, changes = todays_routine(routine, missing_items(routine, ["box"]))
    names = [exercise.name for exercise in today.exercises]
    assert "Squat Jumps" in names and "Box Jumps" not in names
    jumps = today.exercises[names.index("Squat Jumps")]
    assert jumps.slot == "Box Jumps" and "box" not in jumps.cue.lower()
    assert change_line(changes[0]) == "Squat Jumps instead of Box Jumps: no plyo box"
    assert routine == load_routine(ROUTINES / "runners.toml")  # swaps never change the file


def test_an_exercise_with_no_way_round_stays_and_says_what_it_needs() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    _today, changes = todays_routine(routine, missing_items(routine, ["kettlebell"]))
    assert "Kettlebell Swings needs a kettlebell" in [change_line(c) for c in changes]


names = st.sampled_from(["mat", "band", "box", "bell", "chair"])


@st.composite
def slots(draw: st.DrawFn) -> Exercise:
    base = Exercise(name="Slot", reps=(5, 10), equipment=tuple(draw(st.sets(names, max_size=2))))
    variants = tuple(
        Variant(
            draw(st.sampled_from(["swap", "easier", "harder"])),
            base._replace(name=f"V{n}", equipment=tuple(draw(st.sets(names, max_size=2)))),
        )
        for n in range(draw(st.integers(0, 4)))
    )
    return base._replace(variants=variants)


@settings(max_examples=200, deadline=None)
@given(slots(), st.sets(names))
def test_never_picks_something_that_needs_missing_equipment_when_another_option_fits(
    exercise: Exercise, missing: set[str]
) -> None:
    routine = Routine(name="R", exercises=(exercise,))
    today, _changes = todays_routine(routine, missing)
    done = today.exercises[0]
    fits = [
        o
        for o in options(exercise)
        if not set(o.equipment) & missing
        and (
            o is exercise or any(v.exercise is o and v.role != "harder" for v in exercise.variants)
        )
    ]
    if set(done.equipment) & missing:
        assert not fits
    if not set(exercise.equipment) & missing:
        assert done == exercise


words = st.sets(st.sampled_from(["mat", "band", "box", "bell", "chair", "resistance band"]))


@settings(max_examples=200, deadline=None)
@given(slots(), words)
def test_never_offers_a_harder_variant_that_needs_missing_equipment(
    exercise: Exercise, without: set[str]
) -> None:
    """Whatever --without (or the question) names, a variant's own items included."""
    routine = Routine(name="R", exercises=(exercise,))
    missing = frozenset(missing_items(routine, without))
    plain, _ = todays_routine(routine, missing)
    offers = todays_offers(plain, {"Slot": Target(10, (10, 10), "top")}, missing)
    for offer in offers.values():
        [harder] = [v.exercise for v in exercise.variants if v.name == offer.harder]
        assert not any(item_matches(word, item) for word in without for item in harder.equipment)
    if not set(exercise.equipment) & missing:
        fits = [
            v
            for v in exercise.variants
            if v.role == "harder" and not set(v.exercise.equipment) & missing
        ]
        assert bool(offers) == bool(fits)  # and one that fits is offered


@settings(max_examples=200, deadline=None)
@given(slots(), st.sets(names), st.data())
def test_neither_v_nor_a_promotion_picks_a_variant_that_needs_missing_equipment(
    exercise: Exercise, missing: set[str], data: st.DataObject
) -> None:
    everything = [o.name for o in options(exercise)]
    chosen = data.draw(st.none() | st.sampled_from(everything))
    promoted = data.draw(st.none() | st.sampled_from(everything))
    done, _change = choose(exercise, frozenset(missing), promoted, chosen)
    assert done.name == exercise.name or not set(done.equipment) & missing
    fitting = options(exercise, frozenset(missing))
    if fitting != (exercise,):  # the slot's own exercise alone stays, whatever it needs
        for option in fitting:
            assert not set(option.equipment) & missing


def test_what_only_variants_need_is_asked_about_after_the_routines_own() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    assert variant_equipment(routine) == ()  # the band is for Lateral Band Walks too
    walks = [e for e in routine.exercises if e.name == "Lateral Band Walks"]
    without_walks = routine._replace(
        exercises=tuple(e for e in routine.exercises if e not in walks)
    )
    assert "resistance band" not in without_walks.equipment
    assert variant_equipment(without_walks) == ("resistance band",)
    assert asked_equipment(without_walks)[-1] == "resistance band"
    assert missing_items(without_walks, ["band"]) == ("resistance band",)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(sorted(p.name for p in ROUTINES.glob("*.toml"))))
def test_the_plan_is_unchanged_when_nothing_is_missing(name: str) -> None:
    routine = load_routine(ROUTINES / name)
    today, changes = todays_routine(routine, ())
    assert changes == ()
    assert plan_lines(compile_plan(today)) == plan_lines(compile_plan(routine))


def test_a_choice_by_hand_wins_and_a_promotion_applies() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    today, _ = todays_routine(routine, (), promotions={"Clamshells": "Banded Clamshells"})
    assert today.exercises[0].name == "Banded Clamshells"
    today, _ = todays_routine(
        routine, (), {"Clamshells": "Banded Clamshells"}, {"Clamshells": "Clamshells"}
    )
    assert today.exercises[0].name == "Clamshells"


def test_the_editor_holds_a_routine_with_variants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from legtimer.cli import main
    from legtimer.ui.editor.draft import Draft

    path = tmp_path / "r.toml"
    path.write_text(BOX, encoding="utf-8")
    assert Draft.cannot_hold(load_routine(path)) is None
    assert main(["edit", str(path)]) == 2  # no terminal here, and that is the only reason
    err = capsys.readouterr().err
    assert "cannot edit" not in err and "needs a terminal" in err


def test_an_item_of_alternatives_is_missing_only_when_each_one_is() -> None:
    sofa = "couch, ottoman, box or sturdy chair"
    assert alternatives(sofa) == ("couch", "ottoman", "box", "sturdy chair")
    assert alternatives("plyo box (optional)") == ("plyo box (optional)",)
    assert not item_missing(["box"], sofa)
    assert not item_missing(["box", "couch", "ottoman"], sofa)
    assert item_missing(["box", "couch", "ottoman", "chair"], sofa)
    assert item_missing(["box"], "plyo box (optional)")
    assert not item_missing([], "mat")


def test_without_box_swaps_only_box_jumps_as_the_readme_says() -> None:
    routine = load_routine(ROUTINES / "runners.toml")
    assert missing_items(routine, ["box"]) == ("plyo box (optional)",)
    _today, changes = todays_routine(routine, missing_items(routine, ["box"]))
    assert [change.slot for change in changes] == ["Box Jumps"]
    every = missing_items(routine, ["box", "couch", "ottoman", "chair"])
    _today, changes = todays_routine(routine, every)
    assert {change.slot for change in changes} == {"Box Jumps", "Elevated Glute Bridges"}


things = st.sampled_from(["couch", "ottoman", "box", "sturdy chair", "mat", "bench"])


@settings(max_examples=200, deadline=None)
@given(st.lists(things, min_size=1, max_size=4, unique=True), st.sets(things))
def test_alternatives_are_missing_exactly_when_all_are_named(
    listed: list[str], named: set[str]
) -> None:
    item = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
    assert item_missing(named, item) == all(
        any(item_matches(word, thing) for word in named) for thing in listed
    )
    # One alternative still whole-word matches, as "box" does "plyo box (optional)".
    assert item_missing(named, f"plyo {listed[0]} (optional)") == any(
        item_matches(word, listed[0]) for word in named
    )
