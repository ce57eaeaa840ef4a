"""Debian's chromium, headless, driven over its DevTools protocol (TESTING.md §8).

Loopback only: DevTools listens on 127.0.0.1, and the browser is started with the switches that
stop it from calling home (no updates, no sync, no background networking).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
"""A phone held upright (an iPhone 12/13/14's CSS size)."""


def chromium_path() -> str:
    """Debian's browser (`make test` installs it)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("chromium is not installed: run `make test` (it installs chromium)")


class Browser:
    """One headless chromium with one page, spoken to over DevTools."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self._process: subprocess.Popen[str] | None = None
        self._session: aiohttp.ClientSession | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)

    async def __aenter__(self) -> Browser:
        self.profile.mkdir(parents=True, exist_ok=True)
        self._process = subprocess.Popen(
            [
                chromium_path(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        port = await asyncio.wait_for(asyncio.to_thread(self._devtools_port), 30)
        self._session = aiohttp.ClientSession()
        deadline = asyncio.get_running_loop().time() + 15
        target = None
        while target is None:
            async with self._session.get(f"http://127.0.0.1:{port}/json/list") as response:
                pages = [t for t in await response.json() if t.get("type") == "page"]
            if pages:
                target = pages[0]["webSocketDebuggerUrl"]
            elif asyncio.get_running_loop().time() > deadline:
                raise AssertionError("chromium opened no page")
            else:
                await asyncio.sleep(0.05)
        assert target.startswith("ws://127.0.0.1:"), target
        self._socket = await self._session.ws_connect(target, max_msg_size=64 * 1024 * 1024)
        return self

    def _devtools_port(self) -> int:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if found:
                return int(found.group(1))
        raise AssertionError("chromium exited without DevTools")

    async def __aexit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._session is not None:
            await self._session.close()
        if self._process is not None:
            self._process.terminate()
            try:
                await asyncio.to_thread(self._process.wait, 10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                await asyncio.to_thread(self._process.wait, 10)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """One DevTools command; its result (events in between are passed over)."""
        assert self._socket is not None
        ident = next(self._ids)
        await self._socket.send_str(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = await self._socket.receive(timeout=20)
            assert message.type is aiohttp.WSMsgType.TEXT, message
            data = json.loads(message.data)
            if data.get("id") == ident:
                if "error" in data:
                    raise AssertionError(f"{method}: {data['error']}")
                result: dict[str, Any] = data.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def phone(self) -> None:
        """Phone size and touch, before the page opens."""
        await self.call("Emulation.setDeviceMetricsOverride", **PHONE)
        await self.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=1)

    async def open(self, url: str) -> None:
        """Go to ``url`` (the test's own server on 127.0.0.1)."""
        assert url.startswith("http://127.0.0.1:"), "loopback only"
        await self.call("Page.enable")
        await self.call("Page.navigate", url=url)

    async def tap(self, element_id: str) -> None:
        """A finger on the middle of an element: touch start and end at its centre."""
        box = await self.evaluate(
            f"JSON.stringify(document.getElementById({json.dumps(element_id)})"
            ".getBoundingClientRect())"
        )
        rect = json.loads(box)
        point = {"x": rect["x"] + rect["width"] / 2, "y": rect["y"] + rect["height"] / 2}
        await self.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=[point])
        await self.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])

    async def until(self, expression: str, timeout: float = 10.0) -> Any:
        """Poll a JavaScript expression every 50 ms until it is truthy; its value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        value = None
        while loop.time() < deadline:
            try:
                value = await self.evaluate(expression)
            except AssertionError as error:  # the page is still loading: no such element yet
                value = str(error)
            else:
                if value:
                    return value
            await asyncio.sleep(0.05)
        text = await self.evaluate("document.body.innerText")
        raise AssertionError(f"timed out waiting for {expression} (last {value!r}):\n{text}")

    async def screenshot(self, path: Path) -> None:
        """The page as a PNG."""
        shot = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
