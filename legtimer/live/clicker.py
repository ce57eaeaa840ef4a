"""Presenter clickers as remotes: what each key a clicker sends means during a workout.

A clicker has a "next" button, a "previous" one, and often start/stop (F5, Shift+F5, Esc) and
"black screen" (``.`` or ``b``). Across a room a press can be a slip, so nothing a clicker sends
skips a set or goes back: "next" says done only where the workout waits for the person, and
every other button pauses or resumes. The table is data so the screen binds every key from it.
"""

from __future__ import annotations

from enum import Enum

from legtimer.live.driver import Command, WorkoutDriver

SLIP_GUARD = 1.0
"""Seconds after a step starts when "next" is ignored: a double press must not end two sets."""


class Intent(Enum):
    """What a clicker button asks for."""

    NEXT = "next"
    """Done, where something waits for the person (a manual set); resume when paused."""
    PAUSE = "pause"
    """Pause or resume."""


CLICKER_KEYS: dict[str, Intent] = {
    "pagedown": Intent.NEXT,
    "right": Intent.NEXT,
    "pageup": Intent.PAUSE,
    "left": Intent.PAUSE,
    "f5": Intent.PAUSE,
    "shift+f5": Intent.PAUSE,
    "escape": Intent.PAUSE,
    "full_stop": Intent.PAUSE,
    "b": Intent.PAUSE,
}
"""Textual key names -> intent: PageDown/Right "next", every other clicker key pause/resume."""


def waits_for_person(driver: WorkoutDriver) -> bool:
    """The step ends when the person says so: a manual set, an AMRAP exercise, or a rest
    until ready whose time has run out."""
    session = driver.session
    return session.step.waits_for_user or session.waiting


def command_for(driver: WorkoutDriver, intent: Intent) -> Command | None:
    """The driver command a clicker intent asks for now, or None for "nothing to do".

    Args:
        driver: the workout.
        intent: what the button asks for.
    """
    session = driver.session
    if not session.live or driver.ending is not None:
        return None
    if intent is Intent.PAUSE or session.paused:
        return Command.PAUSE
    if not waits_for_person(driver) or session.elapsed_in_step() < SLIP_GUARD:
        return None
    return Command.DONE if driver.available(Command.DONE) else None


def press(driver: WorkoutDriver, key: str) -> bool:
    """Carry out clicker ``key`` (a Textual key name); False when it did nothing.

    The screen calls this from one binding per key in ``CLICKER_KEYS``.
    """
    intent = CLICKER_KEYS.get(key)
    if intent is None:
        return False
    command = command_for(driver, intent)
    if command is None:
        return False
    return driver.send(command, step=driver.session.visit)
