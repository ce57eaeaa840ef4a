"""The workout screen: renders the driver's session and turns keys into commands.

It keeps no time and writes no files. The driver owns the session and its wake-ups; this screen
is one of its listeners, redrawn after every change, and it hands the ending up to the app.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from legtimer.core.events import Event, StepStarted, WorkoutFinished
from legtimer.core.session import State
from legtimer.live.driver import Command, Ending, WorkoutDriver
from legtimer.ui.keys import WORKOUT_KEYS, command_of, keys_of
from legtimer.ui.messages import LeaveRequested, WorkoutEnded
from legtimer.ui.screens.help import KeysHelp
from legtimer.ui.screens.quit import QuitChoice, QuitWorkout
from legtimer.ui.text import plain
from legtimer.ui.view import PHASE_CLASSES, View, view_of
from legtimer.ui.widgets.bigclock import BigClock
from legtimer.ui.widgets.footer import LeanFooter
from legtimer.ui.widgets.line import Line
from legtimer.ui.widgets.meter import Meter


class WorkoutScreen(Screen[None]):
    """Shows one workout from get-ready to its ending."""

    BINDINGS = list(WORKOUT_KEYS)

    def __init__(self, driver: WorkoutDriver) -> None:
        super().__init__()
        self.driver = driver
        self._shown: dict[str, object] = {}
        self._was_running_before_dialog = False
        self._key_answers: tuple[bool | None, ...] | None = None
        self._notices_shown: set[str] = set()
        self._leaving = False
        self._done_keys = keys_of("done")

    def compose(self) -> ComposeResult:
        """Banner, name, detail, big clock, step bar, cue, meta, next-up, overall, footer."""
        with Horizontal(id="banner"):
            yield Static("", id="phase")
            yield Static("SOUND OFF", id="sound")
            yield Static("", id="position")
        with Vertical(id="body"):
            yield Static("", id="name")
            yield Static("", id="detail")
            yield BigClock(id="clock")
            yield Line(id="rep")
            yield Meter(id="step-bar")
            yield Static("", id="hint")
            yield Static("", id="cue")
            yield Static("", id="meta")
            yield Static("", id="next")
        with Vertical(id="footer-area"):
            yield Line(id="overall")
            yield Meter(id="overall-bar")
        yield LeanFooter()

    def on_mount(self) -> None:
        """Follow the driver, start it if nobody has, and draw the first frame."""
        self.driver.listen(self)
        if self.driver.session.state is State.READY:
            self.driver.start()
        else:
            self.workout_changed(self.driver, [])

    def on_unmount(self) -> None:
        """Stop following: the driver may outlive this screen (the summary follows it)."""
        self.driver.unlisten(self)

    # ---- what the driver tells ------------------------------------------------------------

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """Redraw, refresh the keys if what applies changed, and say any new notice once."""
        for notice in driver.notices():
            if notice not in self._notices_shown:
                self._notices_shown.add(notice)
                self.notify(notice, title="Note", severity="warning", timeout=8, markup=False)
        step_changed = any(isinstance(e, StepStarted | WorkoutFinished) for e in events)
        self.render_state(force=step_changed)
        answers = tuple(self.check_action(binding.action, ()) for binding in WORKOUT_KEYS)
        if answers != self._key_answers:
            # The Footer rebuilds on refresh_bindings: only when what check_action says changes.
            self._key_answers = answers
            self.refresh_bindings()

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """Hand the ending up: the app shows the summary, or leaves."""
        if self._leaving:
            self.post_message(LeaveRequested())
        else:
            self.post_message(WorkoutEnded(ending, driver.recorded))

    # ---- drawing ---------------------------------------------------------------------------

    def render_state(self, force: bool = False) -> None:
        """Copy the current view into the widgets, touching only what changed."""
        view = view_of(self.driver.session, self._done_keys)
        self._set_phase(view)
        for widget_id, text in (
            ("phase", f" {view.phase} "),
            ("position", view.position),
            ("name", view.name),
            ("detail", view.detail),
            ("hint", view.hint),
            ("cue", view.cue),
            ("meta", view.meta),
            ("next", view.next_up),
        ):
            self._set_text(widget_id, text, force)
        self.query_one("#clock", BigClock).text = view.clock
        self.query_one("#rep", Line).text = view.rep
        self.query_one("#rep", Line).set_class(not view.rep, "-empty")
        self.query_one("#overall", Line).text = view.overall
        self.query_one("#step-bar", Meter).show(view.step_fraction)
        self.query_one("#overall-bar", Meter).show(view.overall_fraction)
        self.set_class(view.next_prominent, "-next-prominent")
        self.set_class(self.driver.cues.muted, "-muted")

    def _set_phase(self, view: View) -> None:
        wanted = f"-{view.phase_class}"
        if not self.has_class(wanted):
            self.remove_class(*PHASE_CLASSES)
            self.add_class(wanted)

    def _set_text(self, widget_id: str, text: str, force: bool) -> None:
        if not force and self._shown.get(widget_id) == text:
            return
        self._shown[widget_id] = text
        widget = self.query_one(f"#{widget_id}", Static)
        widget.update(plain(text))
        # A class, not widget.display: an inline style would override the small-size rules.
        widget.set_class(not text, "-empty")

    def on_resize(self, event: Resize) -> None:
        """Drop secondary panels on small terminals; the clock and phase always stay."""
        width, height = event.size
        self.set_class(height < 24 or width < 60, "-compact")
        self.set_class(height < 16 or width < 44, "-tiny")

    # ---- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that cannot apply now (None greys them in the Footer)."""
        command: Command | None = None
        if action == "command" and parameters:
            command = Command(str(parameters[0]))
        else:
            command = command_of(action)
        if command is None:
            return True
        return True if self.driver.available(command) else None

    def action_command(self, name: str) -> None:
        """A workout key: the driver carries it out."""
        self.driver.send(Command(name))

    def action_help(self) -> None:
        """?: the key table, with the workout paused while it is open."""
        self._pause_for_dialog()
        self.app.push_screen(KeysHelp(), lambda _: self._back_from_dialog())

    def action_quit_workout(self) -> None:
        """q: ask first; pause while asking, resume if the answer is to keep going."""
        self._pause_for_dialog()
        self.app.push_screen(QuitWorkout(), self._answered)

    def _pause_for_dialog(self) -> None:
        self._was_running_before_dialog = self.driver.session.state is State.RUNNING
        self.driver.pause()

    def _back_from_dialog(self) -> None:
        if self._was_running_before_dialog and self.driver.session.paused:
            self.driver.send(Command.PAUSE)

    def _answered(self, choice: QuitChoice | None) -> None:
        if choice is QuitChoice.SUMMARY:
            self.driver.end("quit")
        elif choice is QuitChoice.LEAVE:
            self._leaving = True
            self.driver.end("quit")
        else:
            self._back_from_dialog()
