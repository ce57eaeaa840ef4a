"""A fake org.freedesktop.ScreenSaver on a private dbus-daemon, so keep-awake is tested for real.

Run as ``python -m tests.dbus_fake RECORD_FILE [--ready READY_FILE]`` with
DBUS_SESSION_BUS_ADDRESS set: it owns the name org.freedesktop.ScreenSaver, answers
Inhibit(s, s) -> u and UnInhibit(u) on /org/freedesktop/ScreenSaver (the calls wakepy's
keep.presenting makes on Linux, tried before org.gnome.SessionManager), and appends one JSON
line per call to RECORD_FILE. Anything else gets an error reply, so a wrong call shows up.

``private_session_bus(tmp_path)`` starts a dbus-daemon of its own (never the real session or
system bus) and this service on it, and stops both on exit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NAME = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = NAME
ROOT = Path(__file__).resolve().parent.parent

INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="{INTERFACE}">
    <method name="Inhibit">
      <arg type="s" name="application_name" direction="in"/>
      <arg type="s" name="reason_for_inhibit" direction="in"/>
      <arg type="u" name="cookie" direction="out"/>
    </method>
    <method name="UnInhibit">
      <arg type="u" name="cookie" direction="in"/>
    </method>
  </interface>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg type="s" name="xml" direction="out"/></method>
  </interface>
</node>
"""


# ---------------------------------------------------------------- the service (a subprocess)


