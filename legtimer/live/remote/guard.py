"""The remote's locks, kept apart from the web server so each can be tested on its own.

A workout must not become a door into the laptop: a secret that changes every run, a Host
allow-list against DNS rebinding, and limits on guessing, on commands and on pages.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable

LOCAL_NAMES = ("localhost", "127.0.0.1")
"""Always allowed as Host: the laptop itself."""


def new_secret() -> str:
    """128 random bits, URL-safe (22 characters): a token or a cookie value."""
    return secrets.token_urlsafe(16)


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so timing tells nothing about how close a guess was."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def split_host(host: str) -> tuple[str, int | None]:
    """("192.168.1.5", 8080) from "192.168.1.5:8080"; brackets come off IPv6 literals."""
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return host, None
        name, rest = host[1:end], host[end + 1 :]
        port_text = rest[1:] if rest.startswith(":") else ""
    elif host.count(":") == 1:
        name, port_text = host.split(":")
    else:
        name, port_text = host, ""
    if not port_text:
        return name, None
    return (name, int(port_text)) if port_text.isdigit() else (name, -1)


class HostCheck:
    """The Host names a request may use (with our port); anything else is refused."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = {name.lower() for name in (*names, *LOCAL_NAMES)}

    def allows(self, host: str | None, port: int) -> bool:
        """True for "ADDRESS:PORT" with a shown address (or localhost) and our ``port``."""
        if not host:
            return False
        name, given = split_host(host)
        return name in self.names and given == port

    def allows_origin(self, origin: str | None, port: int) -> bool:
        """The WebSocket's Origin must be our own page: http://ALLOWED-HOST:PORT."""
        if not origin or not origin.startswith("http://"):
            return False
        return self.allows(origin[len("http://") :], port)


class Window:
    """How many things happened in the last ``span`` seconds (a sliding window)."""

    def __init__(self, limit: int, span: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.span = span
        self.clock = clock
        self._times: deque[float] = deque()

    def full(self) -> bool:
        """True when ``limit`` things already happened within the window."""
        now = self.clock()
        while self._times and self._times[0] <= now - self.span:
            self._times.popleft()
        return len(self._times) >= self.limit

    def add(self) -> None:
        """Count one more."""
        self._times.append(self.clock())

    def take(self) -> bool:
        """Count one more if there is room; False (and nothing counted) when full."""
        if self.full():
            return False
        self.add()
        return True


class GuessLimit:
    """Wrong tokens per client address, and over all: past either, answers are 429."""

    def __init__(
        self,
        per_client: int = 5,
        overall: int = 30,
        span: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_client = per_client
        self._span = span
        self._clock = clock
        self._clients: dict[str, Window] = {}
        self._overall = Window(overall, span, clock)

    def blocked(self, client: str) -> bool:
        """True when this client (or everyone together) guessed wrong too often lately."""
        window = self._clients.get(client)
        return self._overall.full() or (window is not None and window.full())

    def wrong(self, client: str) -> None:
        """Count a wrong token."""
        if len(self._clients) > 1000:
            self._clients.clear()  # a flood of addresses must not grow memory without end
        window = self._clients.setdefault(client, Window(self._per_client, self._span, self._clock))
        window.add()
        self._overall.add()
