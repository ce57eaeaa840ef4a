"""Keeps the screen from dimming or locking while a workout runs, through wakepy.

A workout is watched, not typed at: without this the desktop blanks the countdown after a few
idle minutes. wakepy's ``keep.presenting`` mode does the platform work (on Linux a D-Bus Inhibit
to org.freedesktop.ScreenSaver or org.gnome.SessionManager on the session bus).

The mode is entered and exited by hand rather than wrapped around the app, because a long pause
lets it go and resuming takes it again. Nothing here may raise or write to the terminal while a
Textual screen is up: a screen that dims is a nuisance, a crashed workout is not acceptable.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wakepy import ActivationResult, DBusAdapter, Mode

NO_WAKEPY = "wakepy is not installed, so the screen may dim"
NO_BUS = "no desktop session bus (over SSH or a bare console?)"
NO_SERVICE = "the desktop offers no screen-saver inhibitor on its session bus"
NO_ANSWER = "the desktop's screen-saver service did not answer"
FORCED = "keeping the screen awake is switched off (WAKEPY_FORCE_FAILURE)"
LONGEST = 100


def _short(text: str) -> str:
    """One line, at most LONGEST characters: the problem shows in a status line."""
    line = " ".join(text.split())
    return line if len(line) <= LONGEST else line[: LONGEST - 1] + "…"


def _quiet_wakepy() -> None:
    """Keep wakepy's log records off the terminal the Textual screen owns.

    wakepy logs through ``logging.getLogger("wakepy.*")``; with no handler configured its
    WARNING records (e.g. a mode left from another thread) would reach stderr through logging's
    last-resort handler. Why it failed is kept in ``KeepAwake.problem`` instead.
    """
    logger = logging.getLogger("wakepy")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


class _Attempt:
    """One wakepy mode plus the D-Bus adapters it made, so a failed try can close its socket.

    wakepy is imported here, on first use, not with this module: it costs 15-30 ms of start-up.
    """

    def __init__(self) -> None:
        _quiet_wakepy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Could not detect current platform" on import
            from wakepy import ActivationWarning, keep
            from wakepy.core.mode import NoMethodsWarning, ThreadSafetyWarning
        # wakepy also warns (ActivationWarning, ThreadSafetyWarning when a mode is left from
        # another thread). Filters by its own categories, not a catch_warnings around every
        # call: that is not thread-safe, and acquire/release may run in a worker thread.
        for category in (ActivationWarning, NoMethodsWarning, ThreadSafetyWarning):
            warnings.filterwarnings("ignore", category=category)
        self.adapters: list[DBusAdapter] = []
        # A new Mode each time: a Mode is meant to be entered once, and re-acquiring after a
        # long pause must not depend on wakepy resetting its state.
        self.mode: Mode = keep.presenting(on_fail="pass", dbus_adapter=self._adapter_class())

    def _adapter_class(self) -> type[DBusAdapter] | None:
        """wakepy's jeepney adapter, noting each instance; None (wakepy's default) without jeepney.

        wakepy closes the connection when a mode is left, but not after a failed activation:
        the socket would linger until garbage collection (a ResourceWarning).
        """
        try:
            from wakepy.dbus_adapters.jeepney import JeepneyDBusAdapter
        except ImportError:
            return None
        made = self.adapters

        class NotedAdapter(JeepneyDBusAdapter):
            def __init__(self) -> None:
                super().__init__()
                made.append(self)

        return NotedAdapter

    def close(self) -> None:
        """Close what a failed attempt left open; never raises."""
        for adapter in self.adapters:
            with contextlib.suppress(Exception):
                adapter.close_connections()


def describe_failure(result: ActivationResult) -> str:
    """Turn wakepy's per-method failure reasons into one short line a person can act on."""
    tried = result.list_methods(ignore_platform_fails=True, ignore_unused=True)
    reasons = [item.failure_reason for item in tried if item.success is False]
    if any(item.failure_stage == "WAKEPY_FORCE_FAILURE" for item in tried):
        return FORCED
    if not reasons:
        return "no way to keep the screen awake on this system"
    joined = " ".join(reasons)
    no_bus_signs = (
        "DBUS_SESSION_BUS_ADDRESS",  # jeepney/wakepy: the variable is not set
        "No such file or directory",  # it points at a socket that is gone
        "Connection refused",
        "Could not connect",
    )
    if any(sign in joined for sign in no_bus_signs):
        return NO_BUS
    if all("ServiceUnknown" in reason or "NameHasNoOwner" in reason for reason in reasons):
        return NO_SERVICE
    gists = [_gist(reason) for reason in reasons]
    if not any(gists):  # jeepney's TimeoutError has no message: the service never answered
        return NO_ANSWER
    return _short(f"screen may dim: {next(gist for gist in gists if gist)}")