def serve(record_file: Path, ready_file: Path | None, refuse: bool = False) -> int:
    """Own the name, then answer calls until the bus goes away; ``refuse`` denies every Inhibit
    (as a locked-down desktop would)."""
    from jeepney import HeaderFields, MessageFlag, MessageType, new_error, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4), timeout=5)
    if reply.body != (1,):  # 1: DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER
        print(f"could not own {NAME}: {reply.body}", file=sys.stderr)
        return 1
    if ready_file is not None:
        ready_file.write_text(connection.unique_name, encoding="utf-8")
    print("ready", flush=True)

    next_cookie = 41
    held: set[int] = set()
    with record_file.open("a", encoding="utf-8") as record:

        def write(entry: dict[str, Any]) -> None:
            record.write(json.dumps(entry) + "\n")
            record.flush()

        while True:
            try:
                message = connection.receive()
            except (ConnectionError, OSError, EOFError):
                return 0  # the bus went away: the test is over
            header = message.header
            if header.message_type != MessageType.method_call:
                continue  # signals such as NameAcquired
            fields = header.fields
            member = fields.get(HeaderFields.member)
            interface = fields.get(HeaderFields.interface)
            path = fields.get(HeaderFields.path)
            signature = fields.get(HeaderFields.signature, "")
            sender = fields.get(HeaderFields.sender)
            if path == PATH and interface in (INTERFACE, None) and member == "Inhibit":
                if signature != "ss":
                    answer = new_error(
                        message, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("want (ss)",)
                    )
                elif refuse:
                    write({"call": "Inhibit", "cookie": None, "at": time.time(), "refused": True})
                    answer = new_error(
                        message, "org.freedesktop.DBus.Error.AccessDenied", "s", ("not here",)
                    )
                else:
                    next_cookie += 1
                    held.add(next_cookie)
                    app, reason = message.body
                    write(
                        {
                            "call": "Inhibit",
                            "cookie": next_cookie,
                            "at": time.time(),
                            "app": app,
                            "reason": reason,
                            "sender": sender,
                        }
                    )
                    answer = new_method_return(message, "u", (next_cookie,))
            elif path == PATH and interface in (INTERFACE, None) and member == "UnInhibit":
                cookie = message.body[0] if signature == "u" else None
                known = cookie in held
                held.discard(cookie)
                write(
                    {
                        "call": "UnInhibit",
                        "cookie": cookie,
                        "at": time.time(),
                        "app": None,
                        "reason": None,
                        "sender": sender,
                        "known": known,
                    }
                )
                if known:
                    answer = new_method_return(message)
                else:
                    answer = new_error(
                        message, f"{INTERFACE}.Error.CookieNotFound", "s", (str(cookie),)
                    )
            elif member == "Introspect" and interface in (
                "org.freedesktop.DBus.Introspectable",
                None,
            ):
                answer = new_method_return(message, "s", (INTROSPECTION,))
            elif member == "Ping" and interface in ("org.freedesktop.DBus.Peer", None):
                answer = new_method_return(message)
            else:
                answer = new_error(
                    message,
                    "org.freedesktop.DBus.Error.UnknownMethod",
                    "s",
                    (f"fake ScreenSaver has no {interface}.{member} at {path}",),
                )
            if not header.flags & MessageFlag.no_reply_expected:
                connection.send(answer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_file", type=Path, help="one JSON line per call is appended here")
    parser.add_argument("--ready", type=Path, help="written once the bus name is owned")
    parser.add_argument("--refuse", action="store_true", help="answer Inhibit with AccessDenied")
    args = parser.parse_args(argv)
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
        print("DBUS_SESSION_BUS_ADDRESS is not set", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    return serve(args.record_file, args.ready, args.refuse)


# ---------------------------------------------------------------- the test-side helper

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def wait_for(condition: Callable[[], bool], timeout: float = 2.0, step: float = 0.005) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; True if it held."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)


@dataclass
class PrivateBus:
    """A running private session bus with the fake ScreenSaver on it."""

    address: str
    daemon_pid: int
    record_file: Path
    service: subprocess.Popen[bytes]

    def calls(self) -> list[dict[str, Any]]:
        """Every call the fake has recorded so far, oldest first."""
        if not self.record_file.exists():
            return []
        text = self.record_file.read_text(encoding="utf-8")
        complete = text.split("\n")[:-1]  # a line still being written has no newline yet
        return [json.loads(line) for line in complete if line.strip()]


def _socket_dir(tmp_path: Path) -> tuple[Path, bool]:
    """A directory for the bus socket; a short one in /tmp if tmp_path would pass the
    108-byte limit of a unix socket path. The flag says whether we made it (and remove it)."""
    if len(str(tmp_path / "bus")) < 100:
        return tmp_path, False
    return Path(tempfile.mkdtemp(prefix="lt-bus-")), True


def _stop_pid(pid: int) -> None:
    """TERM the daemon by the pid it printed, then KILL it if it lingers; never raises."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)

    def gone() -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        return state in ("Z", "X")  # a zombie waiting for init counts as gone

    if not wait_for(gone, timeout=1.0):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def private_session_bus(tmp_path: Path, *, refuse: bool = False) -> Iterator[PrivateBus]:
    """Start a dbus-daemon listening on a socket under tmp_path, plus the fake service on it.

    The daemon reads a config of our own (``--session`` would listen in /tmp with a random name);
    this process's environment is left alone: tests set DBUS_SESSION_BUS_ADDRESS themselves.
    """
    socket_dir, made = _socket_dir(tmp_path)
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=socket_dir / "bus"), encoding="utf-8")
    started = subprocess.run(
        [
            "dbus-daemon",
            f"--config-file={config}",
            "--fork",
            "--nopidfile",
            "--print-address=1",
            "--print-pid=1",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    lines = started.stdout.split()
    if started.returncode != 0 or len(lines) < 2:
        raise RuntimeError(f"dbus-daemon did not start: {started.stdout}{started.stderr}")
    address, daemon_pid = lines[0], int(lines[1])
    record_file = tmp_path / "screensaver-calls.jsonl"
    ready_file = tmp_path / "screensaver-ready"
    service_log = tmp_path / "screensaver.log"
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    service: subprocess.Popen[bytes] | None = None
    try:
        with service_log.open("wb") as log:
            service = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.dbus_fake",
                    str(record_file),
                    "--ready",
                    str(ready_file),
                    *(["--refuse"] if refuse else []),
                ],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        running = service
        if not wait_for(lambda: ready_file.exists() or running.poll() is not None, timeout=5):
            raise RuntimeError("the fake ScreenSaver was not ready within 5 s")
        if service.poll() is not None:
            raise RuntimeError(f"the fake ScreenSaver stopped: {service_log.read_text()}")
        yield PrivateBus(address, daemon_pid, record_file, service)
    finally:
        if service is not None and service.poll() is None:
            service.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                service.wait(timeout=2)
        _stop_pid(daemon_pid)
        if made:
            with contextlib.suppress(OSError):
                (socket_dir / "bus").unlink(missing_ok=True)
                socket_dir.rmdir()


if __name__ == "__main__":
    sys.exit(main())
