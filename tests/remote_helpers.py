"""Helpers for the phone-remote tests: a server on loopback, a cookie, a page's socket."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiohttp.test_utils import TestClient, TestServer

from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.live.driver import WorkoutDriver
from legtimer.live.remote.server import RemoteServer
from tests.conftest import FakeClock
from tests.ui_helpers import SMALL

LOOPBACK = "127.0.0.1"


def small_driver(clock: FakeClock) -> WorkoutDriver:
    """The small routine on a fake clock, started, with no real wake-ups."""
    driver = WorkoutDriver(
        compile_plan(parse_routine(SMALL)), clock=clock, schedule=lambda _d, _f: None
    )
    driver.start()
    return driver


@asynccontextmanager
async def client_for(server: RemoteServer) -> AsyncIterator[TestClient[Any, Any]]:
    """aiohttp's test client for the server's app, listening on loopback only."""
    jar = aiohttp.CookieJar(unsafe=True)  # browsers keep cookies for an IP address; so must we
    client: TestClient[Any, Any] = TestClient(TestServer(server.app, host=LOOPBACK), cookie_jar=jar)
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


async def sign_in(client: TestClient[Any, Any], server: RemoteServer) -> None:
    """Exchange the token for the cookie, as opening the QR code's link does."""
    response = await client.get("/", params={"k": server.token}, allow_redirects=False)
    assert response.status == 303, await response.text()


def origin(client: TestClient[Any, Any]) -> str:
    """Our own page's origin."""
    return f"http://{LOOPBACK}:{client.port}"


async def open_page(client: TestClient[Any, Any]) -> aiohttp.ClientWebSocketResponse:
    """A page's WebSocket (signed in already)."""
    return await client.ws_connect("/ws", origin=origin(client))


async def next_state(socket: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    """The next state pushed to a page (fails after 5 s)."""
    message = await socket.receive(timeout=5.0)
    assert message.type is aiohttp.WSMsgType.TEXT, message
    data: dict[str, Any] = message.json()
    assert data["type"] == "state"
    return data
