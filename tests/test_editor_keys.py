"""The editor as a person uses it: whole sections, undo, dialogs that back out, the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from legtimer.core.loader import load_routine
from legtimer.storage.paths import checkpoint_path, log_path
from legtimer.ui.editor.screen import EditorScreen
from legtimer.ui.screens.dialogs import Confirm
from legtimer.ui.screens.summary import SummaryScreen
from legtimer.ui.screens.workout import WorkoutScreen
from tests.test_editor import (
    SIZE,
    editor,
    editor_for,
    labels,
    record_notices,
    user_copy,
    wait_until,
)


async def test_whole_sections_can_be_added_even_to_an_empty_list(tmp_path: Path) -> None:
    path = user_copy(tmp_path)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "x", "x")
        await pilot.pause()
        assert labels(app) == []
        status = editor(app).query_one("#editor-status", Static)
        assert str(status.render()) == "1 problem, save is off: no [[exercise]] found; a " + (
            "routine needs at least one [[exercise]] with a name and reps or duration"
        )
        for key in ("o", "e", "w"):
            editor(app).query_one("#items").focus()
            await pilot.press(key)
            await pilot.pause()
        assert labels(app) == [
            "WARM-UP · New warm-up",
            "EXERCISE · New exercise",
            "COOL-DOWN · New cool-down",
        ]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    routine = load_routine(path)
    assert [len(routine.warmup), len(routine.exercises), len(routine.cooldown)] == [1, 1, 1]


async def test_delete_says_so_and_undo_brings_it_back(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "Deleted Clamshells · ctrl+z to undo" in notes
        assert labels(app)[0] == "EXERCISE · Swings"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert labels(app) == ["EXERCISE · Clamshells", "EXERCISE · Swings", "EXERCISE · Squats"]
        assert not editor(app).dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert labels(app) == ["EXERCISE · Swings", "EXERCISE · Squats"]


async def test_typing_in_a_field_is_one_undo_step_and_the_cursor_starts_at_the_end(
    tmp_path: Path,
) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # from the list to the entry's first field
        name = editor(app).query_one("#item-name", Input)
        assert name.has_focus
        assert name.cursor_position == len("Clamshells") and not name.selected_text
        await pilot.press(*" left")
        await pilot.pause()
        assert labels(app)[0] == "EXERCISE · Clamshells left"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert labels(app)[0] == "EXERCISE · Clamshells"
        assert editor(app).query_one("#item-name", Input).value == "Clamshells"


async def test_right_arrow_and_tab_go_from_the_list_to_the_entry(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "right")
        await pilot.pause()
        name = editor(app).query_one("#item-name", Input)
        assert name.has_focus and name.value == "Swings"
        editor(app).query_one("#items").focus()
        await pilot.press("tab")
        await pilot.pause()
        assert name.has_focus, "the entry's name is one Tab from the list"


@pytest.mark.parametrize("back_out", ["q", "escape", "enter", "n"])
async def test_q_escape_and_enter_never_confirm_a_dialog(tmp_path: Path, back_out: str) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#routine-name", Input).value = "Changed"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press(back_out)
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_a_multi_line_cue_is_saved_as_toml_safe_text(tmp_path: Path) -> None:
    path = user_copy(tmp_path)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cue = editor(app).query_one("#item-cue", TextArea)
        cue.focus()
        await pilot.press("end", "enter", *"Second line.")
        await pilot.pause()
        assert cue.text == "Knees bent, open the top knee.\nSecond line."
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not editor(app).dirty)
    text = path.read_text()
    assert 'cue = "Knees bent, open the top knee.\\nSecond line."' in text
    assert load_routine(path).exercises[0].cue == "Knees bent, open the top knee.\nSecond line."


async def test_trying_a_routine_never_writes_the_workout_log(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        for _ in range(40):  # a set done, then skip every step to the end
            if not isinstance(app.screen, WorkoutScreen):
                break
            await pilot.press("d" if app.screen.driver.session.step.kind.is_work else "n")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen), "the workout reached its summary"
    assert not log_path().exists(), "a tried draft is not a workout"
    assert not checkpoint_path().exists()
