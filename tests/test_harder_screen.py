"""The harder-variant offer and `e` on the workout screen (Pilot), and what `plan` and
`history` print of promotions (the real command)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from legtimer.audio.sink import SilentSink
from legtimer.core.harder import day_words
from legtimer.core.loader import parse_routine
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.live.variants import Gear
from legtimer.storage.paths import log_path
from legtimer.storage.progress import moving_up_from_log, targets_from_log
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord
from legtimer.ui.app import LegtimerApp
from legtimer.ui.screens.equipment import EquipmentQuestion
from legtimer.ui.screens.summary import SummaryScreen
from tests.conftest import ROOT, FakeClock
from tests.test_harder import CLAMS
from tests.ui_helpers import advance, fake_outfit, text_of

OFFER = "All sets at 3 last time: try Banded Clamshells? y / n"


def two_sessions_at_the_top() -> None:
    """Last time every Clamshells set reached 3, the top of [2, 3]."""
    with TrainingLog.open(log_path()) as log:
        for started in (1000.0, 2000.0):
            workout = log.begin_workout("Clams", None, started)
            for set_no in (1, 2):
                done = SetRecord("Clamshells", 1, set_no, started + set_no, target_reps=3, reps=3)
                log.record_set(workout, done._replace(seconds=6.0))
            log.end_workout(workout, started + 60, True, 60.0, 30.0, 30.0)


def from_log(routine: Routine, exclude: int | None) -> dict[str, Target] | None:
    return targets_from_log(routine, log_path(), exclude)


def logged_app(clock: FakeClock, text: str = CLAMS, gear: Gear | None = None) -> LegtimerApp:
    """The app as the CLI builds it: targets and promotions from the log, recorded in it."""
    return LegtimerApp(
        parse_routine(text),
        outfit=fake_outfit(clock, SilentSink(), record=True),
        targets=from_log,
        moving_up=lambda: moving_up_from_log(log_path()),
        gear=gear,
    )


def footer_keys(app: LegtimerApp) -> dict[str, str]:
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_n_answers_the_offer_then_n_is_next_again() -> None:
    two_sessions_at_the_top()
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert OFFER not in text_of(app, "hint")  # the get-ready before Bridges
        await advance(pilot, app, clock, 13.0)  # the rest after Bridges, before Clamshells
        assert text_of(app, "hint") == OFFER
        assert text_of(app, "next-name") == "Clamshells"
        assert footer_keys(app)["y"] == "Yes, harder"
        assert footer_keys(app)["n"] == "Not yet"
        assert app.driver is not None
        step = app.driver.session.step
        await pilot.press("n")
        await pilot.pause()
        assert app.driver.session.step is step  # answered, not skipped
        assert text_of(app, "hint") == ""
        assert "y" not in footer_keys(app) and footer_keys(app)["n"] == "Next"
        await pilot.press("n")
        await pilot.pause()
        assert app.driver.session.step.name == "Clamshells"
        await pilot.press("q")
    with TrainingLog.open(log_path()) as log:
        [answer] = log.harder_answers()
    assert (answer.slot, answer.variant, answer.accepted) == (
        "Clamshells",
        "Banded Clamshells",
        False,
    )


async def test_y_makes_the_harder_variant_the_next_exercise_and_keeps_it() -> None:
    two_sessions_at_the_top()
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance(pilot, app, clock, 13.0)
        await pilot.press("y")
        await pilot.pause()
        assert text_of(app, "next-name") == "Banded Clamshells"
        assert "Band above the knees." in text_of(app, "next-cue")
        assert "4 of 4-6 reps" in text_of(app, "next-facts")
        assert text_of(app, "hint") == (
            "Banded Clamshells instead of Clamshells: yours from today · v for Clamshells"
        )
        assert "y" not in footer_keys(app)
        assert app.driver is not None
        while not app.driver.session.finished:
            await advance(pilot, app, clock, app.driver.session.remaining())
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "Banded Clamshells  first time → 4/4" in summary.against
    assert moving_up_from_log(log_path()).promoted() == {"Clamshells": "Banded Clamshells"}

    again = logged_app(FakeClock())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        hint = text_of(again, "hint")
        assert hint.startswith("Banded Clamshells instead of Clamshells: yours since ")
        assert again.driver is not None
        names = {step.name for step in again.driver.plan.steps}
        assert "Banded Clamshells" in names and "Clamshells" not in names


async def test_v_goes_back_and_y_keeps_it_so_then_history_shows_the_stretch() -> None:
    two_sessions_at_the_top()
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    since = day_words(time.time())
    clock = FakeClock()
    app = logged_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        moved = f"Banded Clamshells instead of Clamshells: yours since {since}"
        assert text_of(app, "hint") == moved  # the opening get-ready: Bridges come first
        await advance(pilot, app, clock, 13.0)  # the rest before Clamshells
        assert text_of(app, "hint") == f"{moved} · v for Clamshells"
        assert "y" not in footer_keys(app)
        await pilot.press("v")
        await pilot.pause()
        assert text_of(app, "next-name") == "Clamshells"
        assert text_of(app, "hint") == "Clamshells today · y: back to Clamshells from now on"
        assert footer_keys(app)["y"] == "From now on"
        await pilot.press("y")
        await pilot.pause()
        assert text_of(app, "hint") == ""
        assert "y" not in footer_keys(app)
        assert text_of(app, "next-name") == "Clamshells"
        assert moving_up_from_log(log_path()).promotions == {}
        await pilot.press("q")
    history = run_cli("history", "--plain")
    assert history.returncode == 0, history.stderr
    assert history.stdout.splitlines()[-1] == (
        f"Clamshells → Banded Clamshells on {since} only"  # moved down the same day
    )


async def test_the_opening_get_ready_says_a_first_moved_up_exercise_once() -> None:
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    first = CLAMS.replace('[[exercise]]\nname = "Bridges"\nreps = 4\n', "")
    app = logged_app(FakeClock(), first)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        since = day_words(time.time())
        assert text_of(app, "hint") == (
            f"Banded Clamshells instead of Clamshells: yours since {since} · v for Clamshells"
        )


BENCH = CLAMS.replace(
    'name = "Bridges"\nreps = 4',
    'name = "Bridges"\nreps = 4\nequipment = ["bench"]\n[[exercise.variant]]\n'
    'name = "Floor Bridges"\nrole = "easier"\nequipment = []',
)


async def test_e_on_the_get_ready_asks_again_and_swaps_at_once(private_home: Path) -> None:
    clock = FakeClock()
    app = logged_app(clock, BENCH, Gear(ask=False, remember=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.driver is not None
        assert text_of(app, "next-name") == "Bridges"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EquipmentQuestion)
        assert app.driver.session.paused  # the get-ready waits while the question is open
        await pilot.press("1", "enter")  # the bench is missing
        await pilot.pause()
        assert not app.driver.session.paused
        assert text_of(app, "next-name") == "Floor Bridges"
        assert text_of(app, "hint") == "Floor Bridges instead of Bridges: no bench · e to change"
        await pilot.press("e")  # again: the bench is still listed, marked missing
        await pilot.pause()
        assert isinstance(app.screen, EquipmentQuestion)
        assert "[x] bench: missing" in str(app.screen.query_one("#item-0").render())
        await pilot.press("escape")  # as it was
        await pilot.pause()
        assert text_of(app, "next-name") == "Floor Bridges"
        await advance(pilot, app, clock, 5.0)
        assert app.driver.session.step.name == "Floor Bridges"
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, EquipmentQuestion)  # only on the opening get-ready
    saved = json.loads((private_home / "state" / "equipment.json").read_text())
    assert saved == {"asked": ["bench", "resistance band"], "missing": ["bench"]}


async def test_a_band_only_the_harder_variant_needs_is_asked_and_then_it_is_not_offered(
    private_home: Path,
) -> None:
    two_sessions_at_the_top()
    clock = FakeClock()
    app = logged_app(clock, gear=Gear(ask=True, remember=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        question = app.screen
        assert isinstance(question, EquipmentQuestion)
        assert str(question.query_one("#for-variants").render()) == "For variants:"
        assert "1  [ ] resistance band: have it" in str(question.query_one("#item-0").render())
        await pilot.press("1", "enter")
        await pilot.pause()
        assert app.driver is not None
        await advance(pilot, app, clock, 13.0)  # the rest before Clamshells: all at the top
        assert text_of(app, "next-name") == "Clamshells"
        assert OFFER not in text_of(app, "hint") and "y" not in footer_keys(app)
        await pilot.press("v")  # no other option without the band
        await pilot.pause()
        assert text_of(app, "next-name") == "Clamshells"
    saved = json.loads((private_home / "state" / "equipment.json").read_text())
    assert saved == {"asked": ["resistance band"], "missing": ["resistance band"]}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "legtimer.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_plan_shows_the_offer_then_the_promotion_and_never_creates_the_log(
    tmp_path: Path,
) -> None:
    routine = tmp_path / "clams.toml"
    routine.write_text(CLAMS, encoding="utf-8")
    plain = run_cli("plan", str(routine))
    assert plain.returncode == 0, plain.stderr
    assert "Clamshells · set 1 of 2 · 2 of 2-3 reps" in plain.stdout
    assert not log_path().exists()

    two_sessions_at_the_top()
    offered = run_cli("plan", str(routine))
    assert "Clamshells: all sets at 3 last time: the workout offers Banded Clamshells" in (
        offered.stdout
    )
    no_band = run_cli("plan", str(routine), "--without", "band")
    assert no_band.returncode == 0, no_band.stderr
    assert "offers" not in no_band.stdout and "Clamshells · set 1 of 2 · 3 of 2-3" in no_band.stdout
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    moved = run_cli("plan", str(routine))
    assert "Banded Clamshells · set 1 of 2 · 4 of 4-6 reps" in moved.stdout
    assert "Banded Clamshells instead of Clamshells: yours since " in moved.stdout
    assert "offers" not in moved.stdout

    history = run_cli("history", "--plain")
    assert history.returncode == 0, history.stderr
    last = history.stdout.splitlines()[-1]
    assert last.startswith("Clamshells → Banded Clamshells since ")
