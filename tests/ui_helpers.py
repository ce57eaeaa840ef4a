"""Helpers for driving the app on a fake clock."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from legtimer.audio.sink import SilentSink
from legtimer.core.loader import parse_routine
from legtimer.core.routine import Routine
from legtimer.live.outfit import Outfit
from legtimer.ui.app import LegtimerApp
from legtimer.ui.phases import PHASE_NAMES
from legtimer.ui.screens.workout import WorkoutScreen
from legtimer.ui.widgets.bigclock import BigClock
from legtimer.ui.widgets.fitted import BigName, Fitted
from legtimer.ui.widgets.line import Line
from tests.conftest import FakeClock

SMALL = """
[routine]
name = "Small"
[defaults]
get_ready = "5s"
rest = "20s"
rest_after = "30s"
switch_sides = "5s"
seconds_per_rep = 2
[[exercise]]
name = "Clamshells"
sets = 2
reps = [4, 5]
per_side = true
cue = "Knees bent, open the top knee."
equipment = ["mat"]
[[exercise]]
name = "Swings"
reps = 3
cue = "Hips drive the bell."
equipment = ["kettlebell"]
[[exercise]]
name = "Squats"
reps = 10
manual = true
cue = "Sit back."
"""
# get ready 5 | Clam L 10 | switch 5 | Clam R 10 | rest 20 | Clam L 10 | switch 5 | Clam R 10 |
# rest after 30 | Swings 6 | rest after 30 | Squats (manual, ~30)


def small_routine() -> Routine:
    return parse_routine(SMALL)


def make_app(
    routine: Routine | None = None, clock: FakeClock | None = None, sink: SilentSink | None = None
) -> tuple[LegtimerApp, FakeClock, SilentSink]:
    clock = clock or FakeClock()
    sink = sink or SilentSink()
    app = LegtimerApp(routine or small_routine(), outfit=fake_outfit(clock, sink))
    return app, clock, sink


def fake_outfit(clock: FakeClock, sink: SilentSink, **kwargs: object) -> Outfit:
    """Silence recorded by ``sink``, on the fake clock, with no real wake-ups."""
    return Outfit(clock=clock, cues=lambda _p, _b, _c: sink, schedule=lambda _d, _f: None, **kwargs)  # type: ignore[arg-type]


def workout(app: LegtimerApp) -> WorkoutScreen:
    screen = app.screen
    assert isinstance(screen, WorkoutScreen), type(screen)
    return screen


async def advance(pilot: Pilot[None], app: LegtimerApp, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock, let the screen tick as its timer would, and let it redraw."""
    clock.advance(seconds)
    if app.driver is not None:
        app.driver.tick()
    await pilot.pause()


def text_of(app: LegtimerApp, widget_id: str) -> str:
    widget = app.screen.query_one(f"#{widget_id}")
    if widget.has_class("-empty"):
        return ""
    if isinstance(widget, Line | Fitted | BigName):
        return widget.text
    assert isinstance(widget, Static)
    return str(widget.render())


def phase(app: LegtimerApp) -> str:
    """The phase whose colours the band wears ("work", "rest"...), as the stylesheet says them."""
    return phase_of_colours(workout(app), "band")


def phase_of_colours(screen: WorkoutScreen, widget_id: str) -> str:
    """The one phase whose band colours (background and text) ``widget_id`` shows."""
    styles = screen.query_one(f"#{widget_id}").styles
    (found,) = [
        name
        for name in PHASE_NAMES
        if (band := screen.get_component_styles(f"band--{name}")).background == styles.background
        and band.color == styles.color
    ]
    return found


def clock_text(app: LegtimerApp) -> str:
    return app.screen.query_one("#clock", BigClock).text


def digit_rows(app: LegtimerApp) -> int:
    """How many terminal rows the big clock's digits cover (drawn rows, not the widget)."""
    return sum(1 for row in app.screen.query_one("#clock", BigClock).drawn() if row.strip())
