"""The workout screen under Pilot, on a fake clock: every key, every phase."""

from __future__ import annotations

from textual.widgets import Static

from legtimer.audio.sink import SilentSink
from legtimer.core.events import CountdownTicked, StepStarted
from legtimer.core.loader import load_routine
from legtimer.storage.paths import log_path
from legtimer.storage.trainlog import TrainingLog
from legtimer.ui.app import LegtimerApp
from legtimer.ui.screens.help import KeysHelp
from legtimer.ui.screens.picker import load_choices
from legtimer.ui.screens.quit import QuitWorkout
from legtimer.ui.screens.summary import SummaryScreen
from tests.conftest import ROUTINES, FakeClock
from tests.ui_helpers import (
    SMALL,
    advance,
    clock_text,
    digit_rows,
    fake_outfit,
    make_app,
    phase,
    small_routine,
    text_of,
    workout,
)


async def test_starts_with_get_ready_and_counts_down() -> None:
    app, clock, sink = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert phase(app) == "get-ready"
        assert text_of(app, "phase").strip() == "GET READY"
        assert text_of(app, "title") == "Small", "the routine's own title"
        assert clock_text(app) == "0:05"
        assert text_of(app, "next-name") == "Clamshells"
        assert text_of(app, "next-facts") == "Set 1 of 2 · Left side · 4-5 reps · Needs mat"
        assert text_of(app, "next-cue") == "Knees bent, open the top knee."
        await advance(pilot, app, clock, 1.5)
        assert clock_text(app) == "0:04"
        assert isinstance(sink.handled[0], StepStarted)


async def test_work_shows_name_set_side_reps_cue_and_rep_counter() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 5.0)
        assert text_of(app, "phase").strip() == "WORK"
        assert phase(app) == "work"
        assert text_of(app, "name") == "Clamshells"
        assert text_of(app, "detail") == "Set 1 of 2 · Left side · 4-5 reps"
        assert text_of(app, "rep") == "rep 1 of 5"
        assert text_of(app, "cue") == "Knees bent, open the top knee."
        assert text_of(app, "next") == (
            "NEXT: Clamshells · set 1 of 2 · right side · 4-5 reps · needs mat"
        )
        await advance(pilot, app, clock, 4.5)
        assert text_of(app, "rep") == "rep 3 of 5"
        assert clock_text(app) == "0:06"


async def test_switch_rest_and_next_up_panel() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 15.0)
        assert text_of(app, "phase").strip() == "SWITCH SIDES"
        assert text_of(app, "detail") == "Switch to the right side"
        await advance(pilot, app, clock, 15.0)
        assert text_of(app, "phase").strip() == "REST"
        assert phase(app) == "rest"
        assert text_of(app, "name") == "Clamshells · set 1 of 2 done"
        assert workout(app).query_one("#next-panel").display
        assert text_of(app, "next-name") == "Clamshells"
        assert text_of(app, "next-facts") == "Set 2 of 2 · Left side · 4-5 reps · Needs mat"
        assert text_of(app, "next-cue") == "Knees bent, open the top knee.", (
            "how to do what is next"
        )


async def test_space_pauses_and_the_clock_stops() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 2.0)
        await pilot.press("space")
        assert text_of(app, "phase").strip() == "PAUSED"
        assert phase(app) == "paused"
        before = clock_text(app)
        await advance(pilot, app, clock, 60.0)
        assert clock_text(app) == before == "0:03"
        await pilot.press("space")
        assert text_of(app, "phase").strip() == "GET READY"
        await advance(pilot, app, clock, 3.0)
        assert text_of(app, "phase").strip() == "WORK"


async def test_pause_over_a_boundary_holds_the_step() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 4.5)
        await pilot.press("space")
        await advance(pilot, app, clock, 10.0)
        assert workout(app).driver.session.index == 0
        await pilot.press("space")
        await advance(pilot, app, clock, 0.5)
        assert text_of(app, "phase").strip() == "WORK"


async def test_next_back_and_edges() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = workout(app)
        await pilot.press("backspace")
        assert screen.driver.session.index == 0, "back at the first step restarts it"
        await pilot.press("n")
        assert screen.driver.session.index == 1
        await advance(pilot, app, clock, 1.0)
        await pilot.press("backspace")
        assert screen.driver.session.index == 0
        await pilot.press("n", "n")
        await advance(pilot, app, clock, 4.0)
        await pilot.press("backspace")
        assert screen.driver.session.index == 2 and clock_text(app) == "0:05", (
            "restarted the switch"
        )
        for _ in range(len(screen.driver.session.plan.steps)):
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_plus_and_minus_change_the_time_left() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus")
        assert clock_text(app) == "0:15"
        await pilot.press("minus")
        assert clock_text(app) == "0:05"
        await pilot.press("minus")
        assert text_of(app, "phase").strip() == "WORK"


