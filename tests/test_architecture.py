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


def outside_imports(folder: Path) -> list[str]:
    """Imports in ``folder``'s modules, at any depth, of anything but legtimer.core, the
    standard library and tomli-w."""
    import ast

    allowed_outside = {"tomli_w", "__future__"}
    bad: list[str] = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                inside = name == "legtimer.core" or name.startswith("legtimer.core.")
                if not (inside or top in sys.stdlib_module_names or top in allowed_outside):
                    bad.append(f"{path.name}:{node.lineno}: import {name}")
    return bad


def test_core_imports_only_core_the_standard_library_and_tomli_w() -> None:
    """Every import in legtimer/core, at any depth (inside functions too), stays inside."""
    assert outside_imports(ROOT / "legtimer" / "core") == []


def test_the_check_reports_a_core_module_that_imports_the_ui(tmp_path: Path) -> None:
    (tmp_path / "fine.py").write_text("import json\nfrom legtimer.core.plan import Plan\n")
    (tmp_path / "leaky.py").write_text("def f():\n    import legtimer.ui.keys\n")
    assert outside_imports(tmp_path) == ["leaky.py:2: import legtimer.ui.keys"]


def test_every_kind_of_step_has_a_phase_word() -> None:
    """The screen and the phone share one table; an EMOM's interval rest is in it too."""
    from legtimer.core.plan import StepKind
    from legtimer.core.words import PHASE_WORDS

    assert set(PHASE_WORDS) == set(StepKind)
