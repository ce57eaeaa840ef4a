"""The routine editor under Pilot: list edits, validation as you type, saving, quitting."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from legtimer.audio.sink import SilentSink
from legtimer.core.errors import RoutineError
from legtimer.core.loader import load_routine, parse_routine
from legtimer.ui.editor.app import EditorApp
from legtimer.ui.editor.screen import EditorScreen
from legtimer.ui.screens.dialogs import Confirm
from legtimer.ui.screens.workout import WorkoutScreen
from tests.conftest import ROUTINES, FakeClock
from tests.ui_helpers import SMALL, fake_outfit

SIZE = (120, 40)


def user_copy(tmp_path: Path, text: str = SMALL) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(text)
    return path


def editor_for(path: Path, bundled: bool = False, user_folder: Path | None = None) -> EditorApp:
    return EditorApp(
        load_routine(path),
        path,
        bundled=bundled,
        user_folder=user_folder or path.parent,
        original_text=path.read_text(),
        outfit=fake_outfit(FakeClock(), SilentSink()),
    )


def editor(app: EditorApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen), type(screen)
    return screen


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5) -> None:
    """Let the app run until ``condition`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the editor"
        await pilot.pause(0.02)


def record_notices(app: EditorApp) -> list[str]:
    """Every message the app shows as a notice, through its public notify()."""
    notes: list[str] = []
    shown = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        notes.append(message)
        shown(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notes


def labels(app: EditorApp) -> list[str]:
    return [item.label() for item in app.editor.draft.items]


async def test_add_move_duplicate_and_delete(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#items").focus()
        await pilot.pause()
        await pilot.press("down")  # Swings
        await pilot.pause()
        assert editor(app).current == 1
        await pilot.press("a")
        await pilot.pause()
        assert labels(app) == [
            "EXERCISE · Clamshells",
            "EXERCISE · Swings",
            "EXERCISE · New exercise",
            "EXERCISE · Squats",
        ]
        assert editor(app).current == 2
        name = editor(app).query_one("#item-name", Input)
        assert name.value == "New exercise" and name.has_focus
        await pilot.press(*"Wall sit")
        await pilot.pause()
        assert labels(app)[2] == "EXERCISE · Wall sit"
        editor(app).query_one("#items").focus()
        await pilot.press("K")
        await pilot.pause()
        assert labels(app)[1] == "EXERCISE · Wall sit"
        await pilot.press("c")
        await pilot.pause()
        assert labels(app).count("EXERCISE · Wall sit") == 2
        await pilot.press("x")
        await pilot.pause()
        assert labels(app) == [
            "EXERCISE · Clamshells",
            "EXERCISE · Wall sit",
            "EXERCISE · Swings",
            "EXERCISE · Squats",
        ]
        assert editor(app).current == 2, "the next entry is selected after a delete"
        await pilot.press("up", "x")
        await pilot.pause()
        assert labels(app) == ["EXERCISE · Clamshells", "EXERCISE · Swings", "EXERCISE · Squats"]


async def test_typing_renames_and_updates_the_total(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = editor(app).query_one("#editor-status", Static)
        before = str(status.render())
        assert before.startswith("Total 2:41")
        editor(app).query_one("#item-sets", Input).value = "4"
        # The total is planned once typing pauses: poll for it.
        await wait_until(pilot, lambda: str(status.render()).startswith("Total 4:11"))
        assert "unsaved changes" in str(status.render())
        editor(app).query_one("#item-name", Input).value = "Side clams"
        await pilot.pause()
        assert labels(app)[0] == "EXERCISE · Side clams"


async def test_an_invalid_value_shows_the_check_message_and_blocks_save(tmp_path: Path) -> None:
    path = user_copy(tmp_path)
    before = path.read_bytes()
    app = editor_for(path)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#item-sets", Input).value = "true"
        editor(app).query_one("#defaults-rest", Input).value = "soon"
        await pilot.pause()
        errors = editor(app).field_errors()
        # The same words `legtimer check` uses for the same mistakes in a file.
        try:
            parse_routine(
                SMALL.replace("sets = 2", 'sets = "true"').replace('rest = "20s"', 'rest = "soon"')
            )
        except RoutineError as exc:
            expected = {p.key: p.message for p in exc.problems}
        assert errors["item-sets"] == expected["sets"]
        assert errors["defaults-rest"] == expected["rest"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_bytes() == before
        assert any("Not saved: 2 problems" in n for n in notes)


async def test_missing_reps_and_duration_is_shown_on_the_form(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#item-reps", Input).value = ""
        await pilot.pause()
        assert "needs reps" in editor(app).field_errors()["form-error"]
        editor(app).query_one("#item-duration", Input).value = "40s"
        await pilot.pause()
        assert editor(app).field_errors() == {}


async def test_save_writes_the_file_and_keeps_a_backup(tmp_path: Path) -> None:
    path = user_copy(tmp_path, SMALL.replace("# get ready", ""))
    original = path.read_bytes()
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#routine-rounds", Input).value = "2"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.editor.dirty
    assert load_routine(path).rounds == 2
    assert (tmp_path / "small.toml.bak").read_bytes() == original


async def test_comments_warning_before_the_first_save(tmp_path: Path) -> None:
    path = user_copy(tmp_path, "# my notes\n" + SMALL)
    app = editor_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#routine-name", Input).value = "Renamed"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert path.read_text().startswith("# my notes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert load_routine(path).name == "Renamed"
    assert (tmp_path / "small.toml.bak").read_text().startswith("# my notes")


async def test_unsaved_changes_ask_before_quitting(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#routine-name", Input).value = "Changed"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_without_changes_does_not_ask(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running


async def test_editing_a_bundled_routine_saves_a_copy(tmp_path: Path) -> None:
    bundled = ROUTINES / "tabata-legs.toml"
    before = bundled.read_bytes()
    mine = tmp_path / "mine"
    app = editor_for(bundled, bundled=True, user_folder=mine)
    notes = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "read-only" in str(editor(app).query_one("#editor-title", Static).render())
        editor(app).query_one("#routine-rounds", Input).value = "6"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm), "the bundled file has comments: asked first"
        await pilot.press("y")
        await pilot.pause()
        assert any("your own copy" in n for n in notes)
    assert bundled.read_bytes() == before
    assert load_routine(mine / "tabata-legs.toml").rounds == 6


async def test_try_it_runs_the_edited_routine_and_comes_back(tmp_path: Path) -> None:
    app = editor_for(user_copy(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app).query_one("#item-name", Input).value = "Tried clams"
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        workout = app.screen
        assert isinstance(workout, WorkoutScreen)
        assert workout.driver.session.plan.routine.exercises[0].name == "Tried clams"
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.editor.dirty, "trying does not save"


async def test_routine_text_in_the_editor_is_plain(tmp_path: Path) -> None:
    app = editor_for(
        user_copy(tmp_path, SMALL.replace('name = "Swings"', 'name = "[red]Swings[/]"'))
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "EXERCISE · [red]Swings[/]" in labels(app)
