"""Variants in the editor, from the keyboard under Pilot: add, edit, reorder, delete, undo; the
role and the first side as choices; the draft giving back any routine with variants."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, TextArea

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex
from legtimer.core.loader import load_routine, parse_routine, routine_from_data
from legtimer.core.routine import Routine, Section
from legtimer.core.today import missing_items, options, todays_routine
from legtimer.core.writer import routine_data
from legtimer.ui.editor.app import EditorApp
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.entries import BlockHead, VariantEntry
from legtimer.ui.editor.fields import FieldChoice
from legtimer.ui.editor.keys import LIST_KEYS, PALETTE
from legtimer.ui.editor.refs import VARIANT_FORM
from tests.test_editor import SIZE, editor, editor_for, record_notices, user_copy, wait_until
from tests.test_editor_blocks import headers, lines, select, type_into
from tests.test_writer_blocks import _routines, _with_variants

JUMPS = """[routine]
name = "Jumps"

[defaults]
get_ready = "5s"
rest = "20s"
rest_after = "30s"
seconds_per_rep = 2

[[warmup]]
name = "March"
duration = "30s"

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

[[exercise.variant]]
name = "Pop Squats"
role = "swap"
equipment = []

[[exercise.variant]]
name = "Step-ups"
role = "easier"

