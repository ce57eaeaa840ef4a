"""KeepAwake against a real dbus-daemon with a fake org.freedesktop.ScreenSaver on it.

Each test gets a private session bus; the developer's own session and system buses are never
touched. Waiting is polling with a deadline, never a fixed sleep.
"""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import wakepy

from legtimer.live.keepawake import KeepAwake
from tests.conftest import ROOT
from tests.dbus_fake import PrivateBus, private_session_bus, wait_for

SCREENSAVER = "org.freedesktop.ScreenSaver"


def _clean_wakepy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """wakepy can be told to fake success or force failure; neither may leak into a test."""
    monkeypatch.delenv("WAKEPY_FAKE_SUCCESS", raising=False)
    monkeypatch.delenv("WAKEPY_FORCE_FAILURE", raising=False)


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    """A private session bus with the fake ScreenSaver, made this process's session bus."""
    _clean_wakepy_env(monkeypatch)
    with private_session_bus(tmp_path) as private:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private.address)
        yield private


def _of(bus: PrivateBus, call: str) -> list[dict[str, Any]]:
    return [entry for entry in bus.calls() if entry["call"] == call]


def _wait_for_count(bus: PrivateBus, call: str, count: int) -> list[dict[str, Any]]:
    """Wait (at most 2 s) until the fake has recorded ``count`` calls of ``call``."""
    assert wait_for(lambda: len(_of(bus, call)) >= count, timeout=2.0), bus.calls()
    return _of(bus, call)


def test_acquire_release_and_reacquire_on_the_fake_screensaver(
    bus: PrivateBus, capfd: pytest.CaptureFixture[str]
) -> None:
    threads_before = threading.active_count()
    keep = KeepAwake()
    assert not keep.held

    keep.acquire()
    [inhibit] = _wait_for_count(bus, "Inhibit", 1)
    assert keep.held
    assert keep.method == SCREENSAVER
    assert keep.problem is None
    assert inhibit["app"] and inhibit["reason"]
    assert threading.active_count() == threads_before  # wakepy starts no thread on Linux

    keep.acquire()  # already held: no second inhibitor
    keep.release()
    [uninhibit] = _wait_for_count(bus, "UnInhibit", 1)
    assert uninhibit["cookie"] == inhibit["cookie"]
    assert uninhibit["known"] is True
    assert uninhibit["sender"] == inhibit["sender"]  # the connection that took it let it go
    assert len(_of(bus, "Inhibit")) == 1
    assert not keep.held
    assert keep.method is None

    keep.acquire()  # after a long pause: resume takes it again
    inhibits = _wait_for_count(bus, "Inhibit", 2)
    assert keep.held
    assert keep.method == SCREENSAVER
    assert inhibits[1]["cookie"] != inhibit["cookie"]

    keep.release()
    keep.release()  # D-Bus calls are synchronous: a second UnInhibit would be recorded by now
    uninhibits = _wait_for_count(bus, "UnInhibit", 2)
    assert len(uninhibits) == 2
    assert uninhibits[1]["cookie"] == inhibits[1]["cookie"]
    assert not keep.held
    assert keep.problem is None
    assert wakepy.modecount() == 0
    assert capfd.readouterr() == ("", "")


def test_release_from_another_thread_and_another_task(
    bus: PrivateBus, capfd: pytest.CaptureFixture[str], recwarn: pytest.WarningsRecorder
) -> None:
    """A Textual worker may take it and an unmount handler let it go: wakepy keeps the mode
    in a ContextVar and warns (and logs) when another thread leaves it."""
    keep = KeepAwake()
    keep.acquire()
    releaser = threading.Thread(target=keep.release)
    releaser.start()
    releaser.join(timeout=2)
    assert not releaser.is_alive()
    [inhibit] = _wait_for_count(bus, "Inhibit", 1)
    [uninhibit] = _wait_for_count(bus, "UnInhibit", 1)
    assert uninhibit["cookie"] == inhibit["cookie"]
    assert keep.problem is None

    async def release() -> None:
        keep.release()

    async def in_separate_tasks() -> None:
        await asyncio.create_task(asyncio.to_thread(keep.acquire))  # a thread worker takes it
        await asyncio.create_task(release())  # another task lets it go

    asyncio.run(in_separate_tasks())
    uninhibits = _wait_for_count(bus, "UnInhibit", 2)
    assert uninhibits[1]["cookie"] == _of(bus, "Inhibit")[1]["cookie"]
    assert not keep.held
    assert keep.problem is None
    assert [str(w.message) for w in recwarn] == []
    assert capfd.readouterr() == ("", "")


