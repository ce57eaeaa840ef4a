"""The real CLI with a screen that fails on its first frame: for the internal-error test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from legtimer.cli import main  # noqa: E402
from legtimer.ui.screens import workout  # noqa: E402


def _broken(self: object, force: bool = False) -> None:
    raise RuntimeError("simulated failure while drawing")


workout.WorkoutScreen.render_state = _broken  # type: ignore[method-assign]
sys.exit(main(sys.argv[1:]))
