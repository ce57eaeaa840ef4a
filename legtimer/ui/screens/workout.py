"""The workout screen: copies the session's state into widgets and routes keys to it.

It keeps no time of its own. After every tick or key it asks the session when something
visible next changes (a whole second, a rep beat, a halfway mark) and sleeps until then.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from legtimer.audio.sink import CueSink, SilentSink
from legtimer.core.events import Event, StepStarted, WorkoutFinished
from legtimer.core.plan import Plan
from legtimer.core.session import Session, State
from legtimer.core.summary import Summary, summarize
from legtimer.storage import history
from legtimer.ui.screens.dialogs import ConfirmQuit, HelpScreen
from legtimer.ui.text import plain
from legtimer.ui.view import PHASE_CLASSES, View, view_of
from legtimer.ui.widgets.bigclock import BigClock
from legtimer.ui.widgets.footer import LeanFooter
from legtimer.ui.widgets.line import Line
from legtimer.ui.widgets.meter import Meter

WAKE_SLACK = 0.002
"""Wake just after a boundary, so the tick lands on the new second, not just before it."""


def leave_workout(app: App[object]) -> None:
    """End the workout: an app may go back somewhere (the editor) instead of exiting."""
    leave = getattr(app, "leave_workout", None)
    if callable(leave):
        leave()
    else:
        app.exit(0)


class WorkoutScreen(Screen[None]):
    """Runs one plan from get-ready to the summary."""

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("n", "skip", "Next"),
        Binding("b", "back", "Back"),
        Binding("enter,d", "done", "Done"),
        Binding("plus,equals_sign", "add_time", "+10s"),
        Binding("minus,underscore", "remove_time", "-10s"),
        Binding("m", "mute", "Mute"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_workout", "Quit"),
    ]

    def __init__(
        self,
        plan: Plan,
        clock: Callable[[], float] = time.monotonic,
        cues: CueSink | None = None,
        autostart: bool = True,
    ) -> None:
        super().__init__()
        self.session = Session(plan, clock)
        self.cues: CueSink = cues or SilentSink()
        self.autostart = autostart
        self._timer: Timer | None = None
        self._shown: dict[str, object] = {}
        self._was_running_before_dialog = False
        self._key_answers: tuple[bool | None, ...] | None = None
        self._notice_shown: str | None = None

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
        """Start the workout (unless a test wants to start it) and draw the first frame."""
        notice = self._notice_shown = self.cues.notice
        if notice:
            self.notify(notice, title="Sound", severity="warning", timeout=8)
        if self.autostart:
            self.start()
        else:
            self.render_state(force=True)

    def start(self) -> None:
        """Begin the session."""
        self._apply(self.session.start())

    # ---- time ------------------------------------------------------------------------------

    def tick(self) -> None:
        """Ask the session what happened since last time; called by the wake-up timer."""
        self._apply(self.session.tick())

    def _apply(self, events: Sequence[Event]) -> None:
        if events:
            self.cues.handle(events)
            if self.cues.notice != self._notice_shown:
                # The sound side changed its story (a device failed): say so, once.
                self._notice_shown = self.cues.notice
                if self._notice_shown:
                    self.notify(self._notice_shown, title="Sound", severity="warning", timeout=8)
        step_changed = any(isinstance(e, StepStarted | WorkoutFinished) for e in events)
        self.render_state(force=step_changed)
        answers = tuple(
            self.check_action(b.action, ()) for b in self.BINDINGS if isinstance(b, Binding)
        )
        if answers != self._key_answers:
            # The Footer rebuilds on refresh_bindings: only when what check_action says changes.
            self._key_answers = answers
            self.refresh_bindings()
        if any(isinstance(e, WorkoutFinished) for e in events):
            self._finish()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wait = self.session.next_change_in()
        if wait is not None:
            self._timer = self.set_timer(wait + WAKE_SLACK, self.tick, name="wake")

    def _finish(self) -> None:
        from legtimer.ui.screens.summary import SummaryScreen

        if self._timer is not None:
            self._timer.stop()
        summary = summarize(self.session)
        saved = self._log(summary)
        self.app.switch_screen(SummaryScreen(summary, saved))

    def _log(self, summary: Summary) -> bool:
        """Write the workout to the history; a failure is shown, never fatal."""
        try:
            return history.record(summary)
        except OSError as exc:
            self.notify(f"Could not save to history: {exc}", severity="error")
            return False

    # ---- drawing ---------------------------------------------------------------------------

    def render_state(self, force: bool = False) -> None:
        """Copy the current view into the widgets, touching only what changed."""
        view = view_of(self.session)
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
        self.set_class(self.cues.muted, "-muted")

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
        session = self.session
        live = session.state in (State.RUNNING, State.PAUSED)
        step = session.step
        if action == "done":
            return True if live and step.kind.is_work else None
        if action in ("add_time", "remove_time"):
            return True if live and not step.waits_for_user else None
        if action in ("toggle_pause", "skip", "back"):
            return True if live else None
        return True

    def action_toggle_pause(self) -> None:
        """Space: pause or resume."""
        self._apply(self.session.toggle_pause())

    def action_skip(self) -> None:
        """n: on to the next step."""
        self._apply(self.session.skip())

    def action_back(self) -> None:
        """b: restart this step, or go to the previous one."""
        self._apply(self.session.back())

    def action_done(self) -> None:
        """enter / d: this set is done."""
        self._apply(self.session.done())

    def action_add_time(self) -> None:
        """+: ten more seconds."""
        self._apply(self.session.add_time(10))

    def action_remove_time(self) -> None:
        """-: ten seconds less."""
        self._apply(self.session.add_time(-10))

    def action_mute(self) -> None:
        """m: sound off or on."""
        muted = self.cues.toggle_mute()
        self.notify("Sound off" if muted else "Sound on", timeout=2)
        self.render_state()

    def action_help(self) -> None:
        """?: the key table."""
        self.app.push_screen(HelpScreen())

    def action_quit_workout(self) -> None:
        """q: ask first; pause while asking, resume if the answer is no."""
        self._was_running_before_dialog = self.session.state is State.RUNNING
        self.session.pause()
        self._apply([])
        self.app.push_screen(ConfirmQuit(), self._answered)

    def _answered(self, quit_now: bool | None) -> None:
        if quit_now:
            self._log(summarize(self.session))
            leave_workout(self.app)
            return
        if self._was_running_before_dialog:
            self._apply(self.session.resume())
