"""Write docs/screenshot.svg: the runners workout mid-set, on a frozen clock (for the README)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legtimer.core.loader import load_routine  # noqa: E402
from legtimer.live.outfit import Outfit  # noqa: E402
from legtimer.ui.app import LegtimerApp  # noqa: E402


class _Frozen:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def _shoot(out: Path, at: float, size: tuple[int, int]) -> None:
    clock = _Frozen()
    outfit = Outfit(clock=clock, schedule=lambda _delay, _callback: None)
    app = LegtimerApp(load_routine(ROOT / "routines" / "runners.toml"), outfit=outfit)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock.now = at
        assert app.driver is not None
        app.driver.tick()
        await pilot.pause()
        out.write_text(app.export_screenshot(title="legtimer --routine runners"))


def main() -> None:
    """Clamshells, set 1, left side, 19 s in."""
    asyncio.run(_shoot(ROOT / "docs" / "screenshot.svg", 213 + 19.2, (100, 30)))
    asyncio.run(_shoot(ROOT / "docs" / "screenshot-rest.svg", 321 + 20.5, (100, 30)))


if __name__ == "__main__":
    main()
