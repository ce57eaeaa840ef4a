"""The Textual application: picks a routine or runs one, and ends cleanly on signals.

It owns the workout's driver (built by the outfit), shows the screens the driver's story calls
for, and makes sure every ending reaches the driver's listeners: finished, quit, ctrl+q, a
closed terminal (SIGHUP), SIGTERM, or an internal error.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from textual import constants
from textual.app import App, SystemCommand
from textual.driver import Driver
from textual.screen import Screen

from legtimer.core.compare import against_last_time
from legtimer.core.harder import MovingUp
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.core.today import asked_equipment, missing_items, variant_equipment
from legtimer.live.driver import WorkoutDriver
from legtimer.live.logbook import Logbook
from legtimer.live.outfit import Outfit
from legtimer.live.remote import RemoteWish
from legtimer.live.resume import ResumeOffer
from legtimer.live.variants import Gear, TodaysChoices
from legtimer.ui.keys import WORKOUT_KEYS, split_action
from legtimer.ui.messages import EquipmentAnswered, LeaveRequested, RoutineChosen, WorkoutEnded
from legtimer.ui.phases import phase_variables
from legtimer.ui.screens.equipment import EquipmentQuestion
from legtimer.ui.screens.picker import PickerScreen
from legtimer.ui.screens.resume import ResumeChoice, ResumePrompt
from legtimer.ui.screens.summary import SummaryScreen
from legtimer.ui.screens.workout import WorkoutScreen

if TYPE_CHECKING:
    from legtimer.live.remote.server import RemoteServer

TargetsFor = Callable[[Routine, int | None], Mapping[str, Target] | None]
"""Today's rep targets for a routine (leaving out the workout a resume continues), or None."""

MovingUpFor = Callable[[], MovingUp]
"""What the training log says of harder variants: promotions, and recent no's."""


