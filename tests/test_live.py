"""The driver and what follows it, on a fake clock: keep-awake, checkpoints, resume, the log."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from legtimer.core.events import Event
from legtimer.core.loader import load_routine
from legtimer.core.plan import compile_plan
from legtimer.live.awake import AwakeKeeper
from legtimer.live.driver import LONG_PAUSE, Command, Ending, WorkoutDriver
from legtimer.live.keeping import Checkpointer
from legtimer.live.outfit import Outfit
from legtimer.live.resume import find_offer
from legtimer.storage.checkpoint import (
    CheckpointStore,
    CheckpointUnreadable,
    read_checkpoint,
)
from legtimer.storage.paths import checkpoint_path, log_path
from legtimer.storage.trainlog import TrainingLog
from tests.conftest import FakeClock, RecordingStore, write

ROUTINE = """[routine]
name = "Two Moves"
[defaults]
get_ready = "5s"
rest = "10s"
rest_after = "20s"
[[exercise]]
name = "Squats"
sets = 2
duration = "30s"
[[exercise]]
name = "Swings"
sets = 3
duration = "20s"
"""
# get ready 5 | Squats 30 | rest 10 | Squats 30 | rest after 20 | Swings 20 | rest 10 | Swings 20
# | rest 10 | Swings 20   (total 175 s)


class FakeKeepAwake:
    """Counts what the keeper asks of wakepy."""

    def __init__(self) -> None:
        self.acquired = 0
        self.released = 0
        self.problem: str | None = None

    def acquire(self) -> None:
        self.acquired += 1

    def release(self) -> None:
        self.released += 1


def _driver(path: Path, clock: FakeClock, **outfit: object) -> WorkoutDriver:
    return Outfit(clock=clock, schedule=lambda _d, _f: None, **outfit).driver(  # type: ignore[arg-type]
        compile_plan(load_routine(path)), bell=lambda: None
    )


def _started(
    tmp_path: Path, text: str = ROUTINE, **outfit: object
) -> tuple[WorkoutDriver, FakeClock, Path]:
    """A started driver for ``text`` (written to a file) on a fake clock, and the file."""
    path = write(tmp_path, text)
    clock = FakeClock()
    driver = _driver(path, clock, **outfit)
    driver.start()
    return driver, clock, path


def _run(driver: WorkoutDriver, clock: FakeClock, seconds: float, step: float = 1.0) -> None:
    end = clock.now + seconds
    while clock.now < end and driver.ending is None:
        clock.advance(min(step, end - clock.now))
        driver.tick()


def test_keep_awake_is_held_while_running_and_let_go_in_a_long_pause(tmp_path: Path) -> None:
    clock = FakeClock()
    fake = FakeKeepAwake()
    keeper = AwakeKeeper(fake)  # type: ignore[arg-type]
    driver = WorkoutDriver(
        compile_plan(load_routine(write(tmp_path, ROUTINE))),
        clock=clock,
        listeners=[keeper],
        schedule=lambda _d, _f: None,
    )
    driver.start()
    keeper.wait()
    assert (fake.acquired, fake.released) == (1, 0)
    driver.send(Command.PAUSE)
    clock.advance(LONG_PAUSE - 1)
    driver.tick()
    keeper.wait()
    assert fake.released == 0, "a short pause keeps the screen awake"
    clock.advance(2)
    driver.tick()
    keeper.wait()
    assert fake.released == 1, "after 10 minutes paused the screen may sleep"
    driver.send(Command.PAUSE)
    keeper.wait()
    assert fake.acquired == 2, "resuming takes it again"
    driver.end("quit")
    assert (fake.acquired, fake.released) == (2, 2)


def test_a_paused_driver_wakes_once_when_the_pause_gets_long(tmp_path: Path) -> None:
    clock = FakeClock()
    wakes: list[float] = []
    driver = WorkoutDriver(
        compile_plan(load_routine(write(tmp_path, ROUTINE))),
        clock=clock,
        schedule=lambda delay, _f: wakes.append(delay),
    )
    driver.start()
    wakes.clear()
    driver.send(Command.PAUSE)
    assert wakes == [pytest.approx(LONG_PAUSE, abs=0.01)]


def test_the_place_is_kept_at_each_change_and_every_5_seconds(tmp_path: Path) -> None:
    clock = FakeClock()
    path = write(tmp_path, ROUTINE)
    store = RecordingStore(tmp_path / "cp.json")
    keeper = Checkpointer(store, str(path), "hash")
    driver = WorkoutDriver(
        compile_plan(load_routine(path)),
        clock=clock,
        listeners=[keeper],
        schedule=lambda _d, _f: None,
    )
    driver.start()
    assert len(store.submitted) == 1
    _run(driver, clock, 4.0)  # get ready: 4 wake-ups, no step change, under 5 s
    assert len(store.submitted) == 1
    _run(driver, clock, 1.0)  # Squats begin
    assert [c.step_index for c in store.submitted] == [0, 1]
    _run(driver, clock, 6.0)
    assert len(store.submitted) == 3, "at most every 5 s while running"
    driver.send(Command.PAUSE)
    driver.send(Command.MORE_TIME)
    assert [c.paused for c in store.submitted[-2:]] == [True, True]
    store.flush()
    saved = read_checkpoint(tmp_path / "cp.json")
    assert saved is not None
    assert (saved.exercise, saved.set_no, saved.paused) == ("Squats", 1, True)
    driver.end("quit")
    assert (tmp_path / "cp.json").exists(), "a stopped workout keeps its place"


def test_a_finished_workout_clears_its_place(tmp_path: Path) -> None:
    clock = FakeClock()
    driver = _driver(write(tmp_path, ROUTINE), clock, keep_place=True)
    driver.start()
    _run(driver, clock, 200.0)
    assert driver.ending is not None and driver.ending.how == "finished"
    assert not checkpoint_path().exists()


def test_a_resumed_workout_counts_each_set_once_in_summary_and_log(tmp_path: Path) -> None:
    first, clock, path = _started(tmp_path, keep_place=True, record=True)
    _run(first, clock, 5 + 30 + 10 + 30 + 20 + 5)  # into Swings set 1
    assert first.session.step.name == "Swings"
    first.end("closed")  # the terminal went away

    offer, problem = find_offer(CheckpointStore(checkpoint_path()), str(path))
    assert problem is None and offer is not None and offer.resume is not None
    assert offer.question.startswith("Resume Two Moves at Swings · set 1 of 3 (stopped")
    clock2 = FakeClock(1000.0)
    second = Outfit(clock=clock2, schedule=lambda _d, _f: None, keep_place=True, record=True)
    driver = second.driver(compile_plan(offer.routine), lambda: None, offer.resume, offer.resumed)
    driver.start()
    assert driver.session.step.name == "Get ready", "a resume opens with a get-ready"
    _run(driver, clock2, 200.0)
    assert driver.ending is not None
    summary = driver.ending.summary
    assert [(t.name, t.done, t.planned) for t in summary.exercises] == [
        ("Squats", 2, 2),
        ("Swings", 3, 3),
    ]
    assert summary.finished
    # 100 s before the interruption; then a 5 s get-ready and Swings from the set's start.
    assert summary.total == pytest.approx(100 + 5 + 80, abs=0.01), "both parts' time"
    with TrainingLog.open(log_path()) as log:
        (workout,) = log.workouts()
    assert [(s.exercise, s.set_no) for s in workout.sets] == [
        ("Squats", 1),
        ("Squats", 2),
        ("Swings", 1),
        ("Swings", 2),
        ("Swings", 3),
    ]
    assert workout.finished
    assert not checkpoint_path().exists()


def test_a_changed_routine_resumes_at_the_same_exercise_and_set(tmp_path: Path) -> None:
    first, clock, path = _started(tmp_path, keep_place=True)
    _run(first, clock, 5 + 30 + 10 + 30 + 20 + 20 + 10 + 3)  # Swings set 2
    first.end("closed")
    path.write_text(ROUTINE.replace('get_ready = "5s"', 'get_ready = "8s"\nswitch_sides = "3s"'))
    offer, _ = find_offer(CheckpointStore(checkpoint_path()), str(path))
    assert offer is not None and offer.resume is not None
    step = compile_plan(offer.routine).steps[offer.resume.step_index]
    assert (step.name, step.set_no) == ("Swings", 2)

    path.write_text(ROUTINE.replace('name = "Swings"', 'name = "Lunges"'))
    offer, _ = find_offer(CheckpointStore(checkpoint_path()), str(path))
    assert offer is not None and offer.resume is None
    assert "Swings · set 2 of 3" in offer.question and "no longer in it" in offer.question


def test_a_damaged_checkpoint_is_set_aside_with_one_line(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path / "checkpoint.json")
    store.path.write_text("{not json")
    with pytest.raises(CheckpointUnreadable) as caught:
        store.load()
    assert "\n" not in str(caught.value) and "set aside" in str(caught.value)
    assert not store.path.exists() and (tmp_path / "checkpoint.json.bad").exists()
    assert store.load() is None


def test_a_checkpoint_older_than_12_hours_is_not_offered(tmp_path: Path) -> None:
    driver, clock, path = _started(tmp_path, keep_place=True)
    _run(driver, clock, 40)
    driver.end("closed")
    store = CheckpointStore(checkpoint_path())
    assert find_offer(store, str(path), now=time.time() + 11 * 3600)[0] is not None
    assert find_offer(store, str(path), now=time.time() + 13 * 3600)[0] is None


def test_background_writes_keep_only_the_newest(tmp_path: Path) -> None:
    path = write(tmp_path, ROUTINE)
    clock = FakeClock()
    store = CheckpointStore(tmp_path / "cp.json")
    keeper = Checkpointer(store, str(path), "h")
    driver = WorkoutDriver(compile_plan(load_routine(path)), clock=clock, listeners=[keeper])
    driver.session.start()
    for index in range(50):
        clock.advance(1)
        store.submit(keeper.checkpoint(driver)._replace(step_index=index))
    store.flush()
    saved = read_checkpoint(store.path)
    assert saved is not None and saved.step_index == 49


def test_a_command_meant_for_an_earlier_step_is_ignored(tmp_path: Path) -> None:
    clock = FakeClock()
    driver = _driver(write(tmp_path, ROUTINE), clock)
    driver.start()
    assert driver.send(Command.SKIP, step=0)
    assert not driver.send(Command.SKIP, step=0), "a double tap skips once"
    assert driver.session.index == 1


def test_listeners_hear_every_change_and_the_ending_once(tmp_path: Path) -> None:
    heard: list[str] = []

    class Ear:
        def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
            heard.append("changed")

        def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
            heard.append(f"ended {ending.how}")

    clock = FakeClock()
    driver = _driver(write(tmp_path, ROUTINE), clock)
    driver.listen(Ear())
    driver.start()
    driver.send(Command.MUTE)
    driver.end("quit")
    driver.end("closed")
    assert heard == ["changed", "changed", "ended quit"]


@pytest.mark.parametrize(("key", "first_step"), [("r", "Swings"), ("enter", "Swings"), ("s", "")])
async def test_the_resume_prompt_resumes_or_starts_over(
    tmp_path: Path, key: str, first_step: str
) -> None:
    from legtimer.audio.sink import SilentSink
    from legtimer.ui.app import LegtimerApp
    from legtimer.ui.screens.resume import ResumePrompt
    from tests.ui_helpers import fake_outfit

    first, clock, path = _started(tmp_path, keep_place=True)
    _run(first, clock, 5 + 30 + 10 + 30 + 20 + 5)
    first.end("closed")
    offer, _ = find_offer(CheckpointStore(checkpoint_path()), str(path))
    routine = load_routine(path)
    app = LegtimerApp(routine, outfit=fake_outfit(FakeClock(), SilentSink()), offer=offer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumePrompt)
        await pilot.press(key)
        await pilot.pause()
        assert app.driver is not None
        session = app.driver.session
        assert session.step.name == "Get ready"
        following = session.plan.next_up(session.step)
        assert following is not None
        if first_step:
            assert (following.name, following.set_no) == ("Swings", 1)
            assert session.tally.outcomes, "the first part's sets are carried over"
        else:
            assert session.index == 0 and not session.tally.outcomes


async def test_quit_at_the_resume_prompt_leaves(tmp_path: Path) -> None:
    from legtimer.audio.sink import SilentSink
    from legtimer.ui.app import LegtimerApp
    from tests.ui_helpers import fake_outfit

    first, clock, path = _started(tmp_path, keep_place=True)
    _run(first, clock, 50)
    first.end("closed")
    offer, _ = find_offer(CheckpointStore(checkpoint_path()), str(path))
    app = LegtimerApp(None, outfit=fake_outfit(FakeClock(), SilentSink()), offer=offer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.driver is None and app.return_code == 0


def test_a_double_tap_during_a_resumes_get_ready_skips_once(tmp_path: Path) -> None:
    """The get-ready before a resumed set shares its place in the plan with that set: the
    command names the visit, not the index, so the second tap of a double tap is stale."""
    first, clock, path = _started(tmp_path, keep_place=True)
    _run(first, clock, 5 + 30 + 10 + 3)  # Squats set 2
    first.end("closed")
    offer, _ = find_offer(CheckpointStore(checkpoint_path()), str(path))
    assert offer is not None and offer.resume is not None
    driver = Outfit(clock=FakeClock(), schedule=lambda _d, _f: None).driver(
        compile_plan(offer.routine), lambda: None, offer.resume, offer.resumed
    )
    driver.start()
    assert driver.session.step.name == "Get ready"
    tapped = driver.session.visit
    assert driver.send(Command.SKIP, step=tapped)
    assert not driver.send(Command.SKIP, step=tapped), "the second tap was for the get-ready"
    step = driver.session.step
    assert (step.name, step.set_no, step.kind.is_work) == ("Squats", 2, True)


def _logged_sets() -> list[list[tuple[str, int, bool]]]:
    if not log_path().exists():
        return []
    with TrainingLog.open(log_path()) as log:
        return [[(s.exercise, s.set_no, s.skipped) for s in w.sets] for w in log.workouts()]


def test_skips_in_a_false_start_log_nothing(tmp_path: Path) -> None:
    driver, clock, path = _started(tmp_path, record=True)
    _run(driver, clock, 6)  # into Squats set 1
    driver.send(Command.SKIP)  # the set, then its rest
    driver.send(Command.SKIP)
    _run(driver, clock, 3)
    driver.send(Command.SKIP)  # Squats set 2 too
    assert driver.session.elapsed() < 30
    driver.end("closed")
    assert _logged_sets() == [], "a false start is not a workout"


def test_skips_before_the_half_minute_are_logged_once_the_workout_counts(tmp_path: Path) -> None:
    driver, clock, path = _started(tmp_path, record=True)
    _run(driver, clock, 6)
    driver.send(Command.SKIP)  # Squats set 1 skipped at 6 s: nothing written yet
    assert _logged_sets() == []
    _run(driver, clock, 41)  # its rest (10 s) runs out; Squats set 2 runs its 30 s
    assert _logged_sets() == [[("Squats", 1, True), ("Squats", 2, False)]], "in order, at once"
    driver.end("closed")


def test_a_set_done_in_the_first_seconds_is_logged_at_once(tmp_path: Path) -> None:
    quick = ROUTINE.replace('duration = "30s"', 'duration = "3s"')
    driver, clock, _ = _started(tmp_path, quick, record=True)
    _run(driver, clock, 9)  # get ready 5, Squats set 1 done at 8 s
    assert _logged_sets() == [[("Squats", 1, False)]]
    driver.send(Command.SKIP)  # its rest
    driver.send(Command.SKIP)  # Squats set 2: a skip after a set done is logged at once
    assert _logged_sets() == [[("Squats", 1, False), ("Squats", 2, True)]]
    driver.end("closed")


def test_skipping_through_everything_over_time_is_logged_never_finished(tmp_path: Path) -> None:
    driver, clock, path = _started(tmp_path, record=True)
    while driver.ending is None:
        _run(driver, clock, 4)
        driver.send(Command.SKIP)
    assert driver.ending.summary.total > 30 and not driver.ending.summary.finished
    (sets,) = _logged_sets()
    assert sets == [("Squats", 1, True), ("Squats", 2, True)] + [
        ("Swings", n, True) for n in (1, 2, 3)
    ]
    with TrainingLog.open(log_path()) as log:
        (workout,) = log.workouts()
    assert workout.finished is False


def test_minus_presses_that_ended_a_rest_do_not_cut_the_set_after_it(tmp_path: Path) -> None:
    driver, clock, path = _started(tmp_path)
    _run(driver, clock, 5 + 30 + 2)  # 8 s left of the rest after Squats set 1
    assert driver.session.step.name == "Rest"
    assert driver.send(Command.LESS_TIME)  # 8 -> 0: the rest ends, Squats set 2 begins
    assert driver.session.step.name == "Squats" and driver.session.remaining() == 30
    assert not driver.send(Command.LESS_TIME), "the press meant for the rest"
    assert driver.session.remaining() == 30
    clock.advance(2.0)
    driver.tick()
    assert driver.send(Command.LESS_TIME), "a press later is for this set"
    assert driver.session.remaining() == pytest.approx(18)
