"""The remote's web server: one page and one WebSocket, inside the app's own event loop.

It follows the one driver that owns the workout, like the screen does: every change is pushed
to every page at once, and a page's buttons become ``driver.send(command, step=...)``, so a
double tap or two phones never skip twice. Everything that is not the page with its cookie, on
a shown address, is refused (see ``guard``).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import re
import time
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from legtimer.core.events import Event
from legtimer.live.driver import Ending, WorkoutDriver
from legtimer.live.remote.address import shown_addresses, url_host
from legtimer.live.remote.guard import GuessLimit, HostCheck, Window, new_secret, same_secret
from legtimer.live.remote.snapshot import PAGE_COMMANDS, idle_snapshot, snapshot

COOKIE = "legtimer"
MAX_PAGES = 4
MAX_MESSAGE = 512
"""Bytes: a command is about 40; anything much bigger is not from our page."""
COMMANDS_PER_SECOND = 8
"""Per page: far above any tapping finger, far below a script."""
REVOKED = 4001
"""WebSocket close code: access was revoked (the page stops retrying and says so)."""
FULL = 4002
"""WebSocket close code: MAX_PAGES pages are already open."""
_COMMAND_NAMES = {command.value: command for command in PAGE_COMMANDS}


def _page_and_policy() -> tuple[bytes, str]:
    """The page, and a Content-Security-Policy that allows its own inline code and nothing else.

    Hashes of the inline script and style, not 'unsafe-inline': even text that slipped into the
    page could not run. The page is one file, so there is no other 'self' file to allow.
    """
    text = resources.files("legtimer.live.remote").joinpath("page.html").read_text("utf-8")
    hashes = {}
    for tag in ("script", "style"):
        found = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S)
        if found is None:
            raise RuntimeError(f"page.html has no inline <{tag}>")
        digest = hashlib.sha256(found.group(1).encode("utf-8")).digest()
        hashes[tag] = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
    policy = (
        f"default-src 'none'; script-src {hashes['script']}; style-src {hashes['style']}; "
        "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )
    return text.encode("utf-8"), policy


class _Page:
    """One connected page: the newest state waiting for it, and its command allowance."""

    def __init__(self, socket: web.WebSocketResponse, limit: Window) -> None:
        self.socket = socket
        self.limit = limit
        self.latest: str | None = None
        self.ready = asyncio.Event()

    def offer(self, text: str) -> None:
        """Replace whatever was not sent yet: a slow phone gets the newest state, not a queue."""
        self.latest = text
        self.ready.set()

    async def send_forever(self) -> None:
        while True:
            await self.ready.wait()
            self.ready.clear()
            text, self.latest = self.latest, None
            if text is not None:
                await self.socket.send_str(text)


class RemoteServer:
    """The phone remote for one run of the app: start, follow a driver, revoke, stop."""

    def __init__(
        self,
        bind: str = "127.0.0.1",
        port: int = 0,
        *,
        addresses: Sequence[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        """Args:
        bind: where to listen ("0.0.0.0": every interface).
        port: 0 for any free port.
        addresses: the addresses shown in the URL (default: worked out from ``bind``).
        clock: for the rate limits (the workout's own clock is the driver's).
        wall: the wall clock, to anchor the page's countdown.
        """
        self.bind = bind
        self.port = port
        self.addresses = list(addresses) if addresses is not None else shown_addresses(bind)
        self.token = new_secret()
        self._cookie = new_secret()
        self._hosts = HostCheck(self.addresses)
        self._guesses = GuessLimit(clock=clock)
        self._clock = clock
        self._wall = wall
        self._page, self._policy = _page_and_policy()
        self._pages: set[_Page] = set()
        self._runner: web.AppRunner | None = None
        self._push_due = False
        self.driver: WorkoutDriver | None = None
        self.app = self._web_app()
        """The aiohttp application (tests run it under aiohttp's test client)."""

    # ---- life --------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on ``bind``; ``port`` is the one chosen once this returns."""
        runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.bind, self.port, reuse_address=True)
        await site.start()
        self._runner = runner
        bound = runner.addresses
        if bound:
            self.port = int(bound[0][1])

    async def stop(self) -> None:
        """Close every page and stop listening: nothing is left open once this returns."""
        self.follow(None)
        await self._close_pages(WSCloseCode.GOING_AWAY, b"legtimer closed")
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    @property
    def url(self) -> str:
        """What to open on the phone: the first shown address, the port and this run's token."""
        return self.urls[0]

    @property
    def urls(self) -> list[str]:
        """The URL on every shown address."""
        return [f"http://{url_host(a)}:{self.port}/?k={self.token}" for a in self.addresses]

    @property
    def pages(self) -> int:
        """How many pages are connected now."""
        return len(self._pages)

    def revoke(self) -> None:
        """A new token and cookie; every page is disconnected and must scan the new code."""
        self.token = new_secret()
        self._cookie = new_secret()
        asyncio.ensure_future(self._close_pages(REVOKED, b"revoked"))

    async def _close_pages(self, code: int, why: bytes) -> None:
        pages, self._pages = list(self._pages), set()
        await asyncio.gather(
            *(page.socket.close(code=code, message=why) for page in pages), return_exceptions=True
        )

    # ---- following the workout -----------------------------------------------------------

    def follow(self, driver: WorkoutDriver | None) -> None:
        """Show and drive this workout from now on (None: no workout, e.g. the picker)."""
        if self.driver is not None:
            self.driver.unlisten(self)
        self.driver = driver
        if driver is not None:
            driver.listen(self)
        self._push()

    def workout_changed(self, driver: WorkoutDriver, events: Sequence[Event]) -> None:
        """Every change goes to every page (gathered: one push per turn of the loop)."""
        self._push()

    def workout_ended(self, driver: WorkoutDriver, ending: Ending) -> None:
        """The pages show DONE and grey every button."""
        self._push()

    def state(self) -> dict[str, Any]:
        """What the pages show now."""
        if self.driver is None:
            return idle_snapshot()
        return snapshot(self.driver, self._wall())

    def _push(self) -> None:
        if self._push_due or not self._pages:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._push_due = True
        loop.call_soon(self._push_now)

    def _push_now(self) -> None:
        self._push_due = False
        text = json.dumps(self.state())
        for page in self._pages:
            page.offer(text)

    # ---- the web side ----------------------------------------------------------------------

    def _web_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=1024)
        app.router.add_get("/", self._serve_page, allow_head=True)
        app.router.add_get("/ws", self._serve_socket, allow_head=False)
        app.on_response_prepare.append(self._add_headers)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        """Host first (DNS rebinding), then the token exchange, then the cookie: else 403."""
        if not self._hosts.allows(request.host, _local_port(request) or self.port):
            raise web.HTTPForbidden(text="legtimer: this address is not allowed\n")
        if request.path == "/" and "k" in request.query:
            return self._exchange(request)
        if not same_secret(request.cookies.get(COOKIE), self._cookie):
            raise web.HTTPForbidden(text="legtimer: open the link shown on the laptop\n")
        response: web.StreamResponse = await handler(request)
        return response

    def _exchange(self, request: web.Request) -> web.StreamResponse:
        """The token, once per visit, for a cookie and a clean URL (no token in the history)."""
        client = request.remote or "?"
        if self._guesses.blocked(client):
            raise web.HTTPTooManyRequests(text="legtimer: too many wrong links; wait a minute\n")
        if not same_secret(request.query.get("k"), self.token):
            self._guesses.wrong(client)
            raise web.HTTPForbidden(text="legtimer: this link is old; scan the code again\n")
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(COOKIE, self._cookie, httponly=True, samesite="Strict", path="/")
        return response

    async def _add_headers(self, _request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Content-Security-Policy"] = self._policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"

    async def _serve_page(self, _request: web.Request) -> web.Response:
        return web.Response(body=self._page, content_type="text/html", charset="utf-8")

    async def _serve_socket(self, request: web.Request) -> web.StreamResponse:
        """The page's live line: state out, commands in, within the limits."""
        port = _local_port(request) or self.port
        if not self._hosts.allows_origin(request.headers.get("Origin"), port):
            raise web.HTTPForbidden(text="legtimer: foreign page\n")
        socket = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20.0)
        await socket.prepare(request)
        if len(self._pages) >= MAX_PAGES:
            await socket.close(code=FULL, message=b"full")
            return socket
        page = _Page(socket, Window(COMMANDS_PER_SECOND, 1.0, self._clock))
        self._pages.add(page)
        sender = asyncio.ensure_future(page.send_forever())
        page.offer(json.dumps(self.state()))
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT:
                    await socket.close(code=WSCloseCode.UNSUPPORTED_DATA)
                    break
                self._command(page, message.data)
        finally:
            self._pages.discard(page)
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender
        return socket

    def _command(self, page: _Page, text: str) -> None:
        """``{"command": "skip", "step": 7}``: carried out only if step 7 is still the current."""
        try:
            message = json.loads(text)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        command = _COMMAND_NAMES.get(str(message.get("command")))
        step = message.get("step")
        if command is None or not isinstance(step, int) or isinstance(step, bool):
            return
        if not page.limit.take():
            return
        driver = self.driver
        if driver is None or not driver.send(command, step=step):
            # Nothing changed (a stale step, a greyed button): this page still gets the truth.
            page.offer(json.dumps(self.state()))


def _local_port(request: web.Request) -> int | None:
    """The port this connection came in on (the one a Host header must name)."""
    transport = request.transport
    if transport is None:
        return None
    name = transport.get_extra_info("sockname")
    return int(name[1]) if isinstance(name, tuple) and len(name) >= 2 else None
