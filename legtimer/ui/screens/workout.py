"""The workout screen: renders the driver's session and turns keys into commands.

It keeps no time and writes no files. The driver owns the session and its wake-ups; this screen
is one of its listeners. A tick touches only what moves (the clock's changed digits, the rep
counter, the bars, the overall line); the rest is redrawn only when the step view changes.

A transition changes no CSS class: a class change makes Textual restyle the widget and all it
holds (the clock's digits, the band's labels), which cost more than the rest of a transition.
The phase colours are read from the stylesheet (component classes of the screen) and set on the
band, the flash, the digits and the step bar as their own styles; the NEXT panel is switched in
by display. Widgets are looked up once, and a label is set only when its words change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Static

from legtimer.core.events import Event, StepStarted, WorkoutFinished
from legtimer.core.session import State
from legtimer.core.today import variant_equipment
from legtimer.live.clicker import press
from legtimer.live.driver import OFFER_COMMANDS, Command, Ending, WorkoutDriver
from legtimer.ui.compositor import SpotCompositor
from legtimer.ui.keys import (
    CLICKER_BINDINGS,
    STATES,
    WORKOUT_KEYS,
    command_of,
    keys_of,
    split_action,
)
from legtimer.ui.logkeys import LogKeys
from legtimer.ui.messages import EquipmentAnswered, LeaveRequested, WorkoutEnded
from legtimer.ui.phases import PHASE_NAMES
from legtimer.ui.screens.cue import CueOverlay
from legtimer.ui.screens.equipment import EquipmentQuestion
from legtimer.ui.screens.help import KeysHelp
from legtimer.ui.screens.quit import QuitChoice, QuitWorkout
from legtimer.ui.screens.remote import LoadDialog, RemoteOverlay, qr_text, url_lines
from legtimer.ui.view import StepView, TickView, position_of, step_view_of, tick_view_of
from legtimer.ui.widgets.bigclock import BigClock, rows_for
from legtimer.ui.widgets.fitted import BigName, Fitted
from legtimer.ui.widgets.footer import LeanFooter
from legtimer.ui.widgets.line import Line
from legtimer.ui.widgets.meter import Meter

FLASH_SECONDS = 0.35
"""How long the screen flashes at a transition (with --flash)."""
WIDE = 140
"""From this many columns the cue stands beside the clock instead of under it."""

W = TypeVar("W", bound=Widget)

_KEY_ACTIONS = tuple(split_action(binding.action) for binding in WORKOUT_KEYS)
"""Each workout key's action, parsed once: what ``check_action`` is asked at every change."""


def clock_rows(height: int) -> int:
    """Rows for the digits at a terminal height: a third of it or more, the same in every phase.

    8 at 24 rows, 10 at 30, 13 at 40, 15 at 45.
    """
    return rows_for(max(1, round(2 * height / 15)))


def _has_remote(screen: WorkoutScreen) -> bool:
    return screen._remote_link() is not None


def _can_change_equipment(screen: WorkoutScreen) -> bool:
    driver: WorkoutDriver = screen.driver
    return driver.can_change_equipment()


ACTION_CHECKS: dict[str, Callable[[WorkoutScreen], bool]] = {
    "correct": lambda screen: screen.log_keys.can_correct(),
    "digit": lambda screen: screen.log_keys.can_correct() or screen.log_keys.in_manual_set(),
    "load": lambda screen: screen.log_keys.load_exercise() is not None,
    "remote": _has_remote,
    "revoke": _has_remote,
    "clicker": lambda _screen: True,
    "equipment": _can_change_equipment,
}
"""When each of the screen's own keys can apply (greyed out in the footer and help when not)."""


