"""Which addresses the remote shows, and so which Host names it accepts."""

from __future__ import annotations

import contextlib
import socket

from legtimer.live.remote import ALL_INTERFACES

_ROUTE_PROBE = ("192.0.2.1", 9)
"""TEST-NET-1: connecting a UDP socket only asks the kernel for a route; nothing is sent."""


def lan_address() -> str | None:
    """The address other devices on the network reach this laptop by, or None when offline."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_ROUTE_PROBE)
        address = str(probe.getsockname()[0])
        if not address.startswith(("127.", "0.")):
            return address
    return None


def shown_addresses(bind: str) -> list[str]:
    """The addresses to put in the URL: the LAN address when listening everywhere, else ``bind``.

    Args:
        bind: what --remote-bind said ("0.0.0.0" for all interfaces).
    """
    if bind in (ALL_INTERFACES, "", "::"):
        found = lan_address()
        return [found] if found else ["127.0.0.1"]
    return [bind]


def url_host(address: str) -> str:
    """An address as it goes into a URL (IPv6 in brackets)."""
    return f"[{address}]" if ":" in address else address
