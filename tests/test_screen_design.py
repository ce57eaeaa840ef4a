"""Issue 8 beyond the phase walk: contrast, words, fitting, flash, the cue overlay, labels."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget

from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.words import count, describe_step, next_line, spoken_line
from legtimer.ui.app import LegtimerApp
from legtimer.ui.keys import help_lines
from legtimer.ui.phases import PHASE_NAMES, phase_variables
from legtimer.ui.screens.cue import CueOverlay
from legtimer.ui.text import ELLIPSIS, fit_lines, fit_name_first
from legtimer.ui.widgets.bigclock import BigClock
from legtimer.ui.widgets.line import Line
from tests.ui_helpers import advance, make_app, phase, small_routine, workout


def wcag(first: Color, second: Color) -> float:
    """WCAG 2 contrast, written out here rather than trusting the code under test."""

    def lum(c: Color) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)

    a, b = sorted((lum(first), lum(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_every_phase_label_meets_aa_on_its_own_distinct_band(theme: str) -> None:
    app = App[None]()
    app.theme = theme
    colours = phase_variables(app.get_css_variables())
    bands = {name: Color.parse(colours[f"phase-{name}"]) for name in PHASE_NAMES}
    for name, band in bands.items():
        label = Color.parse(colours[f"phase-{name}-text"])
        assert wcag(band, label) >= 4.5, (theme, name, band.hex, label.hex)
    assert len({band.hex for band in bands.values()}) == len(PHASE_NAMES)
    assert bands["warmup"] != bands["cooldown"] and bands["get-ready"] != bands["switch"]


async def test_the_band_is_drawn_in_the_computed_colours() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, app, clock, 5.0)
        band = workout(app).query_one("#band")
        expected = phase_variables(app.get_css_variables())["phase-work"]
        assert band.styles.background.hex == expected
        assert band.region.width == 100, "full width"


def _drawn_colours(widget: Widget) -> tuple[str, str]:
    """(background, text) of the first cell the widget draws, as the terminal gets it."""
    (strip,) = widget.render_lines(Region(0, 0, widget.size.width, 1))
    style = next(iter(strip)).style
    assert style is not None and style.bgcolor is not None and style.color is not None
    return (Color.from_rich_color(style.bgcolor).hex, Color.from_rich_color(style.color).hex)


def _ink(clock: BigClock) -> str:
    """The colour of the clock's first drawn digit cell, as the terminal gets it."""
    for y in range(clock.size.height):
        for segment in clock.render_line(y):
            if segment.text.strip() and segment.style is not None and segment.style.color:
                return Color.from_rich_color(segment.style.color).hex
    raise AssertionError("the clock draws no digit")


async def test_each_phase_and_a_new_theme_are_drawn_on_the_band_its_labels_and_the_digits() -> None:
    """The band's labels and the clock's digits take their colours from the band and the clock,
    at every transition and when the theme changes mid-workout (nothing keeps an old colour)."""
    app, clock, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = workout(app)
        title = screen.query_one("#title")
        digits = screen.query_one("#clock", BigClock)
        drawn: dict[str, tuple[str, str]] = {}
        for theme, seconds in (("textual-dark", 0.0), ("textual-dark", 5.0), ("nord", 0.0)):
            app.theme = theme
            await advance(pilot, app, clock, seconds)
            colours = phase_variables(app.get_css_variables())
            name = phase(app)
            band = (colours[f"phase-{name}"], colours[f"phase-{name}-text"])
            assert _drawn_colours(title) == band, (theme, name)
            assert _ink(digits) == colours[f"phase-{name}-ink"], (theme, name)
            drawn[f"{theme} {name}"] = band
        assert list(drawn) == ["textual-dark get-ready", "textual-dark work", "nord work"]
        assert len(set(drawn.values())) == 3


def test_fit_lines_cuts_at_a_word_with_an_ellipsis_and_never_silently() -> None:
    text = "Lie on your side with your knees bent and lift the top knee slowly"
    lines = fit_lines(text, 20, 2)
    assert len(lines) == 2 and all(len(line) <= 20 for line in lines)
    assert lines[-1].endswith(ELLIPSIS)
    assert " ".join(lines)[:-1].strip() in text, "whole words only"
    assert fit_lines("short", 20, 2) == ["short"]
    assert fit_lines(text, 200, 1) == [text]


def test_words_one_style_everywhere() -> None:
    plan = compile_plan(small_routine())
    clam = plan.steps[1]
    assert describe_step(clam) == "Clamshells · set 1 of 2 · left side · 4-5 reps"
    assert next_line(clam) == "Clamshells · set 1 of 2 · left side · 4-5 reps · needs mat"
    assert spoken_line(clam, None) == "Clamshells. Set 1 of 2. Left side."
    assert (count(1, "exercise"), count(3, "exercise"), count(1, "rep")) == (
        "1 exercise",
        "3 exercises",
        "1 rep",
    )


