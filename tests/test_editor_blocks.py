"""The editor with blocks, per-set rows and variants, driven by the keyboard under Pilot."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList

from legtimer.core.errors import RoutineError
from legtimer.core.loader import load_routine, parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine
from legtimer.ui.editor.app import EditorApp
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.entries import BlockHead
from legtimer.ui.editor.keys import LIST_KEYS, PALETTE, SET_KEYS
from tests.test_editor import SIZE, editor, editor_for, record_notices, user_copy, wait_until
from tests.test_variants import BOX
from tests.ui_helpers import SMALL

BLOCKS = """[routine]
name = "Blocks"

[defaults]
get_ready = "5s"
rest = "20s"
rest_after = "30s"
seconds_per_rep = 2

[[warmup]]
name = "March"
duration = "30s"

[[block]]
name = "Pair A"
rounds = 2
rest_between_rounds = "40s"

[[block.exercise]]
name = "Rows"
reps = 8

[[block.exercise]]
name = "Squats"
reps = 10

[[block]]
name = "Finisher"

[[block.exercise]]
name = "Plank"
duration = "30s"

[[cooldown]]
name = "Stretch"
duration = "30s"
"""
START = [
    "WARM-UP · March",
    "BLOCK · Pair A",
    "  EXERCISE · Rows",
    "  EXERCISE · Squats",
    "BLOCK · Finisher",
    "  EXERCISE · Plank",
    "COOL-DOWN · Stretch",
]


def lines(app: EditorApp) -> list[str]:
    """The entry list as it is drawn (block exercises indented under their head)."""
    items = editor(app).query_one("#items", OptionList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


async def select(pilot: Pilot[None], app: EditorApp, index: int) -> None:
    """Move the list's highlight to ``index`` with the arrow keys, the list focused."""
    items = editor(app).query_one("#items", OptionList)
    items.focus()
    await pilot.pause()
    while items.highlighted != index:
        await pilot.press("down" if (items.highlighted or 0) < index else "up")
    await pilot.pause()
    assert editor(app).current == index


async def type_into(pilot: Pilot[None], app: EditorApp, widget_id: str, text: str) -> None:
    """Focus a field, clear it and type ``text`` key by key."""
    field = editor(app).query_one(f"#{widget_id}", Input)
    field.focus()
    await pilot.press("end", *["backspace"] * len(field.value), *text)
    await pilot.pause()


def value(app: EditorApp, widget_id: str) -> str:
    return editor(app).query_one(f"#{widget_id}", Input).value


def headers(text: str) -> list[str]:
    return re.findall(r"^\[+[a-z.]+\]+$", text, re.MULTILINE)


def loader_messages(text: str) -> dict[str | None, str]:
    try:
        parse_routine(text)
    except RoutineError as exc:
        return {p.key: p.message for p in exc.problems}
    return {}


async def test_b_on_a_plain_routine_wraps_its_exercises_in_a_block_named_main(
    tmp_path: Path,
) -> None:
    text = SMALL.replace(
        'name = "Small"', 'name = "Small"\nrounds = 2\nrest_between_rounds = "40s"'
    )
    path = user_copy(tmp_path, text)
    before = compile_plan(load_routine(path)).total
    app = editor_for(path)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert lines(app) == [
            "BLOCK · Main",
            "  EXERCISE · Clamshells",
            "  EXERCISE · Swings",
            "  EXERCISE · Squats",
        ]
        assert any('block "Main": type its name' in note for note in notes)
        name = editor(app).query_one("#block-name", Input)
        assert name.has_focus and name.selected_text == "Main", "typing replaces the name"
        await pilot.press(*"Circuit")
        await pilot.pause()
        assert lines(app)[0] == "BLOCK · Circuit"
        # [routine]'s rounds moved to the block, and the workout is the same length.
        assert (value(app, "block-rounds"), value(app, "block-rest_between_rounds")) == (
            "2",
            "40s",
        )
        rounds = editor(app).query_one("#routine-rounds", Input)
        assert rounds.value == "" and rounds.disabled
        checked = editor(app).routine
        assert checked is not None and compile_plan(checked).total == before
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    saved = path.read_text()
    assert headers(saved) == ["[routine]", "[defaults]", "[[block]]"] + ["[[block.exercise]]"] * 3
    routine = load_routine(path)
    assert [(b.name, b.rounds, b.rest_between_rounds) for b in routine.blocks] == [
        ("Circuit", 2, 40.0)
    ]
    assert routine.exercises == () and routine.rounds == 1