class LegtimerApp(App[None]):
    """legtimer's screens in one app."""

    CSS_PATH = "legtimer.tcss"
    TITLE = "legtimer"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        routine: Routine | None = None,
        *,
        outfit: Outfit | None = None,
        offer: ResumeOffer | None = None,
        resume_now: bool = False,
        remote: RemoteWish | None = None,
        flash: bool = False,
        targets: TargetsFor | None = None,
        gear: Gear | None = None,
        moving_up: MovingUpFor | None = None,
    ) -> None:
        super().__init__()
        self.moving_up = moving_up
        """Where promotions to harder variants come from (the training log); None: none."""
        self.gear = gear or Gear()
        """How today's missing equipment is learnt (--without, asked once, remembered)."""
        self.targets = targets
        """Where today's targets come from (the training log); None paces each range's top."""
        self.flash = flash
        """--flash: flash the screen at each transition (a routine's [defaults] can ask too)."""
        self.remote_wish = remote or RemoteWish()
        self.remote: RemoteServer | None = None
        """The phone remote once it listens (--remote, or remote = true in the routine)."""
        self._first_frame_shown = False
        self._remote_asked = False
        self.routine = routine
        self.outfit = outfit or Outfit()
        self.offer = offer
        self.resume_now = resume_now
        self.driver: WorkoutDriver | None = None

    def get_driver_class(self) -> type[Driver]:
        """Textual's terminal driver, with an input thread that sleeps when nobody types."""
        if constants.DRIVER is None and sys.platform != "win32":
            from legtimer.ui.quietdriver import QuietDriver

            return QuietDriver
        return super().get_driver_class()

    def on_mount(self) -> None:
        """Offer to resume, open the routine, or the picker when none was given."""
        self._catch_signals()
        offer = self.offer
        if offer is not None and self.resume_now and offer.resume is not None:
            self.start_workout(offer.routine, offer)
        elif offer is not None:
            self.push_screen(
                ResumePrompt(offer.question, can_resume=offer.resume is not None),
                self._resume_answered,
            )
        else:
            self._open()

    def _open(self) -> None:
        if self.routine is not None:
            self.start_workout(self.routine)
        else:
            self.push_screen(PickerScreen())

    def _resume_answered(self, choice: ResumeChoice | None) -> None:
        offer = self.offer
        if choice is ResumeChoice.RESUME and offer is not None:
            self.start_workout(offer.routine, offer)
        elif choice is ResumeChoice.START_OVER and offer is not None:
            self.start_workout(offer.routine)
        else:
            self.exit()

    def start_workout(self, routine: Routine, offer: ResumeOffer | None = None) -> None:
        """Ask what equipment is missing (once), then build the driver and show the workout."""
        self._end_workout("closed")
        missing, ask = self._missing(routine, offer)
        if ask:
            self.push_screen(
                EquipmentQuestion(
                    routine.equipment, missing, for_variants=variant_equipment(routine)
                ),
                lambda answer: self._equipment_answered(routine, answer),
            )
            return
        self._launch(routine, offer, missing)

    def _missing(self, routine: Routine, offer: ResumeOffer | None) -> tuple[tuple[str, ...], bool]:
        """Today's missing items, and whether to ask first."""
        gear = self.gear
        if gear.without is not None:
            return missing_items(routine, gear.without), False
        if not gear.remember:
            return (), False
        from legtimer.storage.equipment import load_answers

        answers = load_answers()
        # Asked only where an answer can change something: an exercise with variants.
        ask = (
            gear.ask
            and offer is None
            and routine.has_variants
            and bool(answers.unasked(asked_equipment(routine)))
        )
        return answers.missing_of(asked_equipment(routine)), ask

    def _equipment_answered(self, routine: Routine, missing: tuple[str, ...] | None) -> None:
        if missing is None:
            self.exit()
            return
        if self.gear.remember:
            from legtimer.storage.equipment import load_answers, save_answers

            save_answers(load_answers().answered(asked_equipment(routine), missing))
        self._launch(routine, None, missing)

    def _launch(
        self, routine: Routine, offer: ResumeOffer | None, missing: tuple[str, ...]
    ) -> None:
        resumed = offer.resumed.workout_id if offer else None
        hook = self.targets

        def targets(today: Routine) -> Mapping[str, Target] | None:
            return None if hook is None else hook(today, resumed)

        chooser = TodaysChoices(
            routine,
            missing,
            self.moving_up() if self.moving_up is not None else MovingUp(),
            targets=targets,
        )
        if routine.has_variants and asked_equipment(routine) and offer is None:
            chooser.suffix = " · e to change"
        plan = chooser.plan()
        with_variants = chooser if routine.has_variants else None
        if offer is not None:
            driver = self.outfit.driver(
                plan, self.bell, offer.resume, offer.resumed, chooser=with_variants
            )
        else:
            driver = self.outfit.driver(plan, self.bell, chooser=with_variants)
        self.driver = driver
        if self.remote is not None:
            self.remote.follow(driver)
        elif self._first_frame_shown:
            self._open_remote()
        screen = WorkoutScreen(driver, flash=self.flash or routine.preferences.flash)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # ---- the phone remote ---------------------------------------------------------------------

    def on_ready(self) -> None:
        """After the first frame: the phone remote, if asked for (aiohttp is imported only now)."""
        self._first_frame_shown = True
        self._open_remote()

    def _open_remote(self) -> None:
        routine = self.driver.plan.routine if self.driver is not None else self.routine
        wanted = self.remote_wish.wanted or (routine is not None and routine.preferences.remote)
        if wanted and not self._remote_asked:
            self._remote_asked = True
            self.run_worker(self._start_remote(), group="remote", exclusive=True)

    async def _start_remote(self) -> None:
        from legtimer.live.remote.server import RemoteServer

        wish = self.remote_wish
        server = RemoteServer(wish.bind, wish.port)
        try:
            await server.start()
        except OSError as exc:
            self.notify(
                f"Phone remote: cannot listen on {wish.bind}: {exc.strerror or exc}",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.remote = server
        server.follow(self.driver)
        shown = [s.remote_changed() for s in self.screen_stack if isinstance(s, WorkoutScreen)]
        if not any(shown):
            # No code on screen (no workout yet, or too small a terminal): say the link.
            self.notify(
                f"{server.url}  (r shows its code)",
                title="Phone remote: open",
                timeout=30,
                markup=False,
            )

    # ---- what screens hand up -----------------------------------------------------------------

    def on_routine_chosen(self, message: RoutineChosen) -> None:
        """The picker's choice."""
        self.start_workout(message.routine)

    def on_workout_ended(self, message: WorkoutEnded) -> None:
        """The summary follows every ending the person asked to see."""
        self.switch_screen(
            SummaryScreen(message.ending.summary, message.recorded, self._against_last_time())
        )

    def _against_last_time(self) -> list[str]:
        """Today's reps against last time's, when the plan had targets and the log followed."""
        driver = self.driver
        logbook = None if driver is None else driver.listener(Logbook)
        if driver is None or logbook is None or not driver.plan.targets:
            return []
        last = {name: list(target.last) for name, target in driver.plan.targets}
        today: dict[str, list[int]] = {}
        for record in logbook.today:
            if record.reps is not None and not record.skipped:
                today.setdefault(record.done_exercise, []).append(record.reps)
        return against_last_time(driver.plan.routine, last, today)

    def on_equipment_answered(self, message: EquipmentAnswered) -> None:
        """``e`` on the get-ready: remember the new answers (unless --without said today's)."""
        if self.gear.remember and self.gear.without is None:
            from legtimer.storage.equipment import load_answers, save_answers

            save_answers(load_answers().answered(message.items, message.missing))

    def on_leave_requested(self, _message: LeaveRequested) -> None:
        """Done with the workout: leave the app."""
        self.exit()

    # ---- endings ----------------------------------------------------------------------------

    def _end_workout(self, how: str) -> None:
        if self.driver is not None:
            self.driver.end(how)

    def _catch_signals(self) -> None:
        """SIGTERM and SIGHUP end the app through its normal exit, restoring the terminal."""
        import asyncio

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            # Not on the main thread (tests) or not supported here: leave the default.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._signalled, signum)

    def _signalled(self, signum: int) -> None:
        self._end_workout("closed")
        if signum == signal.SIGHUP:
            _exit_soon(128 + signum)
        self.exit(return_code=128 + signum)

    async def on_unmount(self) -> None:
        """ctrl+q, a signal, an error: the workout still ends properly (logged, resumable), and
        the phone remote stops listening."""
        self._end_workout("closed")
        if self.remote is not None:
            remote, self.remote = self.remote, None
            await remote.stop()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the phase colours worked out from them (ui/phases)."""
        variables = super().get_css_variables()
        return {**variables, **phase_variables(variables)}

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The workout keys in the command palette too, beside Textual's (theme, quit...)."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, WorkoutScreen):
            for binding in WORKOUT_KEYS:
                action = binding.action
                if screen.check_action(*split_action(action)) is False:
                    continue  # the label twin that does not apply now (Resume while running)

                def run(action: str = action) -> None:
                    self.call_next(screen.run_action, action)

                yield SystemCommand(binding.description, binding.tooltip, run)


HANG_UP_GRACE = 3.0
"""Seconds a closed terminal's app has to exit normally before it is ended outright."""


def _exit_soon(code: int) -> None:
    """End the process if its normal exit stalls: after a hang-up Textual's exit may wait
    forever to restore a terminal that no longer exists, leaving legtimer running unseen.
    The workout is already logged and its place kept (both on disk, fsynced)."""
    timer = threading.Timer(HANG_UP_GRACE, os._exit, args=(code,))
    timer.daemon = True
    timer.start()