async def test_flash_shows_at_a_transition_and_goes_away() -> None:
    from legtimer.audio.sink import SilentSink
    from tests.conftest import FakeClock
    from tests.ui_helpers import fake_outfit, phase_of_colours

    clock = FakeClock()
    app = LegtimerApp(small_routine(), outfit=fake_outfit(clock, SilentSink()), flash=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        flash = workout(app).query_one("#flash")
        assert not flash.display
        clock.advance(5.0)
        assert app.driver is not None
        app.driver.tick()  # the transition; looked at before its 0.35 s of real time can pass
        assert flash.display and phase_of_colours(workout(app), "flash") == "work"
        for _ in range(100):
            await pilot.pause(0.02)
            if not flash.display:
                break
        assert not flash.display


async def test_c_shows_the_whole_cue_and_the_workout_goes_on() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, app, clock, 5.0)
        await pilot.press("c")
        assert isinstance(app.screen, CueOverlay)
        assert app.screen.cue == "Knees bent, open the top knee."
        assert "Equipment: mat" in app.screen.meta
        assert not workout_session_paused(app)
        await pilot.press("c")
        assert not isinstance(app.screen, CueOverlay)


async def test_space_is_labelled_ready_when_a_rest_ran_out_and_waits() -> None:
    routine = parse_routine(
        '[routine]\nname = "R"\n[defaults]\nget_ready = 0\nrest_until_ready = true\n'
        '[[exercise]]\nname = "A"\nduration = "10s"\nsets = 2\nrest = "20s"\n'
    )
    app, clock, _ = make_app(routine)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def space() -> str:
            return app.screen.active_bindings["space"].binding.description

        await advance(pilot, app, clock, 15)
        assert space() == "Pause", "a rest that still runs pauses"
        await advance(pilot, app, clock, 20)
        assert app.driver is not None and app.driver.session.waiting
        assert space() == "Ready"
        await pilot.press("space")
        assert app.driver.session.step.kind.is_work and not app.driver.session.paused
        assert space() == "Pause"
        await pilot.press("space")
        assert space() == "Resume"
    assert not any(what == "go on: ready" for _, what in help_lines()), "help lists keys once"


def workout_session_paused(app: LegtimerApp) -> bool:
    assert app.driver is not None
    return app.driver.session.paused


async def test_footer_labels_follow_state_and_quit_pause_fit_at_80_columns() -> None:
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        def shown() -> dict[str, str]:
            return {
                key: active.binding.description
                for key, active in app.screen.active_bindings.items()
                if active.binding.show
            }

        assert shown()["space"] == "Pause" and shown()["m"] == "Mute"
        await pilot.press("space", "m")
        await pilot.pause()
        assert shown()["space"] == "Resume" and shown()["m"] == "Unmute"
        # What an 80-column terminal really shows (the footer clips what does not fit).
        drawn = app.export_screenshot()
        for label in ("Resume", "Quit"):  # (Unmute is further right, cut at 80)
            assert f">{label}&#160;</text>" in drawn, label
        assert not any(what == "resume" for _, what in help_lines()), "help lists keys once"


def test_a_name_yields_before_the_facts_after_it() -> None:
    name = "Rear-Foot-Elevated Bulgarian Split Squats with Dumbbells"
    done = f"{name} · set 1 of 2 skipped"
    assert fit_name_first(done, 60) == "Rear-Foot-Elevated Bulgarian Split… · set 1 of 2 skipped"
    following = f"NEXT: {name} · set 1 of 2 · right side · 10 reps"
    cut = "NEXT: Rear-Foot-Elevated… · set 1 of 2 · right side · 10…"
    assert fit_name_first(following, 60) == cut
    assert fit_name_first("Clamshells · set 3 of 3 done", 80) == "Clamshells · set 3 of 3 done"
    assert fit_name_first("No dot in this rather long line", 20) == "No dot in this…"
    assert fit_name_first(done, 10) == "Rear-Foot…", "too narrow for facts: one cut, at the end"


async def test_the_band_has_room_for_the_longest_position_of_the_workout() -> None:
    routine = parse_routine(
        '[routine]\nname = "A Title Long Enough To Be Cut Somewhere"\nrounds = 10\n'
        '[[exercise]]\nname = "A"\nreps = 5\n[[exercise]]\nname = "B"\nreps = 5\n'
    )
    app, _clock, _ = make_app(routine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        position = app.screen.query_one("#position", Line)
        assert position.text == "Exercise 1 of 2 · Round 1 of 10"
        assert position.shown() == position.text, "not cut"
        assert app.screen.query_one("#title", Line).shown() == routine.name