async def test_wrapping_in_a_block_is_one_undo_step(tmp_path: Path) -> None:
    text = SMALL.replace('name = "Small"', 'name = "Small"\nrounds = 3')
    app = editor_for(user_copy(tmp_path, text))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert lines(app)[0] == "BLOCK · Main"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines(app) == ["EXERCISE · Clamshells", "EXERCISE · Swings", "EXERCISE · Squats"]
        rounds = editor(app).query_one("#routine-rounds", Input)
        assert rounds.value == "3" and not rounds.disabled
        assert not editor(app).dirty


async def test_b_adds_a_named_block_after_the_selected_one(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path, BLOCKS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 2)  # Rows, in Pair A
        await pilot.press("b")
        await pilot.pause()
        assert editor(app).query_one("#block-name", Input).has_focus
        await pilot.press(*"Pair B")
        await pilot.pause()
        assert lines(app) == [
            *START[:4],
            "BLOCK · Pair B",
            "  EXERCISE · New exercise",
            *START[4:],
        ]
        assert editor(app).problems == []
        routine = editor(app).routine
        assert routine is not None
        assert [b.name for b in routine.blocks] == ["Pair A", "Pair B", "Finisher"]


async def test_a_block_form_edits_its_keys_and_shows_the_loaders_words(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path, BLOCKS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 1)
        await pilot.press("enter")
        await pilot.pause()
        name = editor(app).query_one("#block-name", Input)
        assert name.has_focus and name.value == "Pair A"
        assert not editor(app).query_one("#item-form").display
        await type_into(pilot, app, "block-every", "30s")
        # An EMOM has no rest between rounds: the same words as `legtimer check`.
        emom = BLOCKS.replace("rounds = 2\n", 'rounds = 2\nevery = "30s"\n')
        expected = loader_messages(emom)
        assert editor(app).field_errors() == {
            "block-rest_between_rounds": expected["rest_between_rounds"]
        }
        assert "the clock decides the rest" in expected["rest_between_rounds"]
        await type_into(pilot, app, "block-rest_between_rounds", "")
        # Then: rows 16 s + squats 20 s do not fit in 30 s.
        expected = loader_messages(emom.replace('rest_between_rounds = "40s"\n', ""))
        assert editor(app).field_errors() == {"block-every": expected["every"]}
        assert "(0:36) is longer than every (0:30)" in expected["every"]
        await type_into(pilot, app, "block-every", "1m")
        await type_into(pilot, app, "block-rounds", "5")
        assert editor(app).field_errors() == {}
        routine = editor(app).routine
        assert routine is not None
        block = routine.blocks[0]
        assert (block.every, block.rounds, block.rest_between_rounds) == (60.0, 5, 0.0)
        await pilot.press("ctrl+z")  # the typing in rounds, as one step
        await pilot.pause()
        assert value(app, "block-rounds") == "2"


async def test_k_and_j_move_a_block_whole_and_an_exercise_across_heads(tmp_path: Path) -> None:
    path = user_copy(tmp_path, BLOCKS)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 4)  # Finisher
        await pilot.press("K")
        await pilot.pause()
        assert lines(app) == [START[0], *START[4:6], *START[1:4], START[6]]
        assert editor(app).current == 1, "the moved block stays selected"
        await pilot.press("J")
        await pilot.pause()
        assert lines(app) == START
        await select(pilot, app, 3)  # Squats: down past Finisher's head, into Finisher
        await pilot.press("J")
        await pilot.pause()
        assert lines(app) == [*START[:3], "BLOCK · Finisher", "  EXERCISE · Squats", *START[5:]]
        await select(pilot, app, 2)  # Rows: up would leave the blocks, so it stays
        await pilot.press("K")
        await pilot.pause()
        assert lines(app)[2] == "  EXERCISE · Rows"
        await pilot.press("ctrl+z")  # a move that did nothing left no undo step
        await pilot.pause()
        assert lines(app) == START
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    assert load_routine(path) == parse_routine(BLOCKS)


