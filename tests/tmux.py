"""Run a real command in a real terminal: a private tmux server per test (see TESTING.md §3)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

LEGTIMER = str(Path(sys.executable).parent / "legtimer")


class Terminal:
    """A tmux pane running one command; read it with ``screen()``, type with ``keys()``."""

    def __init__(
        self,
        tmp: Path,
        command: list[str],
        env: Mapping[str, str] | None = None,
        width: int = 100,
        height: int = 30,
    ) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed: run `make test` (it installs tmux)")
        tmp.mkdir(parents=True, exist_ok=True)
        self.socket = str(tmp / "tmux.sock")
        conf = tmp / "tmux.conf"
        conf.write_text("set -g remain-on-exit on\nset -g status off\nset -g history-limit 5000\n")
        merged = {
            **os.environ,
            "TERM": "xterm-256color",
            "TEXTUAL_ANIMATIONS": "none",
            "ESCDELAY": "10",
            **(env or {}),
        }
        exports = " ".join(
            f"{k}={shlex.quote(v)}"
            for k, v in merged.items()
            if k
            in {
                "TERM",
                "TEXTUAL_ANIMATIONS",
                "ESCDELAY",
                "HOME",
                "LEGTIMER_HOME",
                "PATH",
                "LANG",
                "LC_ALL",
                "PYTHONPATH",
                "DBUS_SESSION_BUS_ADDRESS",
            }
        )
        # The shell around the command records its exit status in a file: tmux can take a
        # while to notice a dead pane, a file does not.
        self.status_file = tmp / "exit-status"
        shell = (
            f"env {exports} {shlex.join(command)}; echo $? > {shlex.quote(str(self.status_file))}"
        )
        self._tmux(
            "-f",
            str(conf),
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            str(height),
            shell,
            env=merged,
        )

    def _tmux(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        result = subprocess.run(
            ["tmux", "-S", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=dict(env) if env else None,
        )
        return result.stdout

    def screen(self) -> str:
        """What the pane shows now."""
        return self._tmux("capture-pane", "-p")

    def styled_screen(self) -> str:
        """What the pane shows now, with its colour and bold escapes (to see what has focus)."""
        return self._tmux("capture-pane", "-p", "-e")

    def history(self) -> str:
        """Everything the pane printed, scrollback included (a traceback shows here)."""
        return self._tmux("capture-pane", "-p", "-S", "-")

    def keys(self, *keys: str) -> None:
        """Type keys (tmux names: Space, Enter, q ...)."""
        self._tmux("send-keys", *keys)

    def resize(self, width: int, height: int) -> None:
        """Resize the window, as a person dragging the terminal would."""
        self._tmux("resize-window", "-x", str(width), "-y", str(height))

    def exit_status(self) -> int | None:
        """The command's exit status once it has exited (a signal shows as 128 + its number)."""
        try:
            text = self.status_file.read_text().strip()
        except FileNotFoundError:
            return None
        return int(text) if text else None

    def command_pid(self) -> int:
        """The command's own process id (a child of the pane's shell)."""
        shell = self._tmux("display", "-p", "#{pane_pid}").strip()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == shell:
                return int(entry.name)
        raise AssertionError("the command is not running")

    def wait_for(
        self, check: Callable[[str], object], timeout: float = 15.0, what: str = ""
    ) -> str:
        """Poll the screen every 50 ms until ``check(screen)`` is true; fail with the screen.

        A capture can land between two pieces of one frame (a big frame reaches tmux in
        several reads), so a true check counts once a second capture 30 ms later is the
        same screen: a settled frame. A screen that never settles still counts at the end.
        """
        deadline = time.monotonic() + timeout
        text = ""
        unsettled: str | None = None
        while time.monotonic() < deadline:
            text = self.screen()
            if not check(text):
                unsettled = None
                time.sleep(0.05)
                continue
            unsettled = text
            time.sleep(0.03)
            if self.screen() == text:
                return text
        if unsettled is not None:
            return unsettled
        raise AssertionError(f"timed out waiting for {what or check}:\n{text}")

    def wait_text(self, needle: str, timeout: float = 15.0) -> str:
        """Wait until ``needle`` is on screen."""
        return self.wait_for(lambda s: needle in s, timeout, repr(needle))

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the command to exit; its status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(0.05)
        raise AssertionError(f"still running:\n{self.screen()}")

    def quit_workout(self) -> int:
        """q, then y at "y: quit now" (no summary): wait for the exit; its status."""
        self.keys("q")
        self.wait_text("y: quit now")
        self.keys("y")
        return self.wait_exit()

    def close(self) -> None:
        """Kill the private server."""
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True, timeout=20)


def find(pattern: str, text: str) -> str | None:
    """First group of ``pattern`` in ``text``."""
    match = re.search(pattern, text)
    return match.group(1) if match else None


def legtimer_output(env: Mapping[str, str], *args: str) -> str:
    """``legtimer ARGS`` run to its end (outside tmux) with ``env`` over this one: its output."""
    result = subprocess.run(
        [LEGTIMER, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=30,
        check=True,
    )
    return result.stdout