[[exercise]]
name = "Lunges"
reps = 8
per_side = true
"""
START = [
    "WARM-UP · March",
    "EXERCISE · Box Jumps",
    "  ↳ SWAP · Squat Jumps",
    "  ↳ SWAP · Pop Squats",
    "  ↳ EASIER · Step-ups",
    "EXERCISE · Lunges",
]


def choice(app: EditorApp, widget_id: str) -> FieldChoice:
    widget = editor(app).query_one(f"#{widget_id}", Select)
    assert isinstance(widget, FieldChoice)
    return widget


def shown_options(app: EditorApp, widget_id: str) -> list[str]:
    """The choices as the person sees them, in order."""
    return [shown for shown, _value in choice(app, widget_id).choices]


async def pick(pilot: Pilot[None], app: EditorApp, widget_id: str, wanted: str) -> None:
    """Choose ``wanted`` in a choice field from the keyboard: focus, enter, arrows, enter."""
    widget = choice(app, widget_id)
    values = [raw for _shown, raw in widget.choices]
    widget.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    steps = values.index(wanted) - values.index(str(widget.value))
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()
    assert widget.value == wanted


def loader_problems(text: str) -> list[Problem]:
    try:
        parse_routine(text)
    except RoutineError as exc:
        return exc.problems
    return []


async def test_v_adds_a_variant_whose_empty_fields_show_the_exercises_values(
    tmp_path: Path,
) -> None:
    path = user_copy(tmp_path, JUMPS)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        await select(pilot, app, 1)  # Box Jumps: its variants are named above its fields
        shown = str(screen.query_one("#item-variants").render())
        assert shown.startswith("Variants: Squat Jumps (swap), Pop Squats (swap), Step-ups")
        await pilot.press("v")  # after its last variant, the name ready to type
        await pilot.pause()
        name = screen.query_one("#variant-name", Input)
        assert name.has_focus and name.selected_text == "New variant"
        await pilot.press(*"Tuck Jumps")
        await pilot.pause()
        assert lines(app) == [*START[:5], "  ↳ SWAP · Tuck Jumps", START[5]]
        assert str(screen.query_one("#form-title").render()) == (
            "VARIANT · Tuck Jumps · a swap for Box Jumps"
        )
        # Empty fields are the exercise's, shown grey: its own, or the defaults it uses.
        placeholders = {
            key: screen.query_one(f"#variant-{key}", Input).placeholder
            for key in ("sets", "reps", "rest", "get_ready", "equipment")
        }
        assert placeholders == {
            "sets": "as exercise: 3",
            "reps": "as exercise: 8-10",
            "rest": "as exercise: 30s",
            "get_ready": "as exercise: 5s",
            "equipment": "as exercise: plyo box (optional)",
        }
        cue = screen.query_one("#variant-cue", TextArea)
        assert cue.text == "" and cue.placeholder == "as exercise: Jump onto the box."
        assert shown_options(app, "variant-per_side")[0] == "as exercise: no"
        await pick(pilot, app, "variant-role", "harder")
        assert lines(app)[5] == "  ↳ HARDER · Tuck Jumps"
        await type_into(pilot, app, "variant-equipment", "none")
        await type_into(pilot, app, "variant-reps", "12")
        assert screen.problems == []
        routine = screen.routine
        assert routine is not None
        box = routine.exercises[0]
        assert [(v.name, v.role) for v in box.variants] == [
            ("Squat Jumps", "swap"),
            ("Pop Squats", "swap"),
            ("Step-ups", "easier"),
            ("Tuck Jumps", "harder"),
        ]
        tuck = box.variants[3].exercise
        assert (tuck.sets, tuck.reps, tuck.equipment, tuck.overrides.rest) == (
            3,
            (12, 12),
            (),
            30.0,
        )
        assert tuck.cue == "Jump onto the box.", "left empty: the exercise's"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not screen.dirty)
    text = path.read_text()
    assert headers(text) == [
        "[routine]",
        "[defaults]",
        "[[warmup]]",
        "[[exercise]]",
        *["[[exercise.variant]]"] * 4,
        "[[exercise]]",
    ]
    written = tomllib.loads(text)["exercise"][0]["variant"][3]
    assert written == {"name": "Tuck Jumps", "role": "harder", "reps": 12, "equipment": []}
    assert load_routine(path) == routine._replace(path=str(path))


async def test_role_and_first_side_are_choices_and_undo_puts_a_role_back(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path, JUMPS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 2)  # Squat Jumps
        assert shown_options(app, "variant-role") == ["swap", "easier", "harder"]
        assert shown_options(app, "variant-first_side") == ["as exercise: left", "left", "right"]
        await pick(pilot, app, "variant-role", "easier")
        assert lines(app)[2] == "  ↳ EASIER · Squat Jumps"
        routine = editor(app).routine
        assert routine is not None and routine.exercises[0].variants[0].role == "easier"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines(app) == START and choice(app, "variant-role").value == "swap"
        assert not editor(app).dirty
        await select(pilot, app, 5)  # Lunges: an exercise's first side is left or right
        assert shown_options(app, "item-first_side") == ["left", "right"]


async def test_first_side_is_a_choice_only_a_per_side_exercise_can_make(tmp_path: Path) -> None:
    path = user_copy(tmp_path, JUMPS)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        await select(pilot, app, 5)  # Lunges, per side
        side = choice(app, "item-first_side")
        assert not side.disabled and side.value == "left"
        await pick(pilot, app, "item-first_side", "right")
        await select(pilot, app, 1)  # Box Jumps: not per side, so no first side
        assert choice(app, "item-first_side").disabled
        assert choice(app, "item-first_side").value == "left"
        per_side = screen.query_one("#item-per_side", Checkbox)
        per_side.focus()
        await pilot.press("space")
        await pilot.pause()
        assert not choice(app, "item-first_side").disabled
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert choice(app, "item-first_side").disabled
        # A variant is per side when it says so, or when its exercise is.
        await select(pilot, app, 2)
        assert choice(app, "variant-first_side").disabled
        await pick(pilot, app, "variant-per_side", "yes")
        assert not choice(app, "variant-first_side").disabled
        await pick(pilot, app, "variant-first_side", "right")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not screen.dirty)
    routine = load_routine(path)
    lunges = routine.exercises[1]
    assert (lunges.first_side, lunges.as_set(0) is not None) == ("right", True)
    squat_jumps = routine.exercises[0].variants[0]
    assert (squat_jumps.exercise.per_side, squat_jumps.exercise.first_side) == (True, "right")
    data = tomllib.loads(path.read_text())
    assert "first_side" not in data["exercise"][0], "left is the default: not written"
    assert data["exercise"][1]["first_side"] == "right"


async def test_a_variants_problems_are_the_loaders_and_show_on_it_and_its_exercise(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path, JUMPS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        await select(pilot, app, 3)  # Pop Squats
        await type_into(pilot, app, "variant-name", "Box Jumps")
        (expected,) = loader_problems(JUMPS.replace('"Pop Squats"', '"Box Jumps"'))
        assert expected.table == ("exercise.variant", 1) and expected.key == "name"
        assert screen.field_errors() == {"variant-name": expected.message}
        assert "named twice" in expected.message
        await select(pilot, app, 1)  # its exercise says which variant
        assert screen.field_errors() == {"item-variants": f"Variant 2: {expected.message}"}
        await select(pilot, app, 3)
        await type_into(pilot, app, "variant-name", "Pop Squats")
        await type_into(pilot, app, "variant-reps", "0")
        (expected,) = loader_problems(
            JUMPS.replace('name = "Pop Squats"\n', 'name = "Pop Squats"\nreps = 0\n')
        )
        assert screen.field_errors() == {"variant-reps": expected.message}
        assert screen.routine is None, "save is off"
        await type_into(pilot, app, "variant-reps", "")
        assert screen.field_errors() == {} and not screen.dirty


async def test_x_deletes_a_variant_or_an_exercise_with_its_variants_and_ctrl_z_undoes(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path, JUMPS))
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 2)
        await pilot.press("x")
        await pilot.pause()
        assert "Deleted variant Squat Jumps of Box Jumps · ctrl+z to undo" in notes
        assert lines(app) == [*START[:2], *START[3:]]
        routine = editor(app).routine
        assert routine is not None
        assert [v.name for v in routine.exercises[0].variants] == ["Pop Squats", "Step-ups"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines(app) == START and not editor(app).dirty
        await select(pilot, app, 1)
        await pilot.press("x")
        await pilot.pause()
        assert "Deleted Box Jumps and its 3 variants · ctrl+z to undo" in notes
        assert lines(app) == [START[0], START[5]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines(app) == START
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert lines(app) == [START[0], START[5]]


async def test_k_and_j_reorder_variants_and_the_order_decides_swaps_and_v(
    tmp_path: Path,
) -> None:
    path = user_copy(tmp_path, JUMPS)
    app = editor_for(path)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 3)  # Pop Squats, up above Squat Jumps
        await pilot.press("K")
        await pilot.pause()
        assert lines(app)[1:5] == [START[1], START[3], START[2], START[4]]
        assert editor(app).current == 2, "the moved variant stays selected"
        await pilot.press("K")  # a variant never leaves its exercise
        await pilot.pause()
        assert lines(app)[1:3] == [START[1], START[3]]
        assert "Already the first variant: a variant stays with its exercise" in notes
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "A variant stays with its exercise: move the exercise instead" in notes
        await select(pilot, app, 1)  # Box Jumps moves down past Lunges with its variants
        await pilot.press("J")
        await pilot.pause()
        assert lines(app) == [START[0], START[5], START[1], START[3], START[2], START[4]]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    routine = load_routine(path)
    box = routine.exercises[1]
    assert [v.name for v in box.variants] == ["Pop Squats", "Squat Jumps", "Step-ups"]
    # The order is the order v cycles in, and the first swap that fits wins without a box.
    assert [option.name for option in options(box)] == [
        "Box Jumps",
        "Pop Squats",
        "Squat Jumps",
        "Step-ups",
    ]
    today, _changes = todays_routine(routine, missing_items(routine, ["box"]))
    assert today.exercises[1].name == "Pop Squats"


async def test_c_copies_a_variant_under_a_name_of_its_own_and_a_adds_one_after_it(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path, JUMPS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 2)
        await pilot.press("c")
        await pilot.pause()
        assert lines(app)[2:4] == [START[2], "  ↳ SWAP · Squat Jumps (copy)"]
        assert editor(app).problems == []
        await pilot.press("a")  # on a variant: another variant, just after it
        await pilot.pause()
        assert lines(app)[4] == "  ↳ SWAP · New variant"
        assert editor(app).query_one("#variant-name", Input).has_focus
        routine = editor(app).routine
        assert routine is not None
        assert [v.name for v in routine.exercises[0].variants] == [
            "Squat Jumps",
            "Squat Jumps (copy)",
            "New variant",
            "Pop Squats",
            "Step-ups",
        ]
        copied = routine.exercises[0].variants[1].exercise
        assert (copied.cue, copied.equipment) == ("Jump straight up.", ())


async def test_v_on_a_block_head_says_what_to_select(tmp_path: Path) -> None:
    from tests.test_editor_blocks import BLOCKS

    app = editor_for(user_copy(tmp_path, BLOCKS))
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(pilot, app, 1)
        await pilot.press("v")
        await pilot.pause()
        assert "Select an exercise to give it a variant" in notes
        await select(pilot, app, 3)  # Squats, in Pair A: its variant is a block exercise's
        await pilot.press("v")
        await pilot.pause()
        assert lines(app)[4] == "    ↳ SWAP · New variant"
        await type_into(pilot, app, "variant-duration", "0")
        (expected,) = loader_problems(
            BLOCKS.replace(
                "reps = 10\n",
                'reps = 10\n\n[[block.exercise.variant]]\nname = "New variant"\nrole = "swap"\n'
                "duration = 0\n",
            )
        )
        assert expected.table == ("block.exercise.variant", 0)
        assert editor(app).field_errors() == {"variant-duration": expected.message}


# ---- the draft ------------------------------------------------------------------------------


def test_variants_anywhere_are_found_where_the_loader_names_them() -> None:
    """Each variant entry's table is the one the loader names in its problems."""
    text = """[routine]
name = "T"

[[warmup]]
name = "A"
reps = 5

[[warmup.variant]]
name = "A2"
role = "easier"

[[block]]
name = "P"

[[block.exercise]]
name = "B"
reps = 5

[[block.exercise.variant]]
name = "B2"
role = "harder"

[[block]]
name = "Q"

[[block.exercise]]
name = "C"
reps = 5

[[block.exercise.variant]]
name = "C2"
role = "swap"

[[block.exercise.variant]]
name = "C3"
role = "swap"

[[cooldown]]
name = "D"
reps = 5

[[cooldown.variant]]
name = "D2"
role = "easier"
"""
    routine = parse_routine(text)
    draft = Draft.from_routine(routine)
    variants = [at for at, entry in enumerate(draft.items) if isinstance(entry, VariantEntry)]
    assert [draft.items[at].name() for at in variants] == ["A2", "B2", "C2", "C3", "D2"]
    for at in variants:
        name = draft.items[at].name()
        (problem,) = loader_problems(text.replace(f'"{name}"\n', f'"{name}"\nreps = 0\n'))
        assert draft.position(at) == problem.table, name
        assert draft.tables()[at] == problem.table
        assert draft.variant_owner(draft.position(at)) == draft.owner_of(at)
    again, problems = draft.check(draft.data(), None)
    assert problems == [] and again == routine._replace(path=None)


