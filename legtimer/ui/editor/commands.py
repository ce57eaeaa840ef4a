"""The editor's entries in the command palette (ctrl+p), so every list action has a name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from legtimer.ui.editor.keys import PALETTE


class EditorCommands(Provider):
    """Runs the editor screen's own actions by name (declared with its keys: ``PALETTE``)."""

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for name, help_text, action in PALETTE:
            yield DiscoveryHit(name, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches what is typed."""
        matcher = self.matcher(query)
        for name, help_text, action in PALETTE:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._runner(action), help=help_text)

    def _runner(self, action: str) -> Callable[[], Awaitable[None]]:
        screen = self.screen

        async def run() -> None:
            await screen.run_action(action)

        return run
