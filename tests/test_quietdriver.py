"""The quiet terminal driver: idle-long input waits, woken at once when input stops.

A pseudo-terminal stands in for the keyboard, so the real input loop runs on a real tty.
"""

from __future__ import annotations

import asyncio
import os
import pty
import sys
import threading
import time
import tty
from typing import Any

import pytest
from textual import events
from textual.message import Message

from legtimer.ui.quietdriver import BUSY_WAIT, IDLE_WAIT, QuietDriver, input_wait


def test_waits_long_only_after_a_quiet_second() -> None:
    assert input_wait(now=10.0, last_input=9.5) == BUSY_WAIT
    assert input_wait(now=10.0, last_input=8.9) == IDLE_WAIT
    assert input_wait(now=10.0, last_input=float("-inf")) == IDLE_WAIT
    assert IDLE_WAIT >= 5 * BUSY_WAIT


class _Recording(QuietDriver):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[Message] = []
        self.got_key = threading.Event()

    def process_message(self, message: Message) -> None:
        self.seen.append(message)
        if isinstance(message, events.Key):
            self.got_key.set()


async def _make_driver() -> _Recording:
    """Textual's drivers are made inside the app's event loop; this loop is only for that."""
    return _Recording(app=None)  # the input loop never touches the app


@pytest.fixture
def tty_driver(monkeypatch: pytest.MonkeyPatch) -> Any:
    master, slave = pty.openpty()
    tty.setraw(slave)  # as Textual's start_application_mode leaves a terminal
    with open(slave, "rb", buffering=0, closefd=False) as fake_stdin:
        monkeypatch.setattr(sys, "__stdin__", fake_stdin)
        driver = asyncio.run(_make_driver())
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    yield master, driver, thread
    driver.exit_event.set()
    thread.join(2)
    driver.close()
    os.close(master)
    os.close(slave)


def test_a_key_arrives_as_a_key_event(tty_driver: Any) -> None:
    master, driver, _thread = tty_driver
    os.write(master, b"p")
    assert driver.got_key.wait(2), driver.seen
    keys = [m.key for m in driver.seen if isinstance(m, events.Key)]
    assert keys == ["p"]


def test_stopping_wakes_an_idle_thread_at_once(tty_driver: Any) -> None:
    _master, driver, thread = tty_driver
    time.sleep(0.05)  # let the thread reach its idle select (a one-second wait)
    started = time.monotonic()
    driver.exit_event.set()
    thread.join(IDLE_WAIT)
    assert not thread.is_alive()
    assert time.monotonic() - started < IDLE_WAIT / 2


def test_a_lone_escape_arrives_after_the_escape_delay_not_the_idle_wait(tty_driver: Any) -> None:
    """Escape is held until the parser's timeout; a key just came, so the thread polls soon."""
    master, driver, _thread = tty_driver
    started = time.monotonic()
    os.write(master, b"\x1b")
    assert driver.got_key.wait(2), driver.seen
    assert time.monotonic() - started < IDLE_WAIT / 2
    assert [m.key for m in driver.seen if isinstance(m, events.Key)] == ["escape"]
