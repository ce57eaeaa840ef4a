"""A real phone page in a real browser, driving the real app in a real terminal (loopback only).

The installed `legtimer --remote-bind 127.0.0.1` runs in tmux; Debian's headless chromium at
phone size opens the link the terminal shows, on 127.0.0.1. Set LEGTIMER_DOCS_SCREENSHOT to a
path (docs/remote-phone.png) to keep the phone-size screenshot for the README.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

from tests.alsa_capture import null_audio_home
from tests.browser import Browser
from tests.tmux import LEGTIMER, Terminal, find

ROUTINE = """
[routine]
name = "Phone test"
[defaults]
get_ready = 0
rest_after = 0
[[exercise]]
name = "Wall sit"
duration = "5m"
cue = "Back flat on the wall, knees over ankles."
[[exercise]]
name = "Calf raises"
reps = 12
"""
LEFT = r"(\d+:\d\d) left"
AFTER = 36
"""Seconds the calf raises are planned to take (12 reps x 3 s): the terminal's "left" is the
whole workout's, so it is the wall sit's time left plus these."""


def seconds(clock: str) -> int:
    minutes, secs = clock.split(":")
    return int(minutes) * 60 + int(secs)


URL = re.compile(r"http://127\.0\.0\.1:\d+/\?k=[A-Za-z0-9_-]{22}")


async def same_second(browser: Browser, term: Terminal) -> tuple[str, str]:
    """(page clock, terminal time left) read between two equal page readings (no turnover)."""
    page = terminal = ""
    for _ in range(20):
        before = await browser.evaluate("document.getElementById('clock').textContent")
        terminal = find(LEFT, await asyncio.to_thread(term.screen)) or ""
        page = await browser.evaluate("document.getElementById('clock').textContent")
        if before == page:
            return page, terminal
    return page, terminal


async def test_a_phone_pauses_the_workout_and_shows_what_the_terminal_shows(
    tmp_path: Path,
) -> None:
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "phone.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    term = Terminal(
        tmp_path / "term",
        [LEGTIMER, "--no-keep-awake", "--remote-bind", "127.0.0.1", "--routine", str(routine)],
        env={"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")},
        width=160,
        height=28,  # under 30 rows names are plain text, as the test reads them
    )
    try:
        screen = await asyncio.to_thread(term.wait_for, URL.search, 20.0, "the remote's link")
        match = URL.search(screen)
        assert match is not None
        url = match.group(0)
        async with Browser(tmp_path / "chromium") as browser:
            await browser.phone()
            await browser.open(url)
            await browser.until("document.getElementById('name').textContent === 'Wall sit'")
            assert await browser.evaluate("location.search") == "", "the token left the URL"
            assert await browser.evaluate("window.innerWidth") == 390
            text = await browser.evaluate("document.body.innerText")
            assert "WORK" in text and "HTTPS" in text
            assert "Wall sit" in await asyncio.to_thread(term.screen)
            page, terminal = await same_second(browser, term)
            assert page and terminal, (page, terminal)
            assert seconds(page) + AFTER == seconds(terminal), "the phone shows the same second"

            await browser.until("!document.getElementById('pause').disabled")
            await browser.tap("pause")
            paused = await asyncio.to_thread(term.wait_text, "PAUSED")
            await browser.until("document.getElementById('phase').textContent === 'PAUSED'")
            await browser.until("document.getElementById('pause').textContent === 'Resume'")
            page = await browser.evaluate("document.getElementById('clock').textContent")
            held = find(LEFT, paused)
            assert held and seconds(page) + AFTER == seconds(held), "paused: the same second"
            assert await browser.evaluate("document.getElementById('done').disabled === false")

            shot = Path(os.environ.get("LEGTIMER_DOCS_SCREENSHOT") or tmp_path / "phone.png")
            await browser.screenshot(shot)
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

            await browser.tap("done")
            await asyncio.to_thread(term.wait_text, "Calf raises")
            await browser.until("document.getElementById('name').textContent === 'Calf raises'")
        term.keys("C-q")
        assert await asyncio.to_thread(term.wait_exit) == 0
    finally:
        term.close()


OFFERED = """
[routine]
name = "Phone offer"
[defaults]
get_ready = "5m"
[[exercise]]
name = "Clamshells"
reps = [2, 3]
[[exercise.variant]]
name = "Banded Clamshells"
role = "harder"
reps = [4, 6]
"""
QUESTION = "All sets at 3 last time: try Banded Clamshells?"


async def test_a_phone_says_yes_to_the_harder_variant_the_terminal_offers(tmp_path: Path) -> None:
    from legtimer.storage.trainlog import TrainingLog
    from legtimer.storage.trainlog_records import SetRecord

    home = null_audio_home(tmp_path / "home")
    with TrainingLog.open(home / "lt" / "legtimer.db") as log:
        workout = log.begin_workout("Phone offer", None, 1000.0)
        log.record_set(workout, SetRecord("Clamshells", 1, 1, 1001.0, target_reps=3, reps=3))
        log.end_workout(workout, 1060.0, True, 60.0, 30.0, 30.0)
    routine = tmp_path / "offer.toml"
    routine.write_text(OFFERED, encoding="utf-8")
    command = [LEGTIMER, "--no-keep-awake", "--no-ask", "--remote-bind", "127.0.0.1"]
    term = Terminal(
        tmp_path / "term",
        [*command, "--routine", str(routine)],
        env={"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")},
        width=160,
        height=28,
    )
    try:
        # The link's notice can reach the terminal a frame before the question's panel does.
        asked = f"{QUESTION} y / n"
        screen = await asyncio.to_thread(
            term.wait_for,
            lambda text: URL.search(text) and asked in text,
            20.0,
            "the remote's link and the question",
        )
        match = URL.search(screen)
        assert match is not None
        async with Browser(tmp_path / "chromium") as browser:
            await browser.phone()
            await browser.open(match.group(0))
            await browser.until(f"document.getElementById('question').textContent === {QUESTION!r}")
            assert await browser.evaluate("document.getElementById('ask').hidden") is False
            await browser.until("!document.getElementById('accept').disabled")
            assert await browser.evaluate("document.getElementById('decline').hidden") is False
            assert await browser.evaluate("document.getElementById('keep').hidden") is True
            await browser.tap("accept")
            screen = await asyncio.to_thread(term.wait_text, "4 of 4-6 reps")
            assert f"{QUESTION} y / n" not in screen
            await browser.until("document.getElementById('ask').hidden")
            name = await browser.evaluate("document.getElementById('name').textContent")
            assert name == "Banded Clamshells"
            assert await browser.evaluate("document.getElementById('accept').hidden") is True
        term.keys("C-q")
        assert await asyncio.to_thread(term.wait_exit) == 0
    finally:
        term.close()
    with TrainingLog.open(home / "lt" / "legtimer.db") as log:
        assert log.moving_up().promoted() == {"Clamshells": "Banded Clamshells"}
