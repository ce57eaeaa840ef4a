"""The editor's entries in the command palette (ctrl+p), so every list action has a name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

EDITOR_COMMANDS = (
    ("Add warm-up", "a new warm-up entry at the end of the warm-up", "add_section('warmup')"),
    ("Add exercise", "a new exercise at the end of the main block", "add_section('exercise')"),
    ("Add cool-down", "a new cool-down entry at the end", "add_section('cooldown')"),
    ("Copy entry", "a copy of the selected entry after it", "duplicate_item"),
    ("Delete entry", "remove the selected entry (ctrl+z brings it back)", "delete_item"),
    ("Undo", "undo the last change", "undo"),
    ("Redo", "redo what was undone", "redo"),
    ("Save", "save the routine", "save"),
    ("Try it", "run the workout as it stands, without saving", "try_it"),
)


class EditorCommands(Provider):
    """Runs the editor screen's own actions by name."""

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for name, help_text, action in EDITOR_COMMANDS:
            yield DiscoveryHit(name, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches what is typed."""
        matcher = self.matcher(query)
        for name, help_text, action in EDITOR_COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._runner(action), help=help_text)

    def _runner(self, action: str) -> Callable[[], Awaitable[None]]:
        screen = self.screen

        async def run() -> None:
            await screen.run_action(action)

        return run
