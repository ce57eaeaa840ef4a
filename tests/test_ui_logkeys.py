"""The training-log keys under Pilot: correct a set's reps, type a manual set's reps, edit the
load, and the target and harder lines before an exercise."""

from __future__ import annotations

from collections.abc import Mapping

from textual.widgets import Input

from legtimer.audio.sink import SilentSink
from legtimer.core.loader import parse_routine
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.core.targets import todays_targets
from legtimer.storage.paths import log_path
from legtimer.storage.trainlog import TrainingLog
from legtimer.ui.app import LegtimerApp
from legtimer.ui.keys import help_lines
from legtimer.ui.screens.remote import LoadDialog
from legtimer.ui.screens.summary import SummaryScreen
from tests.conftest import FakeClock
from tests.ui_helpers import advance, fake_outfit, make_app, text_of, workout

LOGGED = """
[routine]
name = "Logged"
[defaults]
get_ready = "5s"
rest = "20s"
rest_after = "30s"
seconds_per_rep = 1
[[exercise]]
name = "Bridges"
sets = 2
reps = [10, 15]
load = "16 kg"
harder = "one leg at a time"
[[exercise]]
name = "Squats"
reps = 8
manual = true
"""
# get ready 5 | Bridges 15 | rest 20 | Bridges 15 | rest after 30 | Squats (manual)


def _targets(routine: Routine, _resumed: int | None) -> Mapping[str, Target]:
    return todays_targets(routine, {"Bridges": [(15, 15), (15, 15)]})


def logged_app(clock: FakeClock) -> LegtimerApp:
    outfit = fake_outfit(clock, SilentSink(), record=True)
    return LegtimerApp(parse_routine(LOGGED), outfit=outfit, targets=_targets)


def greyed(app: LegtimerApp, action: str, *parameters: object) -> bool:
    return workout(app).check_action(action, parameters) is None


async def test_get_ready_shows_last_time_the_harder_hint_and_the_load() -> None:
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert text_of(app, "next-facts") == "Set 1 of 2 · 15 of 10-15 reps", "the step's words"
        assert text_of(app, "next-target") == "Last time 15 / 15 → today 15"
        assert text_of(app, "next-harder") == (
            "All sets at 15: try the harder variant: one leg at a time"
        )
        assert text_of(app, "next-load") == "Load: 16 kg  l to change"
        assert greyed(app, "correct", 1) and greyed(app, "digit", 1)
        await advance(pilot, app, clock, 25.0)  # set 1 done: the rest before set 2
        assert text_of(app, "next-target") == "", "only before an exercise's first set"
        await advance(pilot, app, clock, 50.0)  # set 2 done: the rest before Squats
        assert text_of(app, "next-name") == "Squats"
        assert text_of(app, "next-target") == "", "a fixed count has no progression to show"


async def test_up_down_and_digits_correct_the_set_just_done() -> None:
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 5.0)
        assert text_of(app, "log") == "", "nothing to correct during the set"
        assert greyed(app, "correct", 1)
        await advance(pilot, app, clock, 15.5)
        assert text_of(app, "log") == "Set 1: 15 reps  ↑↓ to correct"
        assert not greyed(app, "correct", 1) and not greyed(app, "digit", 4)
        await pilot.press("up")
        assert text_of(app, "log") == "Set 1: 16 reps  ↑↓ to correct"
        await pilot.press("down", "down", "down")
        assert text_of(app, "log") == "Set 1: 13 reps  ↑↓ to correct"
        await pilot.press("1", "2")
        assert text_of(app, "log") == "Set 1: 12 reps  ↑↓ to correct"
        logbook = workout(app).log_keys.logbook
        assert logbook is not None and logbook.today[-1].reps == 12
        with TrainingLog.open(log_path()) as log:
            (written,) = log.workouts()
        assert [s.reps for s in written.sets] == [12], "the log has the correction"
        await advance(pilot, app, clock, 20.0)
        assert text_of(app, "log") == "" and greyed(app, "correct", -1), "the next set began"


async def test_a_manual_set_ends_with_the_reps_typed_and_l_edits_the_load() -> None:
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 25.0)  # in the rest between Bridges sets
        await pilot.press("l")
        dialog = app.screen
        assert isinstance(dialog, LoadDialog)
        assert dialog.query_one(Input).value == "16 kg"
        dialog.query_one(Input).value = ""
        await pilot.press(*"20 kg", "enter")
        assert not isinstance(app.screen, LoadDialog)
        assert text_of(app, "next-load") == "Load: 20 kg  l to change"
        await advance(pilot, app, clock, 20.0 + 15.0 + 30.0)
        screen = workout(app)
        assert screen.driver.session.step.name == "Squats"
        assert greyed(app, "load"), "no load to edit during a set"
        assert text_of(app, "log") == "Or type the reps you did, then Enter"
        await pilot.press("7")
        assert text_of(app, "log") == "7 reps typed: Enter ends the set with 7"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        with TrainingLog.open(log_path()) as log:
            (written,) = log.workouts()
        rows = [(s.exercise, s.reps, s.load) for s in written.sets]
        assert rows == [("Bridges", 15, "16 kg"), ("Bridges", 15, "20 kg"), ("Squats", 7, None)]


async def test_without_a_training_log_the_log_keys_are_greyed_out() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 35.5)  # a rest after a rep set, but no log
        assert workout(app).driver.session.step.kind.is_rest
        for action, parameter in (("correct", 1), ("digit", 3), ("load", None)):
            assert greyed(app, action, *([parameter] if parameter is not None else []))
        await pilot.press("up", "5", "l")
        assert text_of(app, "log") == "" and workout(app) is app.screen


def test_help_lists_the_log_keys_the_clicker_and_back_on_backspace() -> None:
    rows = dict(help_lines())
    assert "backspace" in rows and rows["backspace"].startswith("back")
    assert "b" not in rows, "b belongs to the clicker now"
    assert "↑/↓" in rows
    assert "0-9" in rows and "l" in rows and "r" in rows and "R" in rows
    assert "pagedown/right" in rows and "done where the workout waits" in rows["pagedown/right"]
    (pauses,) = [keys for keys in rows if "shift+f5" in keys]
    assert set(pauses.split("/")) == {"pageup", "left", "f5", "shift+f5", "esc", ".", "b"}
