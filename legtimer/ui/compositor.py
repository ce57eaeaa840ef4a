"""A compositor that, for a partial update, draws only the lines under what changed.

Textual's compositor, given several changed regions in one frame, renders every widget whose
clip (its container's area, for most widgets the whole screen) meets the box around all of
them, each widget all its lines. The clock's changed digit and the overall line at the bottom
change every second, so 14 widgets of the workout screen at 100 x 30 (the cue, NEXT, the footer,
their containers) drew 109 lines once a second for a frame that changes a few spots. Here a
widget is drawn only on the lines of the changed regions it shows on, and not at all once the
widgets in front of it cover them: 14 lines from 6 widgets in that second. The terminal
receives the same characters: only the changed regions' spans are written, and the front-most
widget on each piece of them is drawn (tests/test_compositor.py compares both on every frame
of a workout at three sizes).

It overrides Textual internals (``Compositor._get_renders``, ``render_partial_update``); that
equivalence test fails first if an upgrade changes what they do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

Render = tuple[Region, Region, list[Strip]]
"""A widget's region, its clip, and its lines: what the compositor cuts into the frame."""


class Band(NamedTuple):
    """Consecutive screen lines holding changed regions, and those regions."""

    top: int
    bottom: int
    spots: tuple[Region, ...]


def bands_of(regions: Iterable[Region]) -> list[Band]:
    """The changed regions grouped by the lines they cover (touching line ranges merge)."""
    bands: list[Band] = []
    for region in sorted(regions, key=lambda region: region.y):
        if not region:
            continue
        if bands and region.y <= bands[-1].bottom:
            last = bands[-1]
            bands[-1] = Band(last.top, max(last.bottom, region.bottom), (*last.spots, region))
        else:
            bands.append(Band(region.y, region.bottom, (region,)))
    return bands


class SpotCompositor(Compositor):
    """Renders a partial update from the lines of the widgets under its changed regions."""

    def __init__(self) -> None:
        super().__init__()
        self._bands: list[Band] | None = None
        """The changed lines while a partial update renders (None: render as Textual does)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        """Like Textual's, with what to draw chosen by the changed regions themselves."""
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        screen_region = self.size.region
        crop = Region.from_union(list(update_regions)).intersection(screen_region)
        spans = list(self._regions_to_spans(update_regions))
        is_rendered_line = {y for y, _, _ in spans}.__contains__
        # One column wider: Textual writes the piece of a line starting just past a span too.
        self._bands = bands_of(
            Region(x, y, width + 1, height).intersection(screen_region)
            for x, y, width, height in update_regions
        )
        try:
            chops = self._render_chops(crop, is_rendered_line)
        finally:
            self._bands = None
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    def _get_renders(self, crop: Region | None = None) -> Iterable[Render]:
        """Front to back, each widget's lines where it shows on a changed region still uncovered.

        A region wholly inside a widget drawn already is settled: nothing behind that widget
        shows there (the front one's cells win), so it asks nothing more. The clip given back
        is narrowed to the lines drawn, so the lines line up with it.
        """
        bands = self._bands
        if bands is None:
            yield from super()._get_renders(crop)
            return
        open_spots = [list(band.spots) for band in bands]
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            x, y, width, height = shown
            overlaps, contains = shown.overlaps, shown.contains_region
            for spots in open_spots:
                under = [spot for spot in spots if overlaps(spot)]
                if not under:
                    continue
                first = max(y, min(spot.y for spot in under))
                end = min(y + height, max(spot.bottom for spot in under))
                part = Region(x, first, width, end - first)
                lines = widget.render_lines(
                    Region(x - region.x, first - region.y, width, end - first)
                )
                yield region, part, lines
                spots[:] = [spot for spot in spots if not contains(spot)]
