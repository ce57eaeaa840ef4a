"""The phone remote's QR code in a real terminal, read back from the screen, on loopback only.

The get-ready screen draws the code with block characters and the link beside it; a capture of
the pane, drawn as an image and decoded with zbarimg, must say that very link. `r` shows the
code at any time; `R` revokes the link and the code shown next says the new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from legtimer.live.remote.qr import qr_lines
from tests.alsa_capture import null_audio_home
from tests.test_remote_parts import decode_qr
from tests.tmux import LEGTIMER, Terminal

ROUTINE = """[routine]
name = "Scan me"
[defaults]
get_ready = "60s"
[[exercise]]
name = "Wall sit"
duration = "5m"
"""
URL = re.compile(r"http://127\.0\.0\.1:\d+/\?k=[A-Za-z0-9_-]+")
BLOCKS = set("█▀▄ ")


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    home = null_audio_home(tmp_path / "home")
    routine = tmp_path / "scan.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    command = [LEGTIMER, "--routine", str(routine), "--remote-bind", "127.0.0.1"]
    env = {"HOME": str(home), "LEGTIMER_HOME": str(home / "lt")}
    terminal = Terminal(tmp_path / "t", command, env=env, width=100, height=30)
    try:
        yield terminal
    finally:
        terminal.close()


def pane_of(screen: str) -> tuple[list[str], str]:
    """The get-ready pane's QR rows and the link under them, from inside its border."""
    lines = screen.split("\n")
    top = next(i for i, line in enumerate(lines) if "PHONE REMOTE" in line)
    left, right = lines[top].index("╭"), lines[top].index("╮")
    inside = []
    for line in lines[top + 1 :]:
        if line[left : left + 1] == "╰":
            break
        inside.append(line.ljust(right)[left + 1 : right])
    code = [row for row in inside if set(row) <= BLOCKS]
    link = "".join(row.strip() for row in inside if not set(row) <= BLOCKS)
    return code, link


def overlay_code(screen: str) -> tuple[list[str], str]:
    """The `r` overlay's QR rows (the columns above its link) and the link."""
    lines = screen.split("\n")
    row = next(i for i, line in enumerate(lines) if URL.search(line))
    match = URL.search(lines[row])
    assert match is not None
    url, left = match.group(0), match.start()
    width = len(qr_lines(url)[0])
    title = next(
        i for i, line in enumerate(lines) if "Phone remote: scan" in line or "New link" in line
    )
    code = [line.ljust(left + width)[left : left + width] for line in lines[title + 1 : row]]
    return [c for c in code if set(c) <= BLOCKS], url


def test_the_code_on_get_ready_and_in_the_overlay_decodes_to_the_link_shown(
    term: Terminal, tmp_path: Path
) -> None:
    screen = term.wait_for(lambda s: "PHONE REMOTE" in s and "?k=" in s, what="the code")
    code, link = pane_of(screen)
    assert URL.fullmatch(link), link
    assert len(code) >= 10 and any(set(row) - {" "} for row in code)
    assert decode_qr(code, tmp_path) == link, "the code says the link shown beside it"

    term.keys("n")  # to the work: the pane goes, r brings the code back
    term.wait_for(lambda s: "PHONE REMOTE" not in s and "WORK" in s, what="work, no pane")
    term.keys("r")
    shown = term.wait_text("Phone remote: scan")
    code, url = overlay_code(shown)
    assert url == link and decode_qr(code, tmp_path) == link

    term.keys("R")  # revoke from the overlay: it shows the new link at once
    shown = term.wait_text("New link: the old one no longer works")
    code, url = overlay_code(shown)
    assert url != link and decode_qr(code, tmp_path) == url
    term.keys("Escape")
    term.wait_for(lambda s: "New link" not in s, what="the overlay closed")
    term.keys("R")  # revoke from the workout: a notice
    term.wait_text("Access revoked")
    term.keys("q", "y")