def _gist(reason: str) -> str:
    """The D-Bus error inside wakepy's 'DBusCallError("DBus call of method ... failed with
    message: ...")' wrapper, or the whole reason when it is not one of those."""
    marker = "failed with message: "
    if marker not in reason:
        return reason.strip()
    return reason.split(marker, 1)[1].removesuffix('")').strip()


class KeepAwake:
    """Holds wakepy's keep.presenting mode while a workout runs; never raises.

    ``acquire`` and ``release`` are idempotent and may be called from any one thread at a time
    (a lock serialises them). Both block for a D-Bus round trip: a few milliseconds normally,
    but up to wakepy's 2 s call timeout per method if the desktop's service hangs.
    """

    def __init__(self, enabled: bool = True) -> None:
        self._enabled = enabled
        self._mode: Mode | None = None
        self._method: str | None = None
        self._problem: str | None = None
        self._lock = threading.Lock()
        # wakepy records the entered mode in a ContextVar and resets it on exit; the reset fails
        # if exit runs in another context (another asyncio task or thread). Entering and exiting
        # inside one Context of our own keeps the pair together wherever they are called from.
        self._context = contextvars.Context()

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def held(self) -> bool:
        """True while the screen is being kept awake."""
        return self._mode is not None

    @property
    def problem(self) -> str | None:
        """One short line why the screen could not be kept awake; None when fine or disabled."""
        return self._problem

    @property
    def method(self) -> str | None:
        """The wakepy method in use while held, e.g. "org.freedesktop.ScreenSaver"."""
        return self._method

    def acquire(self) -> None:
        """Take the inhibitor unless it is held already (or this is disabled)."""
        if not self._enabled:
            return
        with self._lock:
            if self._mode is not None:
                return
            try:
                attempt = _Attempt()
            except ImportError:
                self._problem = NO_WAKEPY
                return
            except Exception as error:
                self._problem = _short(f"wakepy could not start: {error}")
                return
            mode = attempt.mode
            try:
                self._context.run(mode.__enter__)
            except Exception as error:  # wakepy catches method errors; this is a bug guard
                self._problem = _short(f"screen may dim: {error}")
                attempt.close()
                return
            if mode.active:
                self._mode = mode
                self._method = mode.active_method.name if mode.active_method else None
                self._problem = None
                return
            self._problem = describe_failure(mode.result)
            # Leave the failed mode too, so wakepy forgets it (its list of modes in use).
            self._exit(mode)
            attempt.close()

    def release(self) -> None:
        """Let the screen sleep again; does nothing when not held."""
        with self._lock:
            mode, self._mode, self._method = self._mode, None, None
            if mode is not None and not self._exit(mode):
                self._problem = "could not tell the desktop the screen may sleep again"

    def _exit(self, mode: Mode) -> bool:
        """Exit ``mode`` in our context; False if wakepy failed to (e.g. the bus went away)."""
        try:
            self._context.run(mode.__exit__, None, None, None)
        except Exception:
            return False
        return True
