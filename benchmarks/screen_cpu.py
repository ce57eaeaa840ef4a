"""Steady CPU of the workout screen during a countdown, against termdown in the same terminal.

legtimer and termdown each run in a private tmux server at 100x30 and at 160x45, all at once, so
a busy machine weighs on every program alike; CPU is the process's user + system time from /proc
over the same wall window, after the start-up notices have gone. Target: legtimer <= 0.7 x
termdown at each size. Two references run beside them: a paused legtimer, what any Textual app
costs doing nothing (with legtimer's quiet driver, whose input thread sleeps while no key
comes), and a bare Textual app on Textual's stock driver (input polled ten times a second)
showing only legtimer's big clock and one line, both changing every second: what this screen
costs through Textual's usual path. The checkout's own code runs
(PYTHONPATH), not an installed copy.

    python benchmarks/screen_cpu.py [--window SECONDS] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SETTLE = 12.0
"""Seconds before measuring: the first frame, then the notices (8 s) leave."""
SIZES = ((100, 30), (160, 45))
WINDOW = 60.0
ROUNDS = 2
TARGET = 0.7
ROUTINE = """[routine]
name = "Ten minutes"
[defaults]
get_ready = 0
[[exercise]]
name = "Plank"
duration = "20m"
cue = "Hold a straight line from head to heels."
"""


FLOOR = """
from textual.app import App
from legtimer.core.durations import format_clock
from legtimer.ui.screens.workout import clock_rows
from legtimer.ui.widgets.bigclock import BigClock
from legtimer.ui.widgets.line import Line

class Floor(App[None]):
    def compose(self):
        yield BigClock()
        yield Line()

    def on_mount(self):
        self.query_one(BigClock).styles.height = clock_rows(self.size.height)
        self.left = 1200
        self.set_interval(1.0, self.tick)

    def tick(self):
        self.left -= 1
        self.query_one(BigClock).text = format_clock(self.left)
        self.query_one(Line).text = f"{format_clock(1200 - self.left)} elapsed"

Floor().run()
"""
"""A Textual app with legtimer's clock at its height and one line, each changing every second."""


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of ``pid`` and its children, in seconds."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


@dataclass
class Pane:
    """One program in its own tmux server."""

    label: str
    command: list[str]
    size: tuple[int, int]
    expect: str
    keys: tuple[str, ...] = ()
    socket: str = ""
    pid: int = 0

    def start(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = str(socket)
        width, height = self.size
        subprocess.run(
            ["tmux", "-S", self.socket, "-f", "/dev/null", "new-session", "-d"]
            + ["-x", str(width), "-y", str(height), *self.command],
            env=env,
            check=True,
        )
        shown = self._tmux("display", "-p", "#{pane_pid}")
        self.pid = int(shown.strip())

    def press(self) -> None:
        for key in self.keys:
            self._tmux("send-keys", key)

    def check(self) -> None:
        screen = self._tmux("capture-pane", "-p")
        if self.expect not in screen:
            raise RuntimeError(f"{self.label} did not show {self.expect!r}:\n{screen}")

    def stop(self) -> None:
        """End the server and wait for the program to finish writing its checkpoint."""
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
        deadline = time.monotonic() + 5.0
        while self.pid and Path(f"/proc/{self.pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True
        ).stdout


def measure_round(panes: list[Pane], window: float) -> dict[str, float]:
    """Percent of one core each pane's program used over the same ``window`` seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "ten.toml").write_text(ROUTINE)
        root = str(Path(__file__).resolve().parent.parent)
        try:
            for number, pane in enumerate(panes):
                own = home / f"home{number}"  # each legtimer its own checkpoint and log
                own.mkdir()
                env = {
                    **os.environ,
                    "HOME": str(own),
                    "LEGTIMER_HOME": str(own),
                    "PYTHONPATH": root,
                    "TERM": "xterm-256color",
                    "TEXTUAL_ANIMATIONS": "none",
                }
                routine = str(home / "ten.toml")
                pane.command = [part.replace("{routine}", routine) for part in pane.command]
                pane.start(home / f"pane{number}.sock", env)
            time.sleep(SETTLE / 2)
            for pane in panes:
                pane.press()
            time.sleep(SETTLE / 2)
            before = {pane.label: _cpu_seconds(pane.pid) for pane in panes}
            start = time.monotonic()
            time.sleep(window)
            after = {pane.label: _cpu_seconds(pane.pid) for pane in panes}
            took = time.monotonic() - start
            for pane in panes:
                pane.check()
        finally:
            for pane in panes:
                pane.stop()
    return {label: 100.0 * (after[label] - before[label]) / took for label in before}


def main(argv: list[str] | None = None) -> None:
    """Print each size's numbers and ratio, per round and over all rounds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=float, default=WINDOW, help="seconds measured per round")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv if argv is not None else [])
    termdown = shutil.which("termdown") or str(Path(sys.executable).parent / "termdown")
    if shutil.which("tmux") is None or not Path(termdown).exists():
        print("screen CPU: skipped (needs tmux and termdown: pip install termdown)")
        return
    legtimer = str(Path(sys.executable).parent / "legtimer")
    print(
        f"screen CPU during a countdown: legtimer and termdown side by side, "
        f"{args.window:.0f} s x {args.rounds} rounds (% of one core):"
    )
    totals: dict[str, float] = {}
    for round_no in range(1, args.rounds + 1):
        panes: list[Pane] = []
        for width, height in SIZES:
            size = (width, height)
            at = f"{width}x{height}"
            run = [legtimer, "--mute", "--routine", "{routine}"]
            panes += [
                Pane(f"legtimer {at}", run, size, "Ten minutes"),
                Pane(f"termdown {at}", [termdown, "20m"], size, "88"),
                Pane(f"paused {at}", run, size, "PAUSED", keys=("Space",)),
                Pane(f"floor {at}", [sys.executable, "-c", FLOOR], size, "elapsed"),
            ]
        used = measure_round(panes, args.window)
        for label, value in used.items():
            totals[label] = totals.get(label, 0.0) + value
        _report(f"round {round_no}", used)
    if args.rounds > 1:
        _report("all rounds", {label: value / args.rounds for label, value in totals.items()})


def _report(title: str, used: dict[str, float]) -> None:
    print(f"  {title}:")
    for width, height in SIZES:
        at = f"{width}x{height}"
        ours, theirs = used[f"legtimer {at}"], used[f"termdown {at}"]
        idle, floor = used[f"paused {at}"], used[f"floor {at}"]
        ratio = ours / theirs if theirs else float("nan")
        print(
            f"    {at}: legtimer {ours:5.3f}  termdown {theirs:5.3f}  ratio {ratio:4.2f} "
            f"(target <= {TARGET:.2f})   legtimer paused {idle:5.3f}   "
            f"Textual floor {floor:5.3f} ({floor / theirs if theirs else float('nan'):4.2f} x)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
