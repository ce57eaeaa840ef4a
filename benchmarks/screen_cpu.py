"""Steady CPU of the workout screen during a countdown, against termdown in the same terminal.

Both run in a private tmux server at 100x30 and at 160x45, for the same window after a settle
time; CPU is read from /proc (user + system ticks of the process). Target: legtimer <= 0.7 x
termdown at each size. The checkout's own code runs (PYTHONPATH), not an installed copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SETTLE = 3.0
SIZES = ((100, 30), (160, 45))
WINDOW = 20.0
ROUTINE = """[routine]
name = "Ten minutes"
[defaults]
get_ready = 0
[[exercise]]
name = "Plank"
duration = "10m"
cue = "Hold a straight line from head to heels."
"""


def _cpu_seconds(pid: int) -> float:
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


def measure(
    command: list[str], env: dict[str, str], expect: str, size: tuple[int, int] = (100, 30)
) -> float:
    """Percent of one core used by ``command`` in a tmux pane of ``size``, after settling."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = str(Path(tmp) / "sock")
        full_env = {**os.environ, **env, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
        subprocess.run(
            [
                "tmux",
                "-S",
                sock,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                str(size[0]),
                "-y",
                str(size[1]),
                *command,
            ],
            env=full_env,
            check=True,
        )
        try:
            pid = int(
                subprocess.run(
                    ["tmux", "-S", sock, "display", "-p", "#{pane_pid}"],
                    capture_output=True,
                    text=True,
                ).stdout.strip()
            )
            time.sleep(SETTLE)
            start_cpu, start = _cpu_seconds(pid), time.monotonic()
            time.sleep(WINDOW)
            used = _cpu_seconds(pid) - start_cpu
            took = time.monotonic() - start
            screen = subprocess.run(
                ["tmux", "-S", sock, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            if expect not in screen:
                raise RuntimeError(f"{command[0]} did not show {expect!r}:\n{screen}")
            return 100.0 * used / took
        finally:
            subprocess.run(["tmux", "-S", sock, "kill-server"], capture_output=True)


def main() -> None:
    """Print both numbers and the ratio."""
    termdown = shutil.which("termdown") or str(Path(sys.executable).parent / "termdown")
    if shutil.which("tmux") is None or not Path(termdown).exists():
        print("screen CPU: skipped (needs tmux and termdown: pip install termdown)")
        return
    legtimer = str(Path(sys.executable).parent / "legtimer")
    root = str(Path(__file__).resolve().parent.parent)
    print(f"screen CPU during a countdown, {WINDOW:.0f} s per program and size:")
    for size in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            routine = Path(tmp) / "ten.toml"
            routine.write_text(ROUTINE)
            env = {"HOME": tmp, "LEGTIMER_HOME": tmp, "PYTHONPATH": root}
            ours = measure(
                [legtimer, "--mute", "--routine", str(routine)], env, "Ten minutes", size
            )
            theirs = measure([termdown, "10m"], env, "88", size)
        ratio = ours / theirs if theirs else float("nan")
        print(
            f"  {size[0]}x{size[1]}: legtimer {ours:5.2f} % of a core   termdown {theirs:5.2f} %"
            f"   ratio {ratio:.2f} (target <= 0.70)"
        )


if __name__ == "__main__":
    main()
