"""The remote's pure parts: its locks, what a page is told, and the QR code read back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from legtimer.core.durations import format_clock
from legtimer.live.driver import Command
from legtimer.live.remote.guard import (
    GuessLimit,
    HostCheck,
    Window,
    new_secret,
    same_secret,
    split_host,
)
from legtimer.live.remote.qr import qr_lines
from legtimer.live.remote.snapshot import PAGE_COMMANDS, snapshot
from tests.conftest import ROOT, FakeClock
from tests.remote_helpers import small_driver

PAGE = ROOT / "legtimer" / "live" / "remote" / "page.html"


def test_secrets_are_128_bits_and_new_each_time() -> None:
    secrets = {new_secret() for _ in range(50)}
    assert len(secrets) == 50
    assert all(len(s) == 22 for s in secrets), "16 bytes, URL-safe base64"
    secret = new_secret()
    assert same_secret(secret, secret)
    assert not same_secret(secret[:-1] + ("A" if secret[-1] != "A" else "B"), secret)
    assert not same_secret(None, secret) and not same_secret("", secret)
    assert not same_secret("é" * 22, secret)


def test_host_names_and_ports() -> None:
    assert split_host("192.168.1.5:8080") == ("192.168.1.5", 8080)
    assert split_host("[fe80::1]:81") == ("fe80::1", 81)
    assert split_host("Example.COM") == ("example.com", None)
    assert split_host("a:b") == ("a", -1)
    check = HostCheck(
        ["192.168.1.5"],
    )
    assert check.allows("192.168.1.5:8080", 8080)
    assert check.allows("localhost:8080", 8080) and check.allows("127.0.0.1:8080", 8080)
    assert not check.allows("192.168.1.5:8081", 8080)
    assert not check.allows("192.168.1.6:8080", 8080)
    assert not check.allows("evil.example:8080", 8080)
    assert not check.allows(None, 8080) and not check.allows("192.168.1.5", 8080)
    assert check.allows_origin("http://192.168.1.5:8080", 8080)
    assert not check.allows_origin("https://192.168.1.5:8080", 8080)
    assert not check.allows_origin("http://evil.example:8080", 8080)
    assert not check.allows_origin("null", 8080) and not check.allows_origin(None, 8080)


def test_windows_and_the_guess_limit_forget_after_their_span() -> None:
    clock = FakeClock()
    window = Window(2, 1.0, clock)
    assert window.take() and window.take() and not window.take()
    clock.advance(1.0)
    assert window.take()
    limit = GuessLimit(per_client=2, overall=3, span=60.0, clock=clock)
    limit.wrong("a")
    assert not limit.blocked("a")
    limit.wrong("a")
    assert limit.blocked("a") and not limit.blocked("b")
    limit.wrong("b")
    assert limit.blocked("b") and limit.blocked("c"), "over all, too many guesses block everyone"
    clock.advance(60.0)
    assert not limit.blocked("a") and not limit.blocked("c")


def test_snapshot_follows_the_session_and_its_keys() -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    state = snapshot(driver, wall=1000.0)
    assert state["phase"] == "GET READY" and state["tone"] == "get-ready"
    assert state["name"] == "Clamshells", "get-ready names what comes"
    assert state["clock"] == {
        "mode": "down",
        "seconds": 5.0,
        "text": "0:05",
        "at": 0.0,
        "wall": 1000.0,
    }
    clock.advance(5.5)
    driver.tick()
    state = snapshot(driver, wall=1005.5)
    assert (state["phase"], state["name"], state["set"], state["side"], state["reps"]) == (
        "WORK",
        "Clamshells",
        "Set 1 of 2",
        "Left side",
        "4-5 reps",
    )
    assert state["cue"] == "Knees bent, open the top knee."
    assert state["next"] == "NEXT: Clamshells · set 1 of 2 · right side · 4-5 reps"
    assert state["position"] == "Exercise 1 of 3"
    assert state["clock"]["seconds"] == pytest.approx(9.5)
    assert state["clock"]["text"] == format_clock(driver.session.remaining()) == "0:10"
    for command in PAGE_COMMANDS:
        assert (command.value in state["available"]) == driver.available(command)
    assert "done" in state["available"]
    driver.send(Command.PAUSE)
    state = snapshot(driver, wall=1006.0)
    assert state["phase"] == "PAUSED" and state["paused"] and state["tone"] == "work"
    assert state["clock"]["mode"] == "still"


def test_snapshot_of_a_manual_set_counts_up_and_the_end_offers_nothing() -> None:
    clock = FakeClock()
    driver = small_driver(clock)
    while not driver.session.step.waits_for_user:
        driver.send(Command.SKIP)
    clock.advance(12.4)
    state = snapshot(driver, wall=0.0)
    assert state["name"] == "Squats" and state["reps"] == "10 reps, your pace"
    assert state["clock"]["mode"] == "up" and state["clock"]["text"] == "0:12"
    assert "more_time" not in state["available"] and "done" in state["available"]
    driver.send(Command.DONE)
    state = snapshot(driver, wall=0.0)
    assert state["phase"] == "DONE" and state["finished"] and state["available"] == []
    assert state["name"] == "Small" and state["clock"]["mode"] == "still"


def test_snapshot_asks_what_the_terminal_asks_and_offers_only_its_answers() -> None:
    from tests.test_harder import finish, reach_before_clamshells, start_workout

    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)  # every Clamshells set at the top
    driver = start_workout(clock)
    answers = {"accept_harder", "decline_harder", "move_down"}
    state = snapshot(driver, wall=0.0)
    assert state["question"] == "" and not answers & set(state["available"])
    reach_before_clamshells(driver, clock)
    state = snapshot(driver, wall=0.0)
    assert state["question"] == "All sets at 3 last time: try Banded Clamshells?"
    assert answers & set(state["available"]) == {"accept_harder", "decline_harder"}
    assert driver.send(Command.ACCEPT_HARDER)
    state = snapshot(driver, wall=0.0)
    assert state["question"] == "" and not answers & set(state["available"])
    assert driver.send(Command.VARIANT)  # the plain one again, for today
    state = snapshot(driver, wall=0.0)
    assert state["question"] == "Clamshells today. Back to Clamshells from now on?"
    assert answers & set(state["available"]) == {"move_down"}


def test_the_page_puts_routine_text_in_as_text_only() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert unsafe not in text
    assert "http://" not in text and "https://" not in text, "no CDN, nothing from elsewhere"
    for command in PAGE_COMMANDS:
        assert f'data-command="{command.value}"' in text
    assert " on" + "click=" not in text, "no inline handlers (the CSP would block them)"
    assert "HTTPS" in text, "it says why the phone may sleep"


def decode_qr(lines: list[str], tmp: Path) -> str:
    """Draw block-character lines as a black-on-white image and read it with zbarimg."""
    image = pytest.importorskip("PIL.Image")
    if shutil.which("zbarimg") is None:
        raise RuntimeError("zbarimg is not installed: run `make test` (it installs zbar-tools)")
    scale, pad = 8, 4
    width, height = len(lines[0]), len(lines) * 2
    picture = image.new("L", ((width + 2 * pad) * scale, (height + 2 * pad) * scale), 255)
    halves = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}
    for row, line in enumerate(lines):
        for column, char in enumerate(line):
            for half, dark in enumerate(halves[char]):
                if dark:
                    x, y = (column + pad) * scale, (row * 2 + half + pad) * scale
                    picture.paste(0, (x, y, x + scale, y + scale))
    path = tmp / "qr.png"
    picture.save(path)
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8123/?k=AbCdEfGhIjKlMnOpQrStUv",
        "http://192.168.178.101:45678/?k=" + "x-_9" * 5 + "Zz",
    ],
)
def test_the_qr_code_reads_back_as_the_url(url: str, tmp_path: Path) -> None:
    lines = qr_lines(url)
    assert len({len(line) for line in lines}) == 1
    assert set("".join(lines)) <= {"█", "▀", "▄", " "}
    assert lines[0].strip() == "", "the quiet zone is part of the drawing"
    assert len(lines[0]) <= 40 and len(lines) <= 20, "small enough for the get-ready screen"
    assert decode_qr(lines, tmp_path) == url
