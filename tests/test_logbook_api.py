"""What the workout screen may call on the training log, driven through the app under Pilot.

The keys (↑/↓/digits in the rest, `l` for the load) belong to the workout screen; these tests
go through the same small API the screen calls: ``driver.listener(Logbook)``.
"""

from __future__ import annotations

from legtimer.audio.sink import SilentSink
from legtimer.core.plan import StepKind
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.live.logbook import Logbook
from legtimer.storage.paths import log_path
from legtimer.storage.progress import targets_from_log
from legtimer.storage.trainlog import TrainingLog
from legtimer.ui.app import LegtimerApp
from legtimer.ui.screens.summary import SummaryScreen
from tests.conftest import FakeClock
from tests.ui_helpers import advance, fake_outfit, small_routine, text_of, workout


def _targets(routine: Routine, exclude: int | None) -> dict[str, Target] | None:
    return targets_from_log(routine, log_path(), exclude)


def _app(clock: FakeClock) -> LegtimerApp:
    return LegtimerApp(
        small_routine(),
        outfit=fake_outfit(clock, SilentSink(), record=True),
        targets=_targets,
    )


async def test_correct_reps_and_set_the_load_in_the_rest_then_progress_next_time() -> None:
    clock = FakeClock()
    app = _app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        driver = workout(app).driver
        logbook = driver.listener(Logbook)
        assert logbook is not None
        assert driver.plan.target("Clamshells") is not None
        assert driver.session.plan.steps[1].rep_count == 4, "first time: the low end of [4, 5]"
        while driver.session.step.kind is not StepKind.REST:
            await advance(pilot, app, clock, 1.0)
        assert logbook.correction_line() == "Set 1 (right): 4 reps  ↑↓ to correct"
        fixed = logbook.correct_last_reps(6)
        assert fixed is not None and fixed.reps == 6
        assert logbook.correction_line() == "Set 1 (right): 6 reps  ↑↓ to correct"
        assert logbook.load_for("Clamshells") == ""
        logbook.set_load("Clamshells", "  blue   band ")
        assert logbook.load_for("Clamshells") == "blue band"
        while driver.session.step.name != "Squats":
            await advance(pilot, app, clock, 1.0)
        assert logbook.last_rep_set is not None and logbook.last_rep_set.exercise == "Swings"
        await pilot.press("d")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.against == (
            "Clamshells  first time → 4/4 per side",
            "Swings  first time → 3",
            "Squats  first time → 10",
        )
        assert "AGAINST LAST TIME" in text_of(app, "summary-against")
        await pilot.press("q")
    with TrainingLog.open(log_path()) as log:
        (logged,) = log.workouts()
        assert log.last_load("Clamshells") == "blue band"
    clams = [(s.reps, s.target_reps, s.load) for s in logged.sets if s.exercise == "Clamshells"]
    assert clams == [(4, 4, None), (6, 4, None), (4, 4, "blue band"), (4, 4, "blue band")]

    clock = FakeClock()
    again = _app(clock)
    async with again.run_test(size=(100, 30)) as pilot:
        driver = workout(again).driver
        target = driver.plan.target("Clamshells")
        assert target is not None and target.reps == 5, "every set reached 4; the best was 6"
        assert target.describe() == "Last time 4 / 6 / 4 / 4 → today 5"
        logbook = driver.listener(Logbook)
        assert logbook is not None and logbook.load_for("Clamshells") == "blue band"
        await advance(pilot, again, clock, 6.0)
        assert "of 5" in text_of(again, "rep"), "the paced set counts to today's target"
        await pilot.press("q")


async def test_a_workout_that_is_not_logged_has_no_logbook() -> None:
    clock = FakeClock()
    app = LegtimerApp(small_routine(), outfit=fake_outfit(clock, SilentSink()))
    async with app.run_test(size=(100, 30)) as pilot:
        assert workout(app).driver.listener(Logbook) is None
        await pilot.press("q")


async def test_only_a_rep_set_that_was_done_can_be_corrected() -> None:
    clock = FakeClock()
    app = _app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        driver = workout(app).driver
        logbook = driver.listener(Logbook)
        assert logbook is not None
        assert logbook.correct_last_reps(3) is None, "nothing recorded yet"
        await advance(pilot, app, clock, 6.0)
        await pilot.press("n")  # skip the first side
        await pilot.pause()
        assert logbook.last_rep_set is None and logbook.correction_line() == ""
        assert logbook.correct_last_reps(3) is None
        await pilot.press("q")
