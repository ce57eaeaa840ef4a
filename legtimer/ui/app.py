"""The Textual application: picks a routine or runs one, and ends cleanly on signals."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from legtimer.audio.sink import CueSink, SilentSink
from legtimer.core.plan import Plan, compile_plan
from legtimer.core.routine import Routine
from legtimer.ui.screens.picker import PickerScreen
from legtimer.ui.screens.workout import WorkoutScreen

CueFactory = Callable[[Plan, Callable[[], None]], CueSink]
"""Builds the sound side for a plan; gets the app's bell for the terminal-bell fallback."""


class LegtimerApp(App[None]):
    """legtimer's screens in one app."""

    CSS_PATH = "legtimer.tcss"
    TITLE = "legtimer"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        routine: Routine | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        cues: CueFactory | None = None,
        autostart: bool = True,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.clock = clock
        self.cue_factory: CueFactory = cues or (lambda _plan, _bell: SilentSink())
        self.autostart = autostart
        self.cues: CueSink | None = None

    def on_mount(self) -> None:
        """Open the routine, or the picker when none was given."""
        self._catch_signals()
        if self.routine is not None:
            self.start_workout(self.routine, replace=False)
        else:
            self.push_screen(PickerScreen())

    def start_workout(self, routine: Routine, replace: bool = True) -> None:
        """Open the workout screen for a routine."""
        if self.cues is not None:
            self.cues.close()
        plan = compile_plan(routine)
        self.cues = self.cue_factory(plan, self.bell)
        screen = WorkoutScreen(plan, self.clock, self.cues, self.autostart)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _catch_signals(self) -> None:
        """SIGTERM and SIGHUP end the app through its normal exit, restoring the terminal."""
        import asyncio

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            # Not on the main thread (tests) or not supported here: leave the default.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.exit, None, 128 + signum)

    def on_unmount(self) -> None:
        """Stop any sound before the process goes."""
        if self.cues is not None:
            self.cues.close()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The workout keys in the command palette too, beside Textual's (theme, quit...)."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, WorkoutScreen):
            for title, help_text, action in (
                ("Pause / resume", "Stop or restart the clock", screen.action_toggle_pause),
                ("Next step", "Skip to the next step", screen.action_skip),
                ("Back", "Restart this step, or go to the previous one", screen.action_back),
                ("Done", "End a set that waits for you", screen.action_done),
                ("Add 10 seconds", "Lengthen this step", screen.action_add_time),
                ("Remove 10 seconds", "Shorten this step", screen.action_remove_time),
                ("Mute / unmute", "Sound off or on", screen.action_mute),
                ("Keys", "Show the key table", screen.action_help),
            ):
                yield SystemCommand(title, help_text, action)
