"""A Footer that refreshes its keys in place, and lets go of the keys it replaces.

Textual 8.2's Footer rebuilds every key widget on each ``refresh_bindings()``, even when only
which keys are enabled changed (Done greys out in a rest, and back on for the next set). New
widgets on every transition cost CPU and fill Textual's bounded style caches, and each rebuilt
FooterKey is ``data_bind``-ed to the Footer's ``compact``: the binding leaves a watcher on the
long-lived Footer that Textual only prunes when ``compact`` itself changes, so old keys stay
alive (Textual issue #6666: about 28 KB per rebuild).

So: when the same keys are shown and only their enabled state or label changed (Done greyed in
a rest, Pause -> Resume), the existing key widgets are re-classed or relabelled in place, at once
and without a restyle, so a transition draws its keys in the same frame as the rest of the screen;
a real rebuild (a key appears or goes) is followed by mutating ``compact``, which runs Textual's
own pruning of the dead watchers.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

DISABLED = "-disabled"
"""The class Textual's FooterKey uses to draw a key greyed out."""


class LeanFooter(Footer):
    """Footer whose refreshes neither rebuild needlessly nor leak (Textual issue #6666)."""

    _shown_keys: list[Widget] | None = None
    """The key widgets as last composed (found once per compose, not at every refresh)."""

    def on_show(self) -> None:
        """Hear of changed bindings at once (Footer hears of them a message later), so keys
        greyed in place are redrawn in the same frame as the rest of the screen."""
        signal = self.screen.bindings_updated_signal
        signal.unsubscribe(self)
        signal.subscribe(self, self._bindings_changed_now, immediate=True)

    def _bindings_changed_now(self, screen: Screen[object]) -> None:
        if not (self.is_attached and screen is self.screen and self._refresh_in_place(screen)):
            self.call_next(self.bindings_changed, screen)  # a rebuild: as Footer does it

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Re-class the keys in place when only enabled states changed; else rebuild."""
        if self.is_attached and screen is self.screen and self._refresh_in_place(screen):
            return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        """Rebuild the keys, then drop the watchers the old keys left behind."""
        await super().recompose()
        self._shown_keys = None
        self.mutate_reactive(Footer.compact)

    def _refresh_in_place(self, screen: Screen[object]) -> bool:
        # One key widget per action, for its first binding, as Footer.compose draws them.
        by_action: dict[str, tuple[str, str, bool]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.show:
                by_action.setdefault(
                    binding.action, (binding.key, binding.description, active.enabled)
                )
        shown = list(by_action.values())
        if self._shown_keys is None:
            self._shown_keys = [
                key for key in self.query("FooterKey") if not key.has_class("-command-palette")
            ]
        keys = self._shown_keys
        if not keys or [_text(key, "key") for key in keys] != [key for key, _, _ in shown]:
            return False
        for widget, (_key, description, enabled) in zip(keys, shown, strict=True):
            if _text(widget, "description") != description:
                # Pause -> Resume: the same key with a new label, redrawn where it stands.
                setattr(widget, "description", description)  # noqa: B010 - a plain attribute
                widget.refresh(layout=True)
            if widget.has_class(DISABLED) == enabled:
                # The class for what it means, without the restyle a class change costs (the key
                # and its two component styles, about half a millisecond); what the class's one
                # rule does (dim text, or not) is set on the key itself, over whatever the CSS
                # said when the key was built.
                widget.set_class(not enabled, DISABLED, update=False)
                widget.styles.text_style = "none" if enabled else "dim"
        return True


def _text(widget: Widget, name: str) -> str:
    """A FooterKey's key or description (plain attributes of Textual's key widget)."""
    value = getattr(widget, name, None)
    return value if isinstance(value, str) else ""
