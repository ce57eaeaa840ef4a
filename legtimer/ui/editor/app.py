"""`legtimer edit`: the editor app. It saves, runs try-outs and quits when the screen asks."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from legtimer.core.plan import compile_plan
from legtimer.core.routine import Routine
from legtimer.live.driver import WorkoutDriver
from legtimer.live.outfit import Outfit
from legtimer.storage.saving import SaveError, has_comments, save_routine
from legtimer.ui.editor.messages import QuitRequested, RoutineSaved, SaveRequested, TryRequested
from legtimer.ui.editor.screen import EditorScreen
from legtimer.ui.messages import LeaveRequested, WorkoutEnded
from legtimer.ui.phases import phase_variables
from legtimer.ui.screens.dialogs import Confirm
from legtimer.ui.screens.summary import SummaryScreen
from legtimer.ui.screens.workout import WorkoutScreen


class EditorApp(App[None]):
    """Edits one routine file; bundled routines are saved as a copy in the user's folder."""

    CSS_PATH = ["../legtimer.tcss", "editor.tcss"]
    TITLE = "legtimer edit"
    BINDINGS = [Binding("ctrl+q", "screen.quit", "Quit", priority=True, show=False)]
    """ctrl+q asks the screen in front: the editor asks to quit, a tried workout ignores it."""

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
        self.warn_comments = has_comments(original_text)
        self.outfit = outfit or Outfit()
        """How tried workouts run: with sound, never logged or checkpointed."""
        self.driver: WorkoutDriver | None = None
        note = " · bundled and read-only: saving makes your own copy" if bundled else ""
        self.editor = EditorScreen(routine, path, note)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the phase colours the shared stylesheet names."""
        variables = super().get_css_variables()
        return {**variables, **phase_variables(variables)}

    def on_mount(self) -> None:
        """Open the editor screen."""
        self.push_screen(self.editor)

    def save_target(self) -> Path:
        """Where a save goes: the file itself, or a copy in the user's folder for a bundled one."""
        return self.user_folder / self.path.name if self.bundled else self.path

    # ---- save -------------------------------------------------------------------------------

    def on_save_requested(self, message: SaveRequested) -> None:
        """Save a valid routine; warn once that comments will go."""
        if self.warn_comments:
            question = (
                "This file has comments; the saved file will not keep them "
                "(NAME.toml.bak keeps the old file). Save anyway?"
            )

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.warn_comments = False
                    self._save(message.routine)

            self.push_screen(Confirm(question, "save", "cancel"), confirmed)
            return
        self._save(message.routine)

    def _save(self, routine: Routine) -> None:
        target = self.save_target()
        try:
            save_routine(routine, target)
        except SaveError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        copied = self.bundled
        self.path, self.bundled = target, False
        message = f"Saved {target}"
        if copied:
            message += " (bundled routines are read-only: this is your own copy)"
        self.notify(message, markup=False)
        self.editor.post_message(RoutineSaved(target))

    # ---- try it -----------------------------------------------------------------------------

    def on_try_requested(self, message: TryRequested) -> None:
        """Run the workout as it stands, without saving and without logging it."""
        self.driver = self.outfit.driver(compile_plan(message.routine), self.bell)
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

    def on_quit_requested(self, message: QuitRequested) -> None:
        """Leave, asking first when there are unsaved changes."""
        if not message.dirty:
            self.exit()
            return
        self.push_screen(
            Confirm("Quit without saving your changes?", "discard and quit", "keep editing"),
            lambda yes: self.exit() if yes else None,
        )

    def on_unmount(self) -> None:
        """No sound outlives the app."""
        self._end_try()
