"""A Footer that lets go of the keys it replaces.

Textual 8.2's Footer rebuilds its keys on every ``refresh_bindings()``, and each new FooterKey is
``data_bind``-ed to the Footer's ``compact``. The binding leaves a watcher on the long-lived
Footer that Textual only prunes when ``compact`` itself changes, so every rebuild keeps the old
keys alive (Textual issue #6666: about 28 KB per rebuild). Mutating ``compact`` after each
rebuild runs that pruning; the keys still on screen simply get the same value again.
"""

from __future__ import annotations

from textual.widgets import Footer


class LeanFooter(Footer):
    """Footer whose rebuilds do not accumulate (works around Textual issue #6666)."""

    async def recompose(self) -> None:
        """Rebuild the keys, then drop the watchers the old keys left behind."""
        await super().recompose()
        self.mutate_reactive(Footer.compact)
