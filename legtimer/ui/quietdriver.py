"""A terminal driver whose input thread sleeps while nobody touches the keyboard.

Why: Textual's ``LinuxDriver`` wakes its input thread ten times a second even when no key
comes (``select`` with a 0.1 s timeout), about 0.1 % of a core: a quarter of what a steady
countdown costs, for a person who is across the room. Here the thread waits up to a second
once no key has come for a second, and a self-pipe wakes it the moment input is disabled
(quit, suspend), so nothing gets slower to stop. While keys are coming it polls as Textual
does, so a lone Escape still arrives after Textual's escape delay.

The loop mirrors ``textual.drivers.linux_driver.LinuxDriver.run_input_thread`` (Textual 8.2,
pinned below 9 in pyproject.toml); every real-terminal test goes through it.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import threading
import time
from codecs import getincrementaldecoder
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

BUSY_WAIT = 0.1
"""Seconds between input checks while keys are coming (Textual's own interval)."""

IDLE_WAIT = 1.0
"""Seconds between input checks once no key has come for ``IDLE_AFTER``."""

IDLE_AFTER = 1.0


def input_wait(now: float, last_input: float) -> float:
    """How long the input thread may sleep: short while typing, long when idle."""
    return BUSY_WAIT if now - last_input < IDLE_AFTER else IDLE_WAIT


class _WakingEvent(threading.Event):
    """The driver's exit event; setting it also wakes the sleeping input thread."""

    def __init__(self, wake_fd: int) -> None:
        super().__init__()
        self._wake_fd = wake_fd

    def set(self) -> None:
        super().set()
        with contextlib.suppress(OSError):  # the pipe is full (already woken) or closed
            os.write(self._wake_fd, b"!")


class QuietDriver(LinuxDriver):
    """``LinuxDriver`` with an input thread that sleeps when idle (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)
        os.set_blocking(self._wake_read, False)
        self.exit_event = _WakingEvent(self._wake_write)

    def close(self) -> None:
        super().close()
        for fd in (self._wake_read, self._wake_write):
            with contextlib.suppress(OSError):
                os.close(fd)

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual's loop, with an idle-long wait)."""
        from textual._loop import loop_last
        from textual._xterm_parser import XTermParser

        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        last_input = float("-inf")  # idle until the first key

        def process(events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> bool:
            """Dispatch what came; False once the input has ended (no key can ever come)."""
            nonlocal last_input
            ended = False
            for last, (key, mask) in loop_last(events):
                if key.fd == self._wake_read:
                    _drain(self._wake_read)
                    continue
                if mask & selectors.EVENT_READ:
                    try:
                        raw = os.read(self.fileno, 1024 * 4)
                    except OSError:  # the terminal is gone (EIO after a hang-up)
                        raw = b""
                    if not raw:  # at its end: stop (never spin on it)
                        ended = True
                        break
                    data = decode(raw, final=final and last)
                    last_input = time.monotonic()
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)
            return not ended

        try:
            while not self.exit_event.is_set():
                if not process(selector.select(input_wait(time.monotonic(), last_input))):
                    break
            selector.unregister(self.fileno)
            process(selector.select(BUSY_WAIT), final=True)
        finally:
            selector.close()


def _drain(fd: int) -> None:
    with contextlib.suppress(BlockingIOError):
        while os.read(fd, 64):
            pass
