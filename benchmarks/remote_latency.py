"""Phone remote: how long from a page's command (or a key) to the update on every page.

Loopback only: the server listens on 127.0.0.1 and two pages connect there. Each round toggles
pause, from a page (the command goes over its WebSocket) or as a key would (``driver.send`` in
the loop), and times the arrival of the new state at both pages. The issue asks for 100 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import time

import aiohttp

from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.remote.server import RemoteServer

ROUTINE = '[routine]\nname = "Bench"\n[[exercise]]\nname = "Plank"\nduration = "1h"\n'
ROUNDS = 200
TIME_LIMIT = 30.0
"""Seconds: the loop stops early rather than run long on a very slow machine."""


async def _until_paused(page: aiohttp.ClientWebSocketResponse, paused: bool) -> float:
    while True:
        message = await page.receive(timeout=5.0)
        state = message.json()
        if state.get("paused") is paused:
            return time.perf_counter()


async def _run() -> tuple[list[float], list[float]]:
    driver = WorkoutDriver(compile_plan(parse_routine(ROUTINE)))
    server = RemoteServer("127.0.0.1")
    await server.start()
    server.follow(driver)
    driver.start()
    base = f"http://127.0.0.1:{server.port}"
    from_page: list[float] = []
    from_key: list[float] = []
    jar = aiohttp.CookieJar(unsafe=True)
    try:
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            await session.get(server.url)
            pages = [await session.ws_connect(base + "/ws", origin=base) for _ in range(2)]
            for page in pages:
                await page.receive(timeout=5.0)
            stop_at = time.perf_counter() + TIME_LIMIT
            for round_no in range(ROUNDS):
                if time.perf_counter() > stop_at:
                    break
                paused = not driver.session.paused
                start = time.perf_counter()
                if round_no % 2:
                    driver.send(Command.PAUSE)
                    took = from_key
                else:
                    await pages[0].send_json({"command": "pause", "step": driver.session.index})
                    took = from_page
                arrived = await asyncio.gather(*(_until_paused(p, paused) for p in pages))
                took.append(max(arrived) - start)
                await asyncio.sleep(0.13)  # under 8 commands a second, as a person taps
            for page in pages:
                await page.close()
    finally:
        await server.stop()
        driver.end("quit")
    return from_page, from_key


def main() -> None:
    """Print median and p95 of command -> update on every page."""
    from_page, from_key = asyncio.run(_run())
    for label, times in (("page command", from_page), ("key press", from_key)):
        ms = sorted(t * 1000 for t in times)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        print(
            f"remote: {label} -> update on 2 pages   median {statistics.median(ms):6.2f} ms   "
            f"p95 {p95:6.2f} ms   ({len(ms)} rounds, loopback; target < 100 ms)"
        )


if __name__ == "__main__":
    main()