async def test_brackets_move_an_exercise_to_the_previous_or_next_block(tmp_path: Path) -> None:
    path = user_copy(tmp_path, BLOCKS)
    app = editor_for(path)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 5)  # Plank
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert lines(app) == [*START[:4], "  EXERCISE · Plank", "BLOCK · Finisher", START[6]]
        assert editor(app).current == 4
        await select(pilot, app, 2)  # Rows, to the start of Finisher
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert lines(app)[4:6] == ["BLOCK · Finisher", "  EXERCISE · Rows"]
        await select(pilot, app, 0)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Only an exercise in a block can move to another block" in notes
        editor(app).query_one("#items").focus()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    pair, finisher = load_routine(path).blocks
    assert [ex.name for ex in pair.exercises] == ["Squats", "Plank"]
    assert [ex.name for ex in finisher.exercises] == ["Rows"]


async def test_x_deletes_a_block_with_its_exercises_and_ctrl_z_brings_it_back(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path, BLOCKS))
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 1)
        await pilot.press("x")
        await pilot.pause()
        assert "Deleted block Pair A and its 2 exercises · ctrl+z to undo" in notes
        assert lines(app) == [START[0], *START[4:]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines(app) == START and not editor(app).dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert lines(app) == [START[0], *START[4:]]


async def test_c_copies_a_block_and_a_and_e_add_exercises_to_blocks(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path, BLOCKS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 4)  # Finisher
        await pilot.press("c")
        await pilot.pause()
        assert lines(app) == [*START[:6], *START[4:6], START[6]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await select(pilot, app, 4)
        await pilot.press("a")  # on a head: the block's first exercise
        await pilot.pause()
        assert lines(app)[4:7] == ["BLOCK · Finisher", "  EXERCISE · New exercise", START[5]]
        await pilot.press(*"Burpees")
        await pilot.pause()
        await select(pilot, app, 2)  # Rows
        await pilot.press("e")  # the end of the selected block
        await pilot.pause()
        assert lines(app)[1:6] == [*START[1:4], "  EXERCISE · New exercise", "BLOCK · Finisher"]
        routine = editor(app).routine
        assert routine is not None
        assert [[ex.name for ex in b.exercises] for b in routine.blocks] == [
            ["Rows", "Squats", "New exercise"],
            ["Burpees", "Plank"],
        ]


async def test_sets_become_one_row_per_set_and_rows_are_edited_by_keyboard(
    tmp_path: Path,
) -> None:
    path = user_copy(tmp_path)
    app = editor_for(path)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        toggle = screen.query_one("#item-per-set", Checkbox)
        toggle.focus()
        await pilot.press("space")  # Clamshells has 2 sets: two rows, each as the exercise
        await pilot.pause()
        assert toggle.value and screen.query_one("#item-sets", Input).disabled
        assert screen.query_one("#set-1-reps", Input).placeholder == "4-5"
        assert screen.problems == []
        await pilot.press("tab")  # into row 1
        await pilot.pause()
        assert screen.focused is screen.query_one("#set-0-reps")
        await pilot.press("down", "tab", "tab", *"20 kg")  # row 2, its load
        await pilot.pause()
        assert screen.focused is screen.query_one("#set-1-load")
        await pilot.press("ctrl+n")  # a copy of row 2 after it
        await pilot.pause()
        await wait_until(pilot, lambda: screen.focused is screen.query_one("#set-2-load"))
        assert value(app, "set-2-load") == "20 kg" and value(app, "item-sets") == "3"
        await pilot.press(*["backspace"] * 5, *"24 kg")
        await type_into(pilot, app, "set-0-reps", "0")
        expected = loader_messages(SMALL.replace("sets = 2", "sets = [{ reps = 0 }]"))["sets"]
        assert screen.field_errors()["item-sets"] == f"Set 1: {expected}"
        assert "Set 1: reps = 0 is out of range" in screen.field_errors()["item-sets"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert value(app, "set-0-reps") == "" and screen.field_errors() == {}
        screen.query_one("#set-1-reps", Input).focus()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert value(app, "item-sets") == "2" and "Removed set 2 · ctrl+z to undo" in notes
        assert value(app, "set-1-load") == "24 kg"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert value(app, "item-sets") == "3" and value(app, "set-1-load") == "20 kg"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not screen.dirty)
    saved = path.read_text()
    assert 'sets = [\n    {},\n    { load = "20 kg" },\n    { load = "24 kg" },\n]' in saved
    clamshells = load_routine(path).exercises[0]
    assert clamshells.sets == 3 and [t.load for t in clamshells.per_set] == ["", "20 kg", "24 kg"]
    assert clamshells.as_set(2).load == "20 kg" and clamshells.as_set(1).reps == (4, 5)


async def test_unticking_rows_gives_a_number_and_the_only_row_stays(tmp_path: Path) -> None:
    text = SMALL.replace("sets = 2\n", 'sets = [{ reps = 5, load = "20 kg" }]\n').replace(
        "reps = [4, 5]\n", ""
    )
    app = editor_for(user_copy(tmp_path, text))
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        assert screen.query_one("#item-per-set", Checkbox).value
        screen.query_one("#set-0-reps", Input).focus()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert any("One set is left" in note for note in notes)
        toggle = screen.query_one("#item-per-set", Checkbox)
        toggle.focus()
        await pilot.press("space")
        await pilot.pause()
        assert not screen.query_one("#item-set-grid").display
        assert value(app, "item-sets") == "1" and not screen.query_one("#item-sets", Input).disabled
        # The reps were the row's: the exercise now needs its own, says the loader.
        assert "needs reps" in screen.field_errors()["form-error"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert toggle.value and screen.field_errors() == {}


async def test_moving_between_exercises_shows_each_ones_rows(tmp_path: Path) -> None:
    app = editor_for(
        user_copy(tmp_path, BLOCKS.replace("reps = 8\n", "reps = 8\nsets = [{}, {}, {}]\n"))
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        grid = screen.set_grid
        await select(pilot, app, 2)
        assert grid.display and len(grid.visible_cells()) == 3 * 5
        assert screen.query_one("#set-2-reps", Input).placeholder == "8"
        await select(pilot, app, 3)
        assert not grid.display
        await select(pilot, app, 2)
        assert grid.display and value(app, "item-sets") == "3"


async def test_variants_are_listed_and_saved_as_written(tmp_path: Path) -> None:
    path = user_copy(tmp_path, BOX)
    before = load_routine(path)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        shown = str(screen.query_one("#item-variants").render())
        assert shown.startswith("Variants: Squat Jumps (swap)")
        await type_into(pilot, app, "item-name", "Squat Jumps")
        # The loader's words, under the variants, saying which one.
        errors = screen.field_errors()
        assert errors == {
            "item-variants": 'Variant 1: "Squat Jumps" is named twice; each variant needs a '
            "name of its own"
        }
        await type_into(pilot, app, "item-name", "Tuck Jumps")
        await type_into(pilot, app, "item-sets", "4")
        assert screen.field_errors() == {}
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not screen.dirty)
    after = load_routine(path)
    (variant,) = after.exercises[0].variants
    assert (variant.name, variant.role, variant.written) == (
        "Squat Jumps",
        "swap",
        before.exercises[0].variants[0].written,
    )
    assert variant.exercise.sets == 4, "what it leaves out it still takes from its exercise"
    assert headers(path.read_text()) == [
        "[routine]",
        "[defaults]",
        "[[exercise]]",
        "[[exercise.variant]]",
    ]


async def test_every_bundled_routine_opens_and_saves_back_the_same(tmp_path: Path) -> None:
    from tests.conftest import ROUTINES

    for source in sorted(ROUTINES.glob("*.toml")):
        path = user_copy(tmp_path, source.read_text())
        app = editor_for(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert editor(app).problems == [] and not editor(app).dirty
            app.warn_comments = False
            editor(app).query_one("#routine-name", Input).value = "Renamed"
            await pilot.pause()
            await pilot.press("ctrl+s")
            screen = editor(app)
            await wait_until(pilot, lambda: not screen.dirty)  # noqa: B023 - awaited at once
        assert load_routine(path) == load_routine(source)._replace(name="Renamed"), source.name


def test_every_new_action_has_a_key_and_a_name_in_the_palette() -> None:
    names = {name for name, _help, _action in PALETTE}
    assert {"Add block", "Move to previous block", "Move to next block", "Add set"} <= names
    actions = {key.action for key in (*LIST_KEYS, *SET_KEYS) if key.keys}
    assert {"add_block", "move_to_block(-1)", "add_set", "remove_set"} <= actions


def draft_of(text: str) -> Draft:
    return Draft.from_routine(parse_routine(text))


def names(draft: Draft) -> list[str]:
    return [("# " if isinstance(entry, BlockHead) else "") + entry.name() for entry in draft.items]


def test_the_draft_never_lets_an_exercise_leave_the_blocks() -> None:
    draft = draft_of(BLOCKS)
    assert draft.move(2, -1) == 2 and draft.move_to_block(2, -1) == 2  # Rows, first block
    assert draft.move_to_block(5, 1) == 5, "Plank is in the last block"
    assert draft.move(0, 1) == 0, "a warm-up stays a warm-up"
    assert draft.move(1, -1) == 1 and draft.move(4, 1) == 4, "no block before / after"
    assert names(draft) == ["March", "# Pair A", "Rows", "Squats", "# Finisher", "Plank", "Stretch"]


def test_deleting_every_exercise_of_a_block_leaves_it_empty_and_says_so() -> None:
    draft = draft_of(BLOCKS)
    draft.delete(5)  # Plank
    routine, problems = draft.check(draft.data(), None)
    assert routine is None
    assert [(p.table, p.message.split(";")[0]) for p in problems] == [
        (("block", 1), "has no exercises")
    ]


def test_b_on_a_routine_with_no_main_exercises_adds_a_block_after_the_warm_up() -> None:
    draft = draft_of(BLOCKS)
    for index in (4, 1):
        draft.delete(index)
    assert not draft.has_blocks()
    at, wrapped = draft.add_block(0)
    assert (at, wrapped) == (1, False)
    assert names(draft) == ["March", "# New block", "New exercise", "Stretch"]
    routine, problems = draft.check(draft.data(), None)
    assert routine is not None and problems == []
    assert [b.name for b in routine.blocks] == ["New block"]


def test_a_draft_gives_back_every_bundled_routine() -> None:
    from tests.conftest import ROUTINES

    for path in sorted(ROUTINES.glob("*.toml")):
        routine = load_routine(path)
        assert Draft.cannot_hold(routine) is None, path.name
        draft = Draft.from_routine(routine)
        assert draft.check(draft.data(), None)[0] == routine


def test_wrapping_a_routine_in_its_first_block_keeps_the_workout() -> None:
    from tests.conftest import ROUTINES

    wrapped = 0
    for path in sorted(ROUTINES.glob("*.toml")):
        routine = load_routine(path)
        if routine.blocks:
            continue
        for rest_after in (None, 12.0):  # the last exercise's own rest after, if it has one
            last = routine.exercises[-1]
            changed = routine._replace(
                exercises=(
                    *routine.exercises[:-1],
                    last._replace(overrides=last.overrides._replace(rest_after=rest_after)),
                )
            )
            draft = Draft.from_routine(changed)
            assert draft.add_block(len(changed.warmup)) == (len(changed.warmup), True)
            again, problems = draft.check(draft.data(), None)
            assert again is not None, problems
            assert [b.name for b in again.blocks] == ["Main"] and again.exercises == ()
            before, after = compile_plan(changed), compile_plan(again)
            assert after.total == before.total, path.name
            assert [s.name for s in after.steps] == [s.name for s in before.steps]
            wrapped += 1
    assert wrapped >= 4


def test_the_editor_still_refuses_what_its_form_could_not_give_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later format the form has not learnt (here: one that drops the cool-down) is refused,
    saying what a save would change, before any screen opens."""
    from legtimer.cli import main
    from legtimer.ui.editor import draft as draft_module

    path = user_copy(tmp_path, BLOCKS)
    from legtimer.core.writer import routine_data as real

    def without_cooldown(routine: Routine) -> dict[str, Any]:
        data = real(routine)
        data.pop("cooldown", None)
        return data

    monkeypatch.setattr(draft_module, "routine_data", without_cooldown)
    assert Draft.cannot_hold(load_routine(path)) == "the form would change its cooldown"
    assert main(["edit", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot edit {path}: the form would change its cooldown" in err
    assert f"legtimer check {path}" in err and "Traceback" not in err