def test_what_a_form_field_cannot_say_is_kept_while_it_shows_unchanged() -> None:
    """A list item with a comma, a per-set list, a cue that is literally "none", an empty load:
    all come back as written; typing none empties a field on purpose."""
    text = """[routine]
name = "T"

[[exercise]]
name = "A"
reps = 5
load = "8 kg"
cue = "Slow."

[[exercise.variant]]
name = "B"
role = "swap"
equipment = ["band, light"]
sets = [{ reps = 3 }, { reps = 4, load = "4 kg" }]
cue = "none"
load = ""
"""
    routine = parse_routine(text)
    draft = Draft.from_routine(routine)
    variant = draft.items[1]
    assert isinstance(variant, VariantEntry)
    assert (variant.raw["load"], variant.raw["cue"], variant.raw["sets"]) == ("none", "none", "2")
    again, _ = draft.check(draft.data(), None)
    assert again == routine._replace(path=None)
    (ref,) = (ref for ref in VARIANT_FORM if ref.key == "cue")
    variant.set("cue", "")  # empty: as the exercise
    again, _ = draft.check(draft.data(), None)
    assert again is not None and again.exercises[0].variants[0].exercise.cue == "Slow."
    variant.set("cue", "none")  # typed: empty on purpose
    again, _ = draft.check(draft.data(), None)
    assert again is not None and again.exercises[0].variants[0].exercise.cue == ""
    assert ref.inherits


