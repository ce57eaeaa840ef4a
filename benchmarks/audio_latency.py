"""How late each real beep starts after the transition it marks.

Runs the installed app in tmux on a short routine with ALSA's default device replaced by the
file plugin (each opened stream is recorded with its wall-clock start), and compares every
recording's start with the event's due time from --event-log. Target: within 25 ms.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print median and worst beep lateness."""
    sys.path.insert(0, str(ROOT))
    from tests.alsa_capture import record_workout
    from tests.test_audio_real import EXPECTED, TINY

    if shutil.which("tmux") is None:
        print("beep latency: skipped (needs tmux)")
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        routine = tmp / "tiny.toml"
        routine.write_text(TINY)
        run = record_workout(tmp, routine)
    start, beeps = run.start, run.beeps
    late = [
        (c.started - start - offset) * 1000 for c, (_, offset) in zip(beeps, EXPECTED, strict=False)
    ]
    print(
        f"beep start after its transition, {len(late)} real beeps via ALSA capture: "
        f"median {statistics.median(late):.1f} ms, max {max(late):.1f} ms "
        f"(target: within 25 ms)"
    )


if __name__ == "__main__":
    main()