QUIET_PROBE = """
import threading
from legtimer.live.keepawake import KeepAwake
keep = KeepAwake()
keep.acquire()
assert keep.held, keep.problem
worker = threading.Thread(target=keep.release)
worker.start()
worker.join()
assert not keep.held and keep.problem is None, keep.problem
"""


def test_nothing_reaches_the_terminal_outside_pytest(bus: PrivateBus) -> None:
    """Under pytest the root logger has handlers; in the app a wakepy WARNING record (e.g. the
    mode left from another thread) would go to stderr through logging's last resort."""
    result = subprocess.run(
        [sys.executable, "-c", QUIET_PROBE], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert [entry["call"] for entry in bus.calls()] == ["Inhibit", "UnInhibit"]


@pytest.mark.parametrize("address", [None, "unix:path=/nonexistent/legtimer-test/bus"])
def test_no_session_bus_is_a_short_problem_and_silent(
    address: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    recwarn: pytest.WarningsRecorder,
) -> None:
    _clean_wakepy_env(monkeypatch)
    if address is None:
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    keep = KeepAwake()
    keep.acquire()
    assert wakepy.modecount() == 0  # the failed mode was left, not kept in wakepy's books
    keep.release()
    assert not keep.held
    assert keep.method is None
    problem = keep.problem
    assert problem is not None
    assert "session bus" in problem
    assert "\n" not in problem and len(problem) <= 100
    assert [str(w.message) for w in recwarn] == []
    assert capfd.readouterr() == ("", "")


def test_a_bus_without_the_service_says_so(
    bus: PrivateBus, capfd: pytest.CaptureFixture[str], recwarn: pytest.WarningsRecorder
) -> None:
    bus.service.kill()
    bus.service.wait(timeout=2)
    keep = KeepAwake()
    keep.acquire()
    assert not keep.held
    assert keep.problem is not None
    assert "screen-saver" in keep.problem
    gc.collect()  # a D-Bus socket the failed try left open would warn now
    assert [str(w.message) for w in recwarn] == []
    assert capfd.readouterr() == ("", "")


def test_a_refusing_desktop_gives_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    _clean_wakepy_env(monkeypatch)
    with private_session_bus(tmp_path, refuse=True) as refusing:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", refusing.address)
        keep = KeepAwake()
        keep.acquire()
        assert [entry.get("refused") for entry in refusing.calls()] == [True]
    assert not keep.held
    assert keep.problem is not None
    assert "AccessDenied" in keep.problem
    assert keep.problem.startswith("screen may dim")
    assert "\n" not in keep.problem and len(keep.problem) <= 100
    assert capfd.readouterr() == ("", "")


def test_disabled_does_nothing(bus: PrivateBus) -> None:
    keep = KeepAwake(enabled=False)
    keep.acquire()  # synchronous: a call it made would already be recorded
    keep.release()
    assert not keep.held
    assert keep.problem is None
    assert keep.method is None
    assert bus.calls() == []


def test_without_wakepy_the_problem_says_so(
    bus: PrivateBus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "wakepy", None)  # makes `import wakepy` raise ImportError
    keep = KeepAwake()
    keep.acquire()
    assert not keep.held
    assert keep.problem is not None
    assert "wakepy" in keep.problem
    assert bus.calls() == []


def test_wakepy_is_imported_only_when_acquiring() -> None:
    probe = (
        "import sys\n"
        "from legtimer.live.keepawake import KeepAwake\n"
        "keep = KeepAwake(enabled=False)\n"
        "keep.acquire()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('wakepy', 'jeepney')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
