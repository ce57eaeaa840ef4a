"""`legtimer edit`: the editor app. Saving, trying and quitting live here, beside the draft."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine
from legtimer.live.driver import WorkoutDriver
from legtimer.live.outfit import Outfit
from legtimer.storage.saving import SaveError, has_comments, save_routine
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.screen import EditorScreen
from legtimer.ui.messages import LeaveRequested, WorkoutEnded
from legtimer.ui.phases import phase_variables
from legtimer.ui.screens.dialogs import Confirm
from legtimer.ui.screens.summary import SummaryScreen
from legtimer.ui.screens.workout import WorkoutScreen
from legtimer.ui.text import plain


class EditorApp(App[None]):
    """Edits one routine file; bundled routines are saved as a copy in the user's folder."""

    CSS_PATH = ["../legtimer.tcss", "editor.tcss"]
    TITLE = "legtimer edit"
    BINDINGS = [Binding("ctrl+q", "quit_editor", "Quit", priority=True, show=False)]

    def __init__(
        self,
        routine: Routine,
        path: Path,
        *,
        bundled: bool,
        user_folder: Path,
        original_text: str = "",
        outfit: Outfit | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.bundled = bundled
        self.user_folder = user_folder
        self.draft = Draft.from_routine(routine)
        self.saved_data = self.draft.data()
        self.warn_comments = has_comments(original_text)
        self.outfit = outfit or Outfit()
        """How tried workouts run: sound, but never the training log or a checkpoint."""
        self.driver: WorkoutDriver | None = None

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the phase colours the shared stylesheet names."""
        variables = super().get_css_variables()
        return {**variables, **phase_variables(variables)}

    def on_mount(self) -> None:
        """Open the editor screen."""
        note = " · bundled and read-only: saving makes your own copy" if self.bundled else ""
        self.push_screen(EditorScreen(self.draft, f"Editing {self.path}{note}"))

    @property
    def editor(self) -> EditorScreen:
        """The editor screen (under any workout or dialog)."""
        for screen in self.screen_stack:
            if isinstance(screen, EditorScreen):
                return screen
        raise LookupError("no editor screen")

    def dirty(self) -> bool:
        """True when the draft differs from what is on disk."""
        return self.draft.data() != self.saved_data

    def save_target(self) -> Path:
        """Where a save goes: the file itself, or a copy in the user's folder for a bundled one."""
        return self.user_folder / self.path.name if self.bundled else self.path

    # ---- save -------------------------------------------------------------------------------

    def action_save(self) -> None:
        """ctrl+s: save, unless something is invalid; warn once that comments will go."""
        editor = self.editor
        editor.revalidate()
        if editor.routine is None:
            first = editor.problems[0]
            self.notify(
                f"Not saved: {len(editor.problems)} problem(s) to fix first. "
                f"{first.where}: {first.message}",
                severity="error",
                markup=False,
            )
            return
        if self.warn_comments:
            question = (
                "This file has comments; the saved file will not keep them "
                "(NAME.toml.bak keeps the old file). Save anyway?"
            )
            self.push_screen(Confirm(question, "save", "cancel"), self._save_confirmed)
            return
        self._save(editor.routine)

    def _save_confirmed(self, yes: bool | None) -> None:
        routine = self.editor.routine
        if yes and routine is not None:
            self.warn_comments = False
            self._save(routine)

    def _save(self, routine: Routine) -> None:
        target = self.save_target()
        try:
            save_routine(routine, target)
        except SaveError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        copied = self.bundled
        self.path, self.bundled = target, False
        self.saved_data = self.draft.data()
        message = f"Saved {target}"
        if copied:
            message += " (bundled routines are read-only: this is your own copy)"
        self.notify(message, markup=False)
        self.editor.query_one("#editor-title", Static).update(plain(f"Editing {target}"))
        self.editor.revalidate()

    # ---- try it -----------------------------------------------------------------------------

    def action_try_it(self) -> None:
        """ctrl+t: run the workout as it stands, without saving."""
        routine = self.editor.routine
        if routine is None:
            self.notify("Fix the problems first, then try it.", severity="error")
            return
        self.driver = self.outfit.driver(compile_plan(routine), self.bell)
        self.push_screen(WorkoutScreen(self.driver))

    def on_workout_ended(self, message: WorkoutEnded) -> None:
        """A tried workout's summary (it is not logged)."""
        self.switch_screen(SummaryScreen(message.ending.summary, recorded=False))

    def on_leave_requested(self, _message: LeaveRequested) -> None:
        """Back from a tried workout (or its summary) to the editor."""
        self._end_try()
        while not isinstance(self.screen, EditorScreen):
            self.pop_screen()

    def _end_try(self) -> None:
        if self.driver is not None:
            self.driver.end("quit")
            self.driver = None

    # ---- quit -------------------------------------------------------------------------------

    def action_quit_editor(self) -> None:
        """escape / ctrl+q: leave, asking first when there are unsaved changes."""
        if not isinstance(self.screen, EditorScreen):
            return
        if self.dirty():
            self.push_screen(
                Confirm("Quit without saving your changes?", "discard and quit", "keep editing"),
                self._quit_confirmed,
            )
            return
        self.exit()

    def _quit_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.exit()

    def on_unmount(self) -> None:
        """No sound outlives the app."""
        self._end_try()