def test_moving_and_copying_an_exercise_keeps_its_variants_with_it() -> None:
    draft = Draft.from_routine(parse_routine(JUMPS))

    def names() -> list[str]:
        return [entry.name() for entry in draft.items]

    assert draft.move(5, -1) == 1  # Lunges up past Box Jumps and all its variants
    assert names() == ["March", "Lunges", "Box Jumps", "Squat Jumps", "Pop Squats", "Step-ups"]
    assert draft.move(2, -1) == 1
    assert draft.duplicate(1) == 5
    assert names()[5:9] == ["Box Jumps", "Squat Jumps", "Pop Squats", "Step-ups"]
    assert draft.add(3) == 5, "a new exercise comes after the selected one's variants"
    assert draft.move(4, 1) == 4, "the last variant stays last"
    routine, problems = draft.check(draft.data(), None)
    assert problems == [] and routine is not None
    assert [len(ex.variants) for ex in routine.exercises] == [3, 0, 3, 0]


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_routines(), st.data())
def test_any_routine_with_variants_comes_back_from_the_editors_draft(
    routine: Routine, data: st.DataObject
) -> None:
    routine = routine_from_data(routine_data(routine), LineIndex(), "<generated>")
    routine = _with_variants(routine, data)._replace(path=None)
    assert Draft.cannot_hold(routine) is None
    draft = Draft.from_routine(routine)
    again, problems = draft.check(draft.data(), None)
    assert problems == [] and again == routine