class WorkoutScreen(Screen[None]):
    """Shows one workout from get-ready to its ending."""

    BINDINGS = [*WORKOUT_KEYS, *CLICKER_BINDINGS]
    COMPONENT_CLASSES = {f"band--{name}" for name in PHASE_NAMES} | {
        f"ink--{name}" for name in PHASE_NAMES
    }
    """Each phase's colours, as the stylesheet says them: the band's and the digits' (ink)."""

    def __init__(self, driver: WorkoutDriver, *, flash: bool = False) -> None:
        super().__init__()
        self._compositor = SpotCompositor()  # a tick draws only the widgets under its changes
        self.driver = driver
        self.flash = flash
        """Flash the screen at every transition (a muted or noisy room)."""
        self._step_view: StepView | None = None
        self._tick_view: TickView | None = None
        self._was_running_before_dialog = False
        self._key_answers: tuple[bool | None, ...] | None = None
        self._notices_shown: set[str] = set()
        self._leaving = False
        self._done_keys = keys_of("done")
        self.log_keys: LogKeys = LogKeys(driver)
        """The training-log keys: corrections, typed reps, today's load."""
        self._remote_url: str | None = None
        self._painted: str | None = None
        """The phase whose colours the band, digits, step bar (and flash, if on) wear."""
        self._name_big = False
        self._widgets: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        """Band, headline, detail, clock (cue beside it when wide), bars, cue or NEXT, footer."""
        with Horizontal(id="band"):
            yield Static("", id="phase")
            yield Line(id="title")
            yield Static("SOUND OFF", id="sound")
            yield Line(id="position")
        with Vertical(id="body"):
            with Vertical(id="remote"):
                yield Static("", id="qr", classes="qr", markup=False)
                yield Static("", id="qr-url", markup=False)
            yield BigName(id="name")
            yield Line(id="detail")
            with Horizontal(id="clock-row"):
                yield BigClock(id="clock")
                yield Fitted(id="cue-side")
            yield Line(id="rep")
            yield Line(id="hint")
            yield Line(id="log")
            yield Meter(id="step-bar")
            with Vertical(id="lower"):
                with Vertical(id="now"):
                    yield Fitted(id="cue")
                    yield Line(id="next", name_first=True)
                with Vertical(id="next-panel"):
                    yield BigName(id="next-name")
                    yield Line(id="next-facts")
                    yield Line(id="next-target")
                    yield Line(id="next-harder")
                    yield Line(id="next-load")
                    yield Fitted("How: ", id="next-cue")
        with Vertical(id="footer-area"):
            yield Line(id="overall")
            yield Meter(id="overall-bar")
        yield LeanFooter()
        yield Static("", id="flash")

    def on_mount(self) -> None:
        """Follow the driver, start it if nobody has, and draw the first frame."""
        self.query_one("#next-panel").border_title = "NEXT"
        self.query_one("#remote").border_title = "PHONE REMOTE"
        # Room in the band for this workout's longest "Exercise 12 of 12 · Round 10 of 10",
        # set once: the title (1fr) yields, and no step change lays the band out again.
        position = self.query_one("#position")
        least = position.styles.width.value if position.styles.width else 0  # the stylesheet's
        longest = max((len(position_of(step)) for step in self.driver.plan.steps), default=0)
        position.styles.width = max(int(least), longest + 4)
        self._fit_to(*self.app.size)  # the first frame already at its size, not after a resize
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
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
        """Redraw what changed, refresh the keys if what applies changed, say new notices once."""
        for notice in driver.notices():
            if notice not in self._notices_shown:
                self._notices_shown.add(notice)
                self.notify(notice, title="Note", severity="warning", timeout=8, markup=False)
        if not events and driver.command is None and self._step_view is not None:
            # A wake-up within a step, the steady path: only what moves with the clock can
            # have changed (a new step, a pause, the log and the keys come with an event or a
            # command), so nothing else is worked out again.
            self._draw_tick(tick_view_of(driver.session))
            return
        moved_on = any(isinstance(e, StepStarted | WorkoutFinished) for e in events)
        if moved_on and self.flash and self._step_view is not None:
            self._flash()
        self.render_state()
        answers = tuple(self.check_action(*action) for action in _KEY_ACTIONS)
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

    def render_state(self) -> None:
        """Copy the current views into the widgets: the step's only when it changed."""
        session = self.driver.session
        step = step_view_of(session, self._done_keys, self._about_next())
        if step != self._step_view:
            self._draw_step(step, self._step_view)
            self._step_view = step
        self.set_class(self.driver.cues.muted, "-muted")
        self._draw_log()
        self._draw_tick(tick_view_of(session))

    def _about_next(self) -> str:
        """The question or note before the next exercise: the harder variant offered, the way
        back down after ``v``, or the moved-up slot's note; "" (the usual case) costs little."""
        return self.driver.question() or self.driver.slot_note()

    def _draw_step(self, view: StepView, before: StepView | None) -> None:
        if before is None or view.phase_class != before.phase_class:
            self._paint(view.phase_class)
        if before is None or view.phase != before.phase:
            # The label's width follows its words: a layout only when their length changes.
            resized = before is None or len(view.phase) != len(before.phase)
            self._widget("phase", Static).update(f" {view.phase} ", layout=resized)
        self._line("title", view.title)
        self._line("position", view.position)
        name = self._widget("name", BigName)
        name.text = view.name
        self._name_big = view.name_big
        name.big = view.name_big and self.has_class("-big")
        self._line("detail", view.detail)
        self._line("hint", view.hint, hide_when_empty=True)
        for widget_id in ("cue", "cue-side"):
            self._widget(widget_id, Fitted).text = view.cue
        # Display, not a class on #lower: a class change would restyle all the panel holds.
        self._widget("now", Widget).display = not view.between
        self._widget("next-panel", Widget).display = view.between
        self._line("next", view.next_line)
        self._widget("next-name", BigName).text = view.next_name
        self._line("next-facts", view.next_facts)
        self._widget("next-cue", Fitted).text = view.next_cue
        self._line("next-target", view.next_target, hide_when_empty=True)
        self._line("next-harder", view.next_harder, hide_when_empty=True)
        self._draw_remote(view)

    def _paint(self, phase: str) -> None:
        """Dress the band, flash, digits and step bar in ``phase``'s colours (no restyle)."""
        self._painted = phase
        band = self.get_component_styles(f"band--{phase}")
        ink = self.get_component_styles(f"ink--{phase}").color
        for widget_id in ("band", "flash") if self.flash else ("band",):
            widget = self._widget(widget_id, Widget)
            widget.styles.background = band.background
            widget.styles.color = band.color
            # Children cache the colours they inherit and Textual does not clear that cache when
            # a parent's own style changes (only on a restyle): clear it (Textual PR #6367).
            for child in widget.walk_children():
                child.notify_style_update()
        # The clock (one widget drawing its digits) and the step bar wear the phase's ink.
        for part in (self._widget("clock", BigClock), self._widget("step-bar", Meter)):
            part.styles.color = ink

    def _theme_changed(self, _theme: Theme) -> None:
        """Another theme: the stylesheet has new phase colours; wear them."""
        if self._painted is not None:
            self._paint(self._painted)

    def _draw_log(self) -> None:
        """The quiet training-log lines: the correction or typed reps, and today's load."""
        self._line("log", self.log_keys.log_line(), hide_when_empty=True)
        self._line("next-load", self.log_keys.load_line(), hide_when_empty=True)

    def remote_changed(self) -> bool:
        """The phone remote started, or its link was revoked: redraw the code, refresh keys.

        Returns:
            Whether the code is on screen now (else the app says the link in a notice).
        """
        self._draw_remote()
        self.refresh_bindings()
        pane = self.query_one("#remote")
        return not pane.has_class("-empty") and self.has_class("-big")

    def _remote_link(self) -> str | None:
        remote = getattr(self.app, "remote", None)
        return None if remote is None else str(remote.url)

    def _draw_remote(self, view: StepView | None = None) -> None:
        """On get-ready with the remote on: its QR code and link, where there is room."""
        pane = self._widget("remote", Vertical)
        url = self._remote_link()
        view = view or self._step_view
        shown = url is not None and view is not None and view.phase_class == "get-ready"
        pane.set_class(not shown, "-empty")
        if url is None or url == self._remote_url:
            return
        self._remote_url = url
        lines = qr_text(url)
        self.query_one("#qr", Static).update("\n".join(lines))
        self.query_one("#qr-url", Static).update(url_lines(url, len(lines[0])))

    def _draw_tick(self, view: TickView) -> None:
        """The clock, rep counter, overall line and bars: each only when it changed."""
        before = self._tick_view
        if view == before:
            return
        self._tick_view = view
        if before is None or view.clock != before.clock:
            self._widget("clock", BigClock).text = view.clock
        if before is None or view.rep != before.rep:
            self._line("rep", view.rep)
        if before is None or view.overall != before.overall:
            self._line("overall", view.overall)
        self._widget("step-bar", Meter).show(view.step_fraction)
        self._widget("overall-bar", Meter).show(view.overall_fraction)

    def _widget(self, widget_id: str, kind: type[W]) -> W:
        """The widget with this id, found once (a dict look-up is cheaper than a query)."""
        widget = self._widgets.get(widget_id)
        if widget is None:
            widget = self._widgets[widget_id] = self.query_one(f"#{widget_id}")
        assert isinstance(widget, kind)
        return widget

    def _line(self, widget_id: str, text: str, hide_when_empty: bool = False) -> None:
        line = self._widget(widget_id, Line)
        line.text = text
        if hide_when_empty:
            # A class, not widget.display: an inline style would override the small-size rules.
            line.set_class(not text, "-empty")

    def _flash(self) -> None:
        flash = self.query_one("#flash")
        flash.display = True
        self.set_timer(FLASH_SECONDS, lambda: setattr(flash, "display", False))

    def on_resize(self, event: Resize) -> None:
        """A new terminal size: lay the screen out for it."""
        self._fit_to(*event.size)

    def _fit_to(self, width: int, height: int) -> None:
        """Give the clock a third of the rows and more; big letters and side cue when roomy."""
        self.set_class(height < 24 or width < 60, "-compact")
        self.set_class(height < 16 or width < 44, "-tiny")
        self.set_class(height >= 30 and width >= 80, "-big")
        self.set_class(height >= 48 and width >= 100, "-huge")
        self.set_class(width >= WIDE and height >= 30, "-wide")
        row: Widget = self.query_one("#clock-row")
        row.styles.height = "1fr" if height < 16 or width < 44 else clock_rows(height)
        name = self.query_one("#name", BigName)
        name.max_lines = 2 if self.has_class("-huge") else 1
        name.big = self._name_big and self.has_class("-big")
        self.query_one("#next-name", BigName).big = self.has_class("-big")

    # ---- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that cannot apply now (None), hide the label twin not in its state."""
        command: Command | None = None
        if action in ACTION_CHECKS:
            return True if ACTION_CHECKS[action](self) else None
        if action == "command" and parameters:
            command = Command(str(parameters[0]))
            if command.value in ("pause", "mute"):
                shown_in = str(parameters[1]) if len(parameters) > 1 else None
                if shown_in != self._label_state(command):
                    return False
        else:
            command = command_of(action)
        if command is None:
            return True
        if command in OFFER_COMMANDS:
            return self.driver.available(command)  # hidden, not greyed: n is Next otherwise
        return True if self.driver.available(command) else None

    def _label_state(self, command: Command) -> str | None:
        """Which of a key's label twins applies now (one of STATES; None: the plain one)."""
        if command is Command.PAUSE:
            session = self.driver.session
            state = "paused" if session.paused else "waiting" if session.waiting else None
        else:
            state = "muted" if self.driver.cues.muted else None
        assert state is None or state in STATES
        return state

    def action_command(self, name: str, _shown_in: str | None = None) -> None:
        """A workout key: the driver carries it out (done with typed reps records them)."""
        if Command(name) is Command.DONE:
            self.log_keys.done()
        else:
            self.driver.send(Command(name))
        self._draw_log()

    def action_clicker(self, key: str) -> None:
        """A presenter clicker's key: never a skip or a back (legtimer.live.clicker)."""
        press(self.driver, key)

    def action_correct(self, delta: int) -> None:
        """Up / down in the rest after a rep set: one rep more or fewer recorded for it."""
        self.log_keys.nudge(delta)
        self._draw_log()

    def action_digit(self, digit: int) -> None:
        """A digit: the reps of the set just done, or of the manual set (then Enter)."""
        self.log_keys.digit(digit)
        self._draw_log()

    def action_load(self) -> None:
        """l in a rest or get-ready: today's load of the exercise coming next, in a small dialog."""
        exercise = self.log_keys.load_exercise()
        if exercise is None:
            return

        def keep(load: str | None) -> None:
            if load is not None:
                self.log_keys.set_load(exercise, load)
                self._draw_log()

        self.app.push_screen(LoadDialog(exercise, self.log_keys.load_of(exercise)), keep)

    def action_equipment(self) -> None:
        """e on the first get-ready: the equipment question again (paused while it is open)."""
        chooser = self.driver.chooser
        if not self.driver.can_change_equipment() or chooser is None:
            return
        routine = chooser.routine  # the file's: today's swaps have dropped some items
        items, for_variants = routine.equipment, variant_equipment(routine)
        self._pause_for_dialog()

        def answered(missing: tuple[str, ...] | None) -> None:
            if missing is not None and self.driver.change_equipment(missing):
                asked = (*items, *for_variants)
                self.post_message(EquipmentAnswered(asked, missing))  # the app remembers it
            self._back_from_dialog()

        question = EquipmentQuestion(items, chooser.missing, True, for_variants)
        self.app.push_screen(question, answered)

    def action_remote(self) -> None:
        """r: the phone remote's code and link over the workout (it keeps running)."""
        url = self._remote_link()
        if url is not None:
            self.app.push_screen(RemoteOverlay(url), self._overlay_closed)

    def _overlay_closed(self, revoke: bool | None) -> None:
        remote = getattr(self.app, "remote", None)
        if revoke and remote is not None:
            remote.revoke()  # the new code says so itself: no notice over it
            self.remote_changed()
            self.app.push_screen(RemoteOverlay(remote.url, revoked=True), self._overlay_closed)

    def action_revoke(self) -> None:
        """R: a new link; every phone is disconnected and must scan the new code."""
        remote = getattr(self.app, "remote", None)
        if remote is None:
            return
        remote.revoke()
        self.notify(
            "Phone remote: the old link no longer works; scan the new code (r shows it)",
            title="Access revoked",
            timeout=6,
            markup=False,
        )
        self.remote_changed()

    def action_cue(self) -> None:
        """c: the whole cue, benefit and options in an overlay (the workout keeps going)."""
        view = self._step_view or step_view_of(self.driver.session, self._done_keys)
        cue = view.cue or view.next_cue
        self.app.push_screen(CueOverlay(view.cue_title, cue, view.meta))

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
