"""Phase colours worked out from the active theme, so every theme gets readable, distinct bands.

The workout screen paints a full-width band in the phase's colour. Themes do not promise what
the screen needs (Textual's dark theme uses one orange for both $warning and $accent, and its
dark blue $secondary is 2.7:1 against white), so the app adds CSS variables computed here:

- ``$phase-<name>``: the band, from a theme colour; nudged round the colour wheel when it
  would look like a band already chosen, then made dark or light enough for its label;
- ``$phase-<name>-text``: black or white, whichever meets WCAG AA (4.5:1) on the band;
- ``$phase-<name>-ink``: the phase colour for the big digits, at least 3:1 on the background.

CSS names only these variables (never hex), and a test checks the ratios in two themes.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

PHASE_NAMES = ("get-ready", "warmup", "work", "switch", "rest", "cooldown", "paused", "done")
"""CSS names of the phases, as classes (``-work``) and in variable names (``$phase-work``)."""

_SOURCES: dict[str, tuple[str, float]] = {
    "get-ready": ("warning", 0.0),
    "warmup": ("error", 0.0),
    "work": ("success", 0.0),
    "switch": ("accent", 0.0),
    "rest": ("primary", 0.0),
    "cooldown": ("secondary", 0.0),
    "paused": ("foreground", 0.0),
    "done": ("success", -0.25),
}
"""Where each band starts: a theme colour and a lightness change (done is a darker work)."""

LABEL_CONTRAST = 4.5
"""WCAG AA for normal text: the band's label against the band."""
INK_CONTRAST = 3.0
"""WCAG AA for large text: the big digits against the screen's background."""
DISTINCT = 70.0
"""Bands closer than this (RGB distance) look alike from across a room."""


def luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _distance(first: Color, second: Color) -> float:
    return float(
        ((first.r - second.r) ** 2 + (first.g - second.g) ** 2 + (first.b - second.b) ** 2) ** 0.5
    )


def _shift_hue(color: Color, degrees: float) -> Color:
    h, s, lightness = color.hsl
    return Color.from_hsl((h + degrees / 360) % 1.0, max(s, 0.45), lightness)


def _readable(band: Color) -> tuple[Color, Color]:
    """(band, label): the label colour with the better contrast, the band moved until AA."""
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    text = white if contrast(band, white) >= contrast(band, black) else black
    for _ in range(40):
        if contrast(band, text) >= LABEL_CONTRAST:
            break
        band = band.darken(0.02) if text is white else band.lighten(0.02)
    return band, text


def _ink(color: Color, background: Color) -> Color:
    """``color`` moved away from the background's lightness until big digits read at 3:1."""
    dark_background = luminance(background) < 0.5
    for _ in range(50):
        if contrast(color, background) >= INK_CONTRAST:
            break
        color = color.lighten(0.02) if dark_background else color.darken(0.02)
    return color


def phase_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The ``phase-*`` CSS variables for a theme's variables (``App.get_css_variables()``)."""
    background = Color.parse(variables.get("background", "#000000"))
    chosen: dict[str, Color] = {}
    out: dict[str, str] = {}
    for name in PHASE_NAMES:
        source, change = _SOURCES[name]
        base = Color.parse(variables.get(source) or variables.get("foreground", "#808080"))
        if base.a < 1:
            base = background.blend(base.with_alpha(1.0), base.a)
        if change:
            base = base.lighten(change) if change > 0 else base.darken(-change)
        band, text = _readable(base)
        for degrees in (0, 45, -45, 90, -90, 135, -135, 180):
            band, text = _readable(_shift_hue(base, degrees) if degrees else base)
            if all(_distance(band, other) >= DISTINCT for other in chosen.values()):
                break
        chosen[name] = band
        out[f"phase-{name}"] = band.hex
        out[f"phase-{name}-text"] = text.hex
        out[f"phase-{name}-ink"] = _ink(band, background).hex
    return out
