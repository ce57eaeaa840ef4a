"""Presenter clickers on a driver with a fake clock: safe and useful, never a skip or a back."""

from __future__ import annotations

import pytest

from legtimer.core.session import State
from legtimer.live.clicker import CLICKER_KEYS, SLIP_GUARD, Intent, command_for, press
from legtimer.live.driver import Command
from tests.conftest import FakeClock
from tests.remote_helpers import small_driver

NEXT_KEYS = [key for key, intent in CLICKER_KEYS.items() if intent is Intent.NEXT]
PAUSE_KEYS = [key for key, intent in CLICKER_KEYS.items() if intent is Intent.PAUSE]


def test_the_table_covers_what_clickers_send() -> None:
    assert set(NEXT_KEYS) == {"pagedown", "right"}
    assert set(PAUSE_KEYS) == {"pageup", "left", "f5", "shift+f5", "escape", "full_stop", "b"}


@pytest.mark.parametrize("key", NEXT_KEYS)
def test_next_ends_a_manual_set_once(key: str) -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    while not driver.session.step.waits_for_user:
        driver.send(Command.SKIP)
    index = driver.session.index
    assert not press(driver, key), "a slip right as the set starts does nothing"
    clock.advance(SLIP_GUARD + 5)
    assert press(driver, key)
    assert driver.session.state is State.FINISHED, "the manual set was the last step: done"
    assert driver.session.tally.outcomes[index].value == "completed"


@pytest.mark.parametrize("key", NEXT_KEYS)
def test_next_does_nothing_where_time_runs_the_step(key: str) -> None:
    """Get-ready, timed work, switch and rests: time ends them, not the clicker."""
    clock = FakeClock()
    driver = small_driver(clock)
    seen = set()
    while not driver.session.step.waits_for_user:
        clock.advance(2.0)
        driver.tick()
        if driver.session.step.waits_for_user:
            break
        seen.add(driver.session.step.kind.value)
        index, left = driver.session.index, driver.session.remaining()
        assert not press(driver, key)
        assert (driver.session.index, driver.session.remaining()) == (index, left)
    assert {"get ready", "work", "switch sides", "rest", "rest after exercise"} <= seen


@pytest.mark.parametrize("key", PAUSE_KEYS)
def test_black_screen_start_stop_and_previous_pause_and_resume(key: str) -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    clock.advance(6.0)
    driver.tick()
    index = driver.session.index
    assert press(driver, key) and driver.session.paused
    clock.advance(30.0)
    assert press(driver, key) and not driver.session.paused
    assert driver.session.index == index, "previous never goes back"


def test_next_while_paused_resumes() -> None:
    driver = small_driver(FakeClock())
    driver.send(Command.PAUSE)
    assert command_for(driver, Intent.NEXT) is Command.PAUSE
    assert press(driver, "pagedown") and not driver.session.paused


def test_no_clicker_key_ever_skips_or_goes_back() -> None:
    """Every key, pressed at every moment of a whole workout, moves on only by ending a set."""
    clock = FakeClock()
    driver = small_driver(clock)
    for _ in range(2000):
        if driver.session.finished:
            break
        for key in CLICKER_KEYS:
            if driver.session.finished:
                break
            before = driver.session.index
            waiting = driver.session.step.waits_for_user
            press(driver, key)
            after = driver.session.index
            assert after >= before, f"{key} went back"
            if after != before or driver.session.finished:
                assert waiting and CLICKER_KEYS[key] is Intent.NEXT, f"{key} moved on"
        if driver.session.paused:
            driver.send(Command.PAUSE)  # let time run between rounds of presses
        clock.advance(0.7)
        driver.tick()
    assert driver.session.finished
    assert all(outcome.value == "completed" for outcome in driver.session.tally.outcomes.values())


def test_nothing_after_the_end_and_unknown_keys_do_nothing() -> None:
    driver = small_driver(FakeClock())
    assert not press(driver, "n") and not press(driver, "space")
    driver.end("quit")
    assert all(not press(driver, key) for key in CLICKER_KEYS)


def test_next_on_a_clicker_ends_a_rest_that_waits_for_the_person() -> None:
    """Rest until ready: once its time is up, the clicker's next is "I'm ready"."""
    from legtimer.core.loader import parse_routine
    from legtimer.core.plan import compile_plan
    from legtimer.live.clicker import press
    from legtimer.live.driver import WorkoutDriver
    from tests.conftest import FakeClock

    routine = parse_routine(
        '[routine]\nname = "R"\n[defaults]\nget_ready = 0\nrest = "5s"\nrest_until_ready = true\n'
        '[[exercise]]\nname = "Squats"\nsets = 2\nduration = "3s"\n'
    )
    clock = FakeClock()
    driver = WorkoutDriver(compile_plan(routine), clock=clock, schedule=lambda _d, _f: None)
    driver.start()
    clock.advance(3.5)
    driver.tick()
    assert driver.session.step.kind.is_rest
    assert not press(driver, "pagedown"), "the rest still has time: next does nothing"
    clock.advance(6.0)
    driver.tick()
    assert driver.session.waiting
    assert press(driver, "pagedown")
    assert driver.session.step.kind.is_work and driver.session.step.set_no == 2
