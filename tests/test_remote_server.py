"""The phone remote's web server under aiohttp's test client, on 127.0.0.1 only.

A workout must not become a door into the laptop: every refusal the issue lists is proved here.
"""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest
from aiohttp import WSCloseCode, WSMsgType

from legtimer.live.driver import Command
from legtimer.live.remote.server import FULL, MAX_MESSAGE, MAX_PAGES, REVOKED, RemoteServer
from legtimer.storage.paths import log_path
from legtimer.storage.trainlog import TrainingLog
from tests.conftest import FakeClock
from tests.remote_helpers import (
    LOOPBACK,
    client_for,
    next_state,
    open_page,
    origin,
    sign_in,
    small_driver,
)

ROUTES = ["/", "/ws", "/page.html", "/index.html", "/../../etc/passwd", "/static/x.js", "/?k="]


async def test_every_route_and_the_socket_are_403_without_the_cookie() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        for path in ROUTES:
            for method in ("GET", "HEAD", "POST"):
                response = await client.request(method, path, allow_redirects=False)
                assert response.status == 403, (method, path, response.status)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", origin=origin(client))
        assert refused.value.status == 403


async def test_the_token_becomes_a_strict_httponly_cookie_and_a_clean_url() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        response = await client.get("/", params={"k": server.token}, allow_redirects=False)
        assert response.status == 303
        assert response.headers["Location"] == "/", "the token leaves the address bar"
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
        assert "Path=/" in cookie
        assert server.token not in cookie, "the cookie is a second secret, not the token"
        page = await client.get("/")
        assert page.status == 200
        assert page.content_type == "text/html"
        policy = page.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy
        assert "unsafe-inline" not in policy and "http" not in policy
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        for path in ROUTES[2:-1]:
            assert (await client.get(path)).status == 404, f"{path}: no other file is served"


async def test_a_wrong_cookie_is_refused() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        client.session.cookie_jar.update_cookies({"legtimer": "x" * 22})
        assert (await client.get("/")).status == 403


async def test_a_foreign_host_or_origin_is_refused_even_with_the_cookie() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        await sign_in(client, server)
        port = client.port
        assert port is not None
        for host in (f"evil.example:{port}", f"{LOOPBACK}:{port + 1}", LOOPBACK, "", "[::1"):
            response = await client.get("/", headers={"Host": host})
            assert response.status == 403, host
        # DNS rebinding: the attacker's name, whatever address it points to, is never allowed.
        response = await client.get("/", params={"k": server.token}, headers={"Host": "a.evil"})
        assert response.status == 403
        assert (await client.get("/", headers={"Host": f"localhost:{port}"})).status == 200
        for bad in ("http://evil.example", f"http://evil.example:{port}", "null", ""):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect("/ws", origin=bad)
            assert refused.value.status == 403, bad
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await client.ws_connect("/ws", headers={"Origin": ""})
        socket_ = await open_page(client)
        await socket_.close()


async def test_guessing_tokens_is_answered_429_after_five_tries() -> None:
    clock = FakeClock()
    server = RemoteServer(LOOPBACK, clock=clock)
    async with client_for(server) as client:
        answers = [
            (await client.get("/", params={"k": f"guess{n}"}, allow_redirects=False)).status
            for n in range(8)
        ]
        assert answers == [403] * 5 + [429] * 3
        right = await client.get("/", params={"k": server.token}, allow_redirects=False)
        assert right.status == 429, "while limited, no guess is even checked"
        clock.advance(61.0)
        right = await client.get("/", params={"k": server.token}, allow_redirects=False)
        assert right.status == 303


async def test_a_page_gets_the_state_and_its_command_moves_the_session() -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    server = RemoteServer(LOOPBACK)
    server.follow(driver)
    async with client_for(server) as client:
        await sign_in(client, server)
        page = await open_page(client)
        state = await next_state(page)
        assert state["phase"] == "GET READY" and state["step"] == 0
        await page.send_json({"command": "skip", "step": 0})
        state = await next_state(page)
        assert driver.session.index == 1
        assert state["phase"] == "WORK" and state["name"] == "Clamshells"
        # The same tap again (a double tap, or a second phone): meant for step 0, ignored.
        await page.send_json({"command": "skip", "step": 0})
        state = await next_state(page)
        assert driver.session.index == 1 and state["step"] == 1
        await page.close()


async def test_a_page_answers_the_harder_variant_offer_once() -> None:
    from tests.test_harder import finish, reach_before_clamshells, start_workout

    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)
    driver = start_workout(clock)
    reach_before_clamshells(driver, clock)
    server = RemoteServer(LOOPBACK)
    server.follow(driver)
    async with client_for(server) as client:
        await sign_in(client, server)
        page = await open_page(client)
        state = await next_state(page)
        assert state["question"] == "All sets at 3 last time: try Banded Clamshells?"
        step = state["step"]
        await page.send_json({"command": "accept_harder", "step": step})
        state = await next_state(page)
        assert state["question"] == "" and "accept_harder" not in state["available"]
        assert state["step"] == step, "answered, not skipped"
        assert state["next"].startswith("NEXT: Banded Clamshells")
        # A second phone's tap on "Not yet", sent before it heard: nothing is asked any more.
        await page.send_json({"command": "decline_harder", "step": step})
        state = await next_state(page)
        assert state["question"] == "" and driver.session.visit == step
        await page.close()
    with TrainingLog.open(log_path()) as log:
        assert [(a.slot, a.accepted) for a in log.harder_answers()] == [("Clamshells", True)]


