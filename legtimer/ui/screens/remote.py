"""The phone remote's code on screen: a pane on get-ready, an overlay on `r`; and the load dialog.

The QR code is drawn dark on light whatever the theme (black on white, in the CSS): a phone
reads dark modules on a light ground, and the quiet zone is part of the drawing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from legtimer.ui.text import plain


def url_lines(url: str, width: int) -> str:
    """The URL cut into lines of ``width`` (a URL has no spaces to wrap at)."""
    width = max(1, width)
    return "\n".join(url[i : i + width] for i in range(0, len(url), width))


def qr_text(url: str) -> list[str]:
    """The QR code's lines (segno is imported only when a code is shown)."""
    from legtimer.live.remote.qr import qr_lines

    return qr_lines(url)


class RemoteOverlay(ModalScreen[bool]):
    """`r`: the code and the link at any time; the workout keeps going underneath.

    Dismissed with True when `R` asks to revoke the link (the workout screen does it).
    """

    BINDINGS = [
        Binding("r,escape,q,enter,space", "close", "Close"),
        Binding("R", "revoke", "Revoke"),
    ]

    def __init__(self, url: str, *, revoked: bool = False) -> None:
        super().__init__()
        self.url = url
        self.revoked = revoked
        """Just revoked: the title says the old link no longer works."""

    def compose(self) -> ComposeResult:
        """Title, the code, the link, and how to get back."""
        lines = qr_text(self.url)
        with Vertical(id="dialog"):
            title = "Phone remote: scan, or open the link"
            if self.revoked:
                title = "New link: the old one no longer works"
            yield Static(title, id="question")
            yield Static("\n".join(lines), id="remote-qr", classes="qr", markup=False)
            yield Static(plain(self.url), id="remote-link", markup=False)
            yield Static("r or esc: back to the workout  ·  R: revoke this link", id="answers")

    def action_close(self) -> None:
        """Back to the workout."""
        self.dismiss(False)

    def action_revoke(self) -> None:
        """R: revoke this link (and show the new one)."""
        self.dismiss(True)


class LoadDialog(ModalScreen[str | None]):
    """`l`: today's load of an exercise, as short text ("16 kg", "blue band")."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, exercise: str, load: str) -> None:
        super().__init__()
        self.exercise = exercise
        self.load = load

    def compose(self) -> ComposeResult:
        """The exercise, an input with today's load, and the keys."""
        with Vertical(id="dialog"):
            yield Static(plain(f"Today's load: {self.exercise}"), id="question")
            yield Input(self.load, placeholder="16 kg, blue band ...", id="load-input")
            yield Static("enter: keep it (blank: none)  ·  esc: cancel", id="answers")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: this load from now on."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Leave the load as it was."""
        self.dismiss(None)