async def test_manual_set_counts_up_and_enter_ends_it() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = workout(app)
        while screen.driver.session.step.name != "Squats":
            await pilot.press("n")
        assert clock_text(app) == "0:00"
        assert "press Enter or D" in text_of(app, "hint")
        assert screen.check_action("command", ("more_time",)) is None
        await advance(pilot, app, clock, 75.4)
        assert clock_text(app) == "1:15"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_done_is_greyed_outside_work_and_live_during_it() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = workout(app)
        assert screen.check_action("command", ("done",)) is None
        assert not app.screen.active_bindings["d"].enabled
        await advance(pilot, app, clock, 5.0)
        assert screen.check_action("command", ("done",)) is True
        await pilot.pause()
        assert app.screen.active_bindings["d"].enabled
        await pilot.press("d")
        assert text_of(app, "phase").strip() == "SWITCH SIDES"


async def test_quit_asks_first_and_no_resumes() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 1.0)
        await pilot.press("q")
        assert isinstance(app.screen, QuitWorkout)
        await advance(pilot, app, clock, 30.0)
        await pilot.press("q")  # q in a dialog backs out: keep going
        await pilot.pause()
        screen = workout(app)
        assert not screen.driver.session.paused
        assert clock_text(app) == "0:04", "the time spent asking did not count"
        await pilot.press("q")
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_mute_and_help() -> None:
    app, clock, sink = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert not workout(app).query_one("#sound").display
        await pilot.press("m")
        assert sink.muted and workout(app).has_class("-muted")
        assert workout(app).query_one("#sound").display
        await pilot.press("m")
        assert not sink.muted
        session = workout(app).driver.session
        await pilot.press("question_mark")
        assert isinstance(app.screen, KeysHelp)
        assert session.paused, "the help pauses the workout"
        top = app.screen.query_one("#question")
        assert "? or esc: back to it" in str(top.render()) and top.region.y < 30, "in sight"
        await pilot.press("escape")
        assert not isinstance(app.screen, KeysHelp)
        assert not workout(app).driver.session.paused