async def test_every_page_hears_a_change_made_anywhere() -> None:
    driver = small_driver(FakeClock())
    server = RemoteServer(LOOPBACK)
    server.follow(driver)
    async with client_for(server) as client:
        await sign_in(client, server)
        pages = [await open_page(client) for _ in range(2)]
        for page in pages:
            await next_state(page)
        driver.send(Command.PAUSE)
        for page in pages:
            state = await next_state(page)
            assert state["phase"] == "PAUSED" and state["paused"] is True
            assert state["available"] == ["pause", "skip", "back", "more_time", "less_time"]
        for page in pages:
            await page.close()


async def test_commands_beyond_the_rate_are_dropped() -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    server = RemoteServer(LOOPBACK, clock=clock)
    server.follow(driver)
    async with client_for(server) as client:
        await sign_in(client, server)
        page = await open_page(client)
        await next_state(page)
        before = driver.session.remaining()
        for _ in range(30):
            await page.send_json({"command": "more_time", "step": 0})
        await page.send_json({"command": "nonsense", "step": 0})
        await page.send_str("not json")
        await page.send_json({"command": "skip", "step": True})
        # The page's messages are read in order: once its close is seen, so was the flood.
        await page.close()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        while server.pages and loop.time() < deadline:
            await asyncio.sleep(0.01)
        assert server.pages == 0
        assert driver.session.remaining() - before == pytest.approx(80.0), "8 commands a second"
        assert driver.session.index == 0


async def test_an_oversized_message_closes_the_socket() -> None:
    server = RemoteServer(LOOPBACK)
    server.follow(small_driver(FakeClock()))
    async with client_for(server) as client:
        await sign_in(client, server)
        page = await open_page(client)
        await next_state(page)
        await page.send_str('{"command": "pause", "step": 0, "pad": "' + "x" * MAX_MESSAGE + '"}')
        message = await page.receive(timeout=5.0)
        while message.type is WSMsgType.TEXT:
            message = await page.receive(timeout=5.0)
        assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
        assert page.close_code == WSCloseCode.MESSAGE_TOO_BIG
        assert server.pages == 0


async def test_binary_messages_close_the_socket() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        await sign_in(client, server)
        page = await open_page(client)
        await next_state(page)
        await page.send_bytes(b"\x00\x01")
        message = await page.receive(timeout=5.0)
        assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        assert page.close_code == WSCloseCode.UNSUPPORTED_DATA


async def test_at_most_four_pages() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        await sign_in(client, server)
        pages = [await open_page(client) for _ in range(MAX_PAGES)]
        for page in pages:
            await next_state(page)
        fifth = await open_page(client)
        message = await fifth.receive(timeout=5.0)
        assert message.type is WSMsgType.CLOSE and fifth.close_code == FULL
        assert server.pages == MAX_PAGES
        await pages[0].close()
        deadline = asyncio.get_running_loop().time() + 5
        while server.pages == MAX_PAGES and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)
        again = await open_page(client)
        assert (await next_state(again))["type"] == "state", "a place freed is a place taken"
        for page in (*pages[1:], again):
            await page.close()


async def test_revoke_disconnects_every_page_and_ends_the_old_link_and_cookie() -> None:
    server = RemoteServer(LOOPBACK)
    async with client_for(server) as client:
        await sign_in(client, server)
        old_token = server.token
        pages = [await open_page(client) for _ in range(2)]
        for page in pages:
            await next_state(page)
        server.revoke()
        for page in pages:
            message = await page.receive(timeout=5.0)
            assert message.type is WSMsgType.CLOSE and page.close_code == REVOKED
        assert server.token != old_token and len(server.token) == 22
        assert (await client.get("/")).status == 403, "the old cookie is dead"
        old = await client.get("/", params={"k": old_token}, allow_redirects=False)
        assert old.status == 403, "the old link is dead"
        await sign_in(client, server)
        assert (await client.get("/")).status == 200


async def test_nothing_listens_once_stopped() -> None:
    server = RemoteServer(LOOPBACK)
    await server.start()
    assert server.port > 0
    assert server.url.startswith(f"http://{LOOPBACK}:{server.port}/?k=")
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        response = await session.get(server.url)
        assert response.status == 200 and response.url.query_string == ""
        page = await session.ws_connect(
            f"http://{LOOPBACK}:{server.port}/ws", origin=f"http://{LOOPBACK}:{server.port}"
        )
        await next_state(page)
        await server.stop()
        message = await page.receive(timeout=5.0)
        assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect((LOOPBACK, server.port))
