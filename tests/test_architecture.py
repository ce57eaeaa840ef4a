"""The core stays pure, and the wheel carries the routines, sounds and the remote's page."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_core_never_imports_ui_or_audio() -> None:
    modules = sorted(p.stem for p in (ROOT / "legtimer" / "core").glob("*.py"))
    imports = "\n".join(f"import legtimer.core.{name}" for name in modules)
    probe = (
        f"import sys\n{imports}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'simpleaudio'))\nprint(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) >= 8


def test_wheel_contains_routines_and_sounds(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheel = next(tmp_path.glob("legtimer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for routine in (ROOT / "routines").glob("*.toml"):
        assert f"legtimer/routines/{routine.name}" in names
    sounds = [p.name for p in (ROOT / "sounds").iterdir() if p.is_file()]
    assert sounds
    for sound in sounds:
        assert f"legtimer/sounds/{sound}" in names
    assert "legtimer/live/remote/page.html" in names, "the phone remote's page"