async def test_summary_numbers() -> None:
    clock, sink = FakeClock(), SilentSink()
    app = LegtimerApp(small_routine(), outfit=fake_outfit(clock, sink, record=True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = workout(app)
        await advance(pilot, app, clock, 50.0)  # through Clamshells set 1 and the rest
        await pilot.press("n")  # skip clam set 2 left
        while screen.driver.session.step.name != "Squats":
            await advance(pilot, app, clock, 1.0)
        await pilot.press("d")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        rows = {t.name: (t.done, t.skipped, t.planned) for t in summary.summary.exercises}
        assert rows == {"Clamshells": (1, 1, 2), "Swings": (1, 0, 1), "Squats": (1, 0, 1)}
        table = str(summary.query_one("#summary-table", Static).render())
        assert "Clamshells" in table
        totals = str(summary.query_one("#summary-totals", Static).render())
        assert "sets 3 done, 1 skipped" in totals
        with TrainingLog.open(log_path()) as log:
            (logged,) = log.workouts()
        sides = [(s.exercise, s.set_no, s.side, s.skipped) for s in logged.sets]
        assert sides == [
            ("Clamshells", 1, "left", False),
            ("Clamshells", 1, "right", False),
            ("Clamshells", 2, "left", True),
            ("Clamshells", 2, "right", False),
            ("Swings", 1, None, False),
            ("Squats", 1, None, False),
        ]
        assert (logged.routine_name, logged.finished) == ("Small", True)
        await pilot.press("q")
    assert app.return_code == 0


async def test_routine_text_is_never_markup_nor_control_codes() -> None:
    nasty = SMALL.replace(
        'cue = "Knees bent, open the top knee."',
        'cue = "[red]hot[/] [link=http://x]y[/link] [/] \\u001b[31mZ \\u0007!"',
    )
    from legtimer.core.loader import parse_routine

    app, clock, _ = make_app(
        parse_routine(nasty.replace('name = "Clamshells"', 'name = "[b]Bold[/b]"'))
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 5.0)
        assert text_of(app, "name") == "[b]Bold[/b]"
        cue = app.screen.query_one("#cue").render()
        shown = " ".join(str(cue).split())
        assert shown == "[red]hot[/] [link=http://x]y[/link] [/] \u241b[31mZ \u2407!"
        assert not getattr(cue, "spans", [])
        name = app.screen.query_one("#name").render()
        assert not getattr(name, "spans", [])


async def test_resizing_never_crashes_and_keeps_the_clock() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await advance(pilot, app, clock, 6.0)
        screen = workout(app)
        big = screen.query_one("#clock")
        assert big.size.height >= 10
        for size in ((120, 40), (80, 24), (60, 20), (40, 12), (30, 8), (200, 60)):
            await pilot.resize_terminal(*size)
            await advance(pilot, app, clock, 0.5)
            assert screen.query_one("#phase").display
            assert big.display and big.size.height >= 1
            if size == (40, 12):
                assert screen.has_class("-tiny")
                assert not screen.query_one("#lower").display
        assert not screen.has_class("-tiny")


async def test_the_digits_are_a_third_of_the_rows_and_the_same_in_every_phase() -> None:
    for size, rows in (((80, 24), 8), ((100, 30), 10), ((120, 40), 13), ((160, 45), 15)):
        app, clock, _ = make_app()
        heights: dict[str, int] = {}
        async with app.run_test(size=size) as pilot:
            for at in (1.0, 5.0, 16.0, 38.0):  # get ready, work, switch, rest
                await advance(pilot, app, clock, at - clock.now)
                heights[phase(app)] = digit_rows(app)
            await pilot.press("space")
            heights[phase(app)] = digit_rows(app)
        assert set(heights) == {"get-ready", "work", "switch", "rest", "paused"}
        assert len(set(heights.values())) == 1, (size, heights)
        assert min(heights.values()) >= rows, (size, heights)


async def test_countdown_events_reach_the_sound_side() -> None:
    app, clock, sink = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await advance(pilot, app, clock, 1.0)
        ticks = [e.seconds_left for e in sink.handled if isinstance(e, CountdownTicked)]
        assert ticks == [3, 2, 1]


def test_picker_lists_routines_and_previews(tmp_path: object) -> None:
    from legtimer.ui.screens.picker import load_choices

    choices = load_choices()
    names = [c.entry.name for c in choices]
    assert {"runners", "tabata-legs", "quick-bodyweight"} <= set(names)
    runners = choices[names.index("runners")]
    assert "Clamshells" in runners.preview() and "36:54" in runners.preview()


async def test_picker_enter_starts_the_highlighted_routine() -> None:
    from legtimer.ui.app import LegtimerApp
    from legtimer.ui.screens.picker import PickerScreen

    clock = FakeClock()
    app = LegtimerApp(None, outfit=fake_outfit(clock, SilentSink()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down")  # runners is highlighted first; the next one is started
        await pilot.press("enter")
        await pilot.pause()
        screen = workout(app)
        names = [choice.entry.name for choice in load_choices()]
        expected = load_routine(ROUTINES / f"{names[names.index('runners') + 1]}.toml").name
        assert screen.driver.session.plan.routine.name == expected
        assert text_of(app, "phase").strip() == "GET READY"


def test_small_routine_is_what_the_tests_think() -> None:
    from legtimer.core.plan import compile_plan

    plan = compile_plan(small_routine())
    assert [round(s.estimate) for s in plan.steps] == [5, 10, 5, 10, 20, 10, 5, 10, 30, 6, 30, 20]


async def test_a_sound_failure_mid_workout_is_shown_once() -> None:
    from collections.abc import Sequence

    from legtimer.audio.sink import SilentSink
    from legtimer.core.events import Event

    class FailsLater(SilentSink):
        def handle(self, events: Sequence[Event]) -> None:
            super().handle(events)
            if len(self.handled) > 2:
                self._notice = "Sound: simpleaudio stopped working; now terminal bell"

    sink = FailsLater()
    app, clock, _ = make_app(sink=sink)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown: list[str] = []
        workout(app).notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        for _ in range(6):
            await advance(pilot, app, clock, 1.0)
        assert [m for m in shown if "stopped working" in m] == [
            "Sound: simpleaudio stopped working; now terminal bell"
        ]


async def test_a_sound_problem_waits_while_muted_and_shows_on_unmute() -> None:
    from legtimer.audio.sink import SilentSink

    no_device = SilentSink(muted=True, notice="Sound: terminal bell only (no audio device)")
    app, clock, _ = make_app(sink=no_device)  # as with --mute
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown: list[str] = []
        workout(app).notify = lambda message, **_: shown.append(message)  # type: ignore[method-assign]
        for _ in range(3):
            await advance(pilot, app, clock, 1.0)
        assert not any("Sound" in m for m in shown), "muted: the sound's problem can wait"
        await pilot.press("m")
        await advance(pilot, app, clock, 1.0)
        assert shown.count("Sound: terminal bell only (no audio device)") == 1


async def test_the_command_palette_runs_the_workout_actions() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Pause", "Next", "Back", "Done", "+10s", "-10s", "Mute", "Help"} <= set(commands)
        commands["Pause"].callback()
        await pilot.pause()
        assert workout(app).driver.session.paused
        commands["Next"].callback()
        await pilot.pause()
        assert workout(app).driver.session.index == 1


def test_the_rest_after_a_skipped_set_says_skipped_not_done() -> None:
    from legtimer.core.plan import compile_plan
    from legtimer.core.session import Session
    from legtimer.ui.view import step_view_of

    clock = FakeClock()
    session = Session(compile_plan(small_routine()), clock)
    session.start()
    clock.advance(5.0 + 10 + 5)  # into Clamshells set 1, right side
    session.tick()
    session.skip()
    assert step_view_of(session).name == "Clamshells · set 1 of 2 skipped"
    clock.advance(20.0 + 25)  # set 2 runs out on its own
    session.tick()
    assert step_view_of(session).name == "Clamshells · set 2 of 2 done"
    while session.step.name != "Swings":
        session.skip()
    session.skip()
    assert step_view_of(session).name == "Swings skipped"