def test_every_list_key_is_in_the_readme_and_the_palette() -> None:
    """README's editor key table names each key the list shows in its Footer."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    first_cells = [
        line.split("|")[1].split() for line in readme.splitlines() if line.startswith("| ")
    ]
    for key in LIST_KEYS:
        if key.show and key.keys:
            shown = key.keys.split(",")[0]
            assert any(shown in cells for cells in first_cells), shown
    assert "Add variant" in {name for name, _help, _action in PALETTE}


async def test_a_variant_gets_rows_of_its_own_for_sets_that_change(tmp_path: Path) -> None:
    path = user_copy(tmp_path, JUMPS)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        await select(pilot, app, 4)  # Step-ups: its sets are the exercise's 3
        toggle = screen.query_one("#variant-per-set", Checkbox)
        toggle.focus()
        await pilot.press("space")
        await pilot.pause()
        assert screen.query_one("#variant-set-grid").display
        assert not screen.query_one("#item-set-grid").display, "the exercise's rows stay apart"
        cells = [screen.query_one(f"#variant-set-{row}-reps", Input) for row in range(3)]
        assert [cell.placeholder for cell in cells] == ["8-10"] * 3, "the exercise's reps"
        assert screen.query_one("#variant-sets", Input).value == "3"
        await type_into(pilot, app, "variant-set-2-load", "10 kg")
        await pilot.press("ctrl+n")  # a copy of the last row
        await pilot.pause()
        await wait_until(pilot, lambda: screen.focused is screen.query_one("#variant-set-3-load"))
        await type_into(pilot, app, "variant-set-0-reps", "0")
        (expected,) = loader_problems(
            JUMPS.replace(
                'name = "Step-ups"\nrole = "easier"\n',
                'name = "Step-ups"\nrole = "easier"\nsets = [{ reps = 0 }, {}, {}, {}]\n',
            )
        )
        assert screen.field_errors() == {"variant-sets": f"Set 1: {expected.message}"}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.field_errors() == {}
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not screen.dirty)
    step_ups = load_routine(path).exercises[0].variants[2].exercise
    assert step_ups.sets == 4 and [t.load for t in step_ups.per_set] == ["", "", "10 kg", "10 kg"]
    assert step_ups.as_set(0).reps == (8, 10) and step_ups.overrides.rest == 30.0
    box = load_routine(path).exercises[0]
    assert box.per_set == (), "the exercise keeps its number of sets"


def _shape_holds(draft: Draft) -> None:
    """Sections in order, every variant under an exercise of its own section."""
    order = [entry.section for entry in draft.items]
    rank = {section: at for at, section in enumerate(Section)}
    assert [rank[s] for s in order] == sorted(rank[s] for s in order)
    for at, entry in enumerate(draft.items):
        if isinstance(entry, VariantEntry):
            owner = draft.owner_of(at)
            assert owner is not None and draft.items[owner].section is entry.section


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "variant", "up", "down", "prev", "next", "copy", "delete"]),
            st.integers(0, 40),
        ),
        max_size=25,
    )
)
def test_list_edits_keep_every_variant_under_its_exercise(ops: list[tuple[str, int]]) -> None:
    """Any run of list edits keeps the list's shape, and a draft that checks gives each
    exercise exactly the variants listed under it."""
    from tests.test_editor_blocks import BLOCKS

    text = BLOCKS.replace(
        "reps = 10\n", 'reps = 10\n\n[[block.exercise.variant]]\nname = "Jumps"\nrole = "swap"\n'
    )
    draft = Draft.from_routine(parse_routine(text))
    for op, pick in ops:
        if not draft.items:
            draft.add(None, Section.MAIN)
            continue
        at = pick % len(draft.items)
        if op == "add":
            draft.add(at)
        elif op == "variant":
            draft.add_variant(at)
        elif op in ("up", "down"):
            draft.move(at, -1 if op == "up" else 1)
        elif op in ("prev", "next"):
            draft.move_to_block(at, -1 if op == "prev" else 1)
        elif op == "copy":
            draft.duplicate(at)
        else:
            draft.delete(at)
        _shape_holds(draft)
    routine, _problems = draft.check(draft.data(), None)
    if routine is not None:
        listed = [
            len(draft.variants_of(at))
            for at, entry in enumerate(draft.items)
            if not isinstance(entry, (VariantEntry, BlockHead))
        ]
        assert [len(ex.variants) for ex in routine.all_exercises()] == listed
