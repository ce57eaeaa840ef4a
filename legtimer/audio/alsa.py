"""Keep libasound's error lines off the screen.

On failure libasound prints "ALSA lib ..." lines straight to file descriptor 2, which lands on
top of a running Textual screen. A no-op error handler, installed through ctypes in the same
libasound that simpleaudio and the ALSA plugins use, silences them.
"""

from __future__ import annotations

import ctypes
import ctypes.util

_ERROR_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _ignore(_file: bytes, _line: int, _function: bytes, _err: int, _fmt: bytes) -> None:
    return None


_handler = _ERROR_HANDLER(_ignore)
"""Kept at module level: libasound holds the pointer, so the callback must never be freed."""
_installed = False


def silence_alsa_errors() -> bool:
    """Install the no-op handler once; False where there is no libasound (macOS, Windows)."""
    global _installed
    if _installed:
        return True
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        library = ctypes.cdll.LoadLibrary(name)
        library.snd_lib_error_set_handler(_handler)
    except (OSError, AttributeError):
        return False
    _installed = True
    return True
