"""`v` and the equipment question: the driver splices another variant in without drifting,
and the app asks once what is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legtimer.audio.sink import SilentSink
from legtimer.core.loader import parse_routine
from legtimer.core.plan import StepKind
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.variants import Gear, TodaysChoices
from legtimer.ui.app import LegtimerApp
from legtimer.ui.screens.equipment import EquipmentQuestion
from tests.conftest import FakeClock
from tests.ui_helpers import advance, fake_outfit, text_of

ROUTINE = """[routine]
name = "Jumps"
[defaults]
get_ready = "10s"
rest_after = "30s"
seconds_per_rep = 2
[[exercise]]
name = "Swings"
reps = 5
equipment = ["kettlebell"]
[[exercise]]
name = "Box Jumps"
sets = 2
reps = 5
equipment = ["plyo box (optional)"]
cue = "Onto the box."
[[exercise.variant]]
name = "Squat Jumps"
role = "swap"
equipment = []
cue = "Straight up."
[[exercise.variant]]
name = "Tuck Jumps"
role = "harder"
reps = 8
equipment = []
"""
# get ready 10 | Swings 10 | rest after 30 | Box Jumps 10 | rest 45 | Box Jumps 10


def next_name(driver: WorkoutDriver) -> str:
    following = driver.session.plan.next_up(driver.session.step)
    assert following is not None
    return following.name


def driver_for(clock: FakeClock) -> WorkoutDriver:
    chooser = TodaysChoices(parse_routine(ROUTINE))
    return WorkoutDriver(chooser.plan(), clock=clock, schedule=lambda _d, _f: None, chooser=chooser)


def test_v_in_the_rest_before_an_exercise_swaps_what_comes_without_moving_the_deadline() -> None:
    clock = FakeClock()
    driver = driver_for(clock)
    driver.start()
    assert not driver.available(Command.VARIANT)  # before Swings: no variants
    clock.advance(25.0)
    driver.tick()
    session = driver.session
    assert session.step.kind is StepKind.REST_AFTER
    total_before = session.plan.total
    left = session.remaining()
    assert driver.send(Command.VARIANT)
    assert session.remaining() == pytest.approx(left)
    assert next_name(driver) == "Squat Jumps"
    assert session.plan.total == pytest.approx(total_before)
    assert driver.send(Command.VARIANT)  # Tuck Jumps: 8 reps, longer
    nxt = session.plan.next_up(session.step)
    assert nxt is not None and (nxt.name, nxt.rep_count) == ("Tuck Jumps", 8)
    assert session.plan.total == pytest.approx(total_before + 2 * 3 * 2)
    clock.advance(left)
    driver.tick()
    assert session.step.name == "Tuck Jumps"
    assert session.step.start == pytest.approx(50.0)
    assert session.remaining() == pytest.approx(16.0)
    assert not driver.available(Command.VARIANT)  # nothing switches mid-exercise
    driver.send(Command.VARIANT)
    assert session.step.name == "Tuck Jumps"
    clock.advance(16.0 + 45.0 + 16.0)
    driver.tick()
    assert session.finished
    assert session.elapsed() == pytest.approx(50.0 + 16 + 45 + 16)


def test_three_presses_come_back_to_the_routines_own_exercise() -> None:
    clock = FakeClock()
    driver = driver_for(clock)
    driver.start()
    clock.advance(25.0)
    driver.tick()
    for _ in range(3):
        driver.send(Command.VARIANT)
    assert next_name(driver) == "Box Jumps"


def _app(clock: FakeClock, gear: Gear) -> LegtimerApp:
    return LegtimerApp(parse_routine(ROUTINE), outfit=fake_outfit(clock, SilentSink()), gear=gear)


async def test_the_equipment_question_swaps_and_is_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGTIMER_HOME", str(tmp_path))
    clock = FakeClock()
    app = _app(clock, Gear(ask=True, remember=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EquipmentQuestion)
        assert "kettlebell" in str(app.screen.query_one("#item-0").render())
        dialog = app.screen.query_one("#dialog").region
        assert abs(dialog.x - (100 - dialog.right)) <= 1, "centred, not in a corner"
        assert abs(dialog.y - (30 - dialog.bottom)) <= 1
        assert str(app.screen.query_one("#answers").render()).endswith("enter: start     q: quit")
        await pilot.press("2")  # the plyo box
        assert "missing" in str(app.screen.query_one("#item-1").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.driver is not None
        assert "Squat Jumps instead of Box Jumps: no plyo box" in text_of(app, "hint")
        await pilot.press("q")
    saved = json.loads((tmp_path / "state" / "equipment.json").read_text())
    assert saved["missing"] == ["plyo box (optional)"]

    again = _app(FakeClock(), Gear(ask=True, remember=True))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, EquipmentQuestion)  # asked once
        assert again.driver is not None
        names = [s.name for s in again.driver.plan.steps]
        assert "Squat Jumps" in names and "Box Jumps" not in names


async def test_v_on_screen_changes_the_next_panel_at_once() -> None:
    clock = FakeClock()
    app = _app(clock, Gear())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 25.0)
        assert text_of(app, "next-name") == "Box Jumps"
        await pilot.press("v")
        await pilot.pause()
        assert text_of(app, "next-name") == "Squat Jumps"
        assert "Straight up." in text_of(app, "next-cue")


def test_a_plan_that_rewrites_what_already_ran_is_refused() -> None:
    clock = FakeClock()
    driver = driver_for(clock)
    driver.start()
    clock.advance(25.0)
    driver.tick()
    other = TodaysChoices(parse_routine(ROUTINE.replace('name = "Swings"', 'name = "Rows"')))
    with pytest.raises(ValueError, match="keep every step"):
        driver.session.adopt(other.plan())


def test_v_skips_what_needs_missing_equipment_and_says_when_nothing_changes() -> None:
    clock = FakeClock()
    chooser = TodaysChoices(parse_routine(ROUTINE), ("plyo box (optional)",))
    driver = WorkoutDriver(
        chooser.plan(), clock=clock, schedule=lambda _d, _f: None, chooser=chooser
    )
    driver.start()
    clock.advance(25.0)
    driver.tick()
    assert next_name(driver) == "Squat Jumps"  # swapped: no box
    seen = []
    for _ in range(4):
        assert driver.send(Command.VARIANT)
        seen.append(next_name(driver))
    assert seen == ["Tuck Jumps", "Squat Jumps", "Tuck Jumps", "Squat Jumps"]
    assert not driver.notices()
    only = parse_routine(ROUTINE.split("[[exercise.variant]]")[0] + SQUAT_ONLY)
    lone = TodaysChoices(only, ("plyo box (optional)", "bench"))
    driver = WorkoutDriver(lone.plan(), clock=clock, schedule=lambda _d, _f: None, chooser=lone)
    driver.start()
    clock.advance(25.0)
    driver.tick()
    assert next_name(driver) == "Squat Jumps"
    assert driver.send(Command.VARIANT)
    assert next_name(driver) == "Squat Jumps"
    assert driver.notices() == ["No other variant for Squat Jumps today"]


SQUAT_ONLY = """[[exercise.variant]]
name = "Squat Jumps"
role = "swap"
equipment = []
[[exercise.variant]]
name = "Bench Jumps"
role = "harder"
equipment = ["bench"]
"""
