"""The phone remote inside the running app, under Pilot, on 127.0.0.1 only.

A page's command moves the very session the terminal shows, a key pressed at the terminal
reaches the page, and nothing listens once the app has gone.
"""

from __future__ import annotations

import asyncio
import socket
import sys
from typing import Any

import aiohttp
import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from legtimer.audio.sink import SilentSink
from legtimer.live.remote import RemoteWish
from legtimer.live.remote.server import RemoteServer
from legtimer.ui.app import LegtimerApp
from tests.conftest import ROOT, FakeClock
from tests.remote_helpers import LOOPBACK, next_state
from tests.ui_helpers import fake_outfit, small_routine, text_of


def remote_app(remote: bool = True) -> LegtimerApp:
    outfit = fake_outfit(FakeClock(), SilentSink())
    return LegtimerApp(small_routine(), outfit=outfit, remote=RemoteWish(remote, LOOPBACK))


async def remote_of(pilot: Pilot[None], app: LegtimerApp) -> RemoteServer:
    """The app's server once it listens (it starts after the first frame)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while app.remote is None and loop.time() < deadline:
        await pilot.pause(0.02)
    assert app.remote is not None, "the remote never started"
    return app.remote


async def until(pilot: Pilot[None], check: Any, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while not check() and loop.time() < deadline:
        await pilot.pause(0.02)
    assert check(), what


async def test_a_page_command_moves_the_session_and_a_key_reaches_the_page() -> None:
    app = remote_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        server = await remote_of(pilot, app)
        assert server.addresses == [LOOPBACK] and server.url.startswith(f"http://{LOOPBACK}:")
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            assert (await session.get(server.url)).status == 200
            base = f"http://{LOOPBACK}:{server.port}"
            page = await session.ws_connect(base + "/ws", origin=base)
            state = await next_state(page)
            assert state["phase"] == "GET READY" and state["name"] == "Clamshells"
            await page.send_json({"command": "pause", "step": state["step"]})
            await until(pilot, lambda: text_of(app, "phase").strip() == "PAUSED", "PAUSED")
            assert (await next_state(page))["phase"] == "PAUSED"
            await pilot.press("space")
            state = await next_state(page)
            assert state["phase"] == "GET READY" and not state["paused"]
            await pilot.press("n")
            state = await next_state(page)
            assert state["phase"] == "WORK" and state["set"] == "Set 1 of 2"
            await page.close()
    with socket.socket() as probe:
        assert probe.connect_ex((LOOPBACK, server.port)) != 0, "nothing listens after exit"


async def test_the_url_is_shown_and_without_remote_nothing_listens_or_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = remote_app()
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_kw: said.append(str(message)))
    async with app.run_test(size=(160, 30)) as pilot:
        server = await remote_of(pilot, app)
        url = app.screen.query_one("#qr-url", Static)
        await until(pilot, lambda: str(url.render()).replace("\n", "") == server.url, "URL")
        assert app.screen.query_one("#remote").display, "the code on the get-ready screen"
        assert not said, "no notice over the code"
        await pilot.press("n")
        assert not app.screen.query_one("#remote").display, "only on get-ready"
    app = remote_app()
    said.clear()
    monkeypatch.setattr(app, "notify", lambda message, **_kw: said.append(str(message)))
    async with app.run_test(size=(80, 24)) as pilot:
        server = await remote_of(pilot, app)
        await until(pilot, lambda: any(server.url in text for text in said), "a notice")
    app = remote_app(remote=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert app.remote is None


def test_the_app_does_not_load_aiohttp_until_asked() -> None:
    import subprocess

    probe = (
        "import sys\nimport legtimer.ui.app, legtimer.cli.workout, legtimer.live.remote\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'segno')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    probe = (
        "import sys\nimport legtimer.live.remote.server, legtimer.live.clicker\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", "the remote knows nothing of Textual"


async def test_remote_true_in_the_routine_starts_it_without_the_flag() -> None:
    routine = small_routine()
    routine = routine._replace(preferences=routine.preferences._replace(remote=True))
    outfit = fake_outfit(FakeClock(), SilentSink())
    # The flag is off; the bind address still keeps this test on loopback.
    app = LegtimerApp(routine, outfit=outfit, remote=RemoteWish(False, LOOPBACK))
    async with app.run_test(size=(100, 30)) as pilot:
        server = await remote_of(pilot, app)
        assert server.driver is app.driver


def test_remote_is_a_defaults_preference() -> None:
    from legtimer.core.loader import parse_routine

    text = '[routine]\nname = "R"\n[defaults]\nremote = true\n[[exercise]]\nname = "S"\nreps = 5\n'
    assert parse_routine(text).preferences.remote is True
    assert small_routine().preferences.remote is False
