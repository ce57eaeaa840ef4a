"""The CLI through a real subprocess: exit codes, messages on stderr, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, write


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    merged = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "legtimer.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=merged,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("--routine", "list", "plan", "check", "new", "edit", "sound-check"):
        assert word in result.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("legtimer ")


def test_check_good_files_exit_0() -> None:
    result = run("check", *[str(p) for p in sorted((ROOT / "routines").glob("*.toml"))])
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": ok:") == len(list((ROOT / "routines").glob("*.toml"))) == 5
    assert "0 exercises" not in result.stdout


def test_check_bad_file_exit_2_with_every_problem_on_stderr(tmp_path: Path) -> None:
    bad = write(tmp_path, MINIMAL.replace("reps = 10", "reps = 0\nrset = 1\nsets = true"))
    good = write(tmp_path, MINIMAL, "good.toml")
    result = run("check", str(good), str(bad))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert f"{good}: ok" in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert "did you mean 'rest'" in result.stderr


@pytest.mark.parametrize(
    "content", [b"", b"\x00\xff\xfe", b"[routine\n", b"x = " + b"[" * 3000, b"\xff\xfe[routine]"]
)
def test_check_never_tracebacks(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "weird.toml"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert result.stderr.startswith(str(path))


def test_check_missing_file_and_directory(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "none.toml"), str(tmp_path))
    assert result.returncode == 2
    assert "no such file" in result.stderr and "is a folder" in result.stderr
    assert_no_traceback(result)


def test_routine_by_name_with_or_without_suffix() -> None:
    for spec in ("runners", "runners.toml", "routines/runners.toml"):
        result = run("plan", spec)
        assert result.returncode == 0, result.stderr
        assert "Clamshells" in result.stdout


def test_unknown_routine_lists_what_exists_with_a_suggestion() -> None:
    result = run("plan", "runers")
    assert result.returncode == 2
    assert "no routine named 'runers'; did you mean 'runners'?" in result.stderr
    assert "tabata-legs" in result.stderr
    assert_no_traceback(result)
    assert run("--routine", "nothing-like-it").returncode == 2


def test_plan_prints_timeline_and_total() -> None:
    result = run("plan", "runners")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Leg Workout for Runners: 62 steps")
    assert lines[2].split() == ["0:00", "0:15", "Get", "ready"]
    # An empty log: Clamshells [15, 20] is paced at its low end, 15 (the top would be 36:54).
    assert lines[-2].split() == ["TOTAL", "35:39"]
    assert lines[-1] == "Clamshells: Today 15 (first time: bottom of the range)"
    assert "Clamshells · set 1 of 3 · left side · 15 of 15-20 reps" in result.stdout


def test_list_shows_bundled_and_user_routines(private_home: Path) -> None:
    mine = private_home / "routines"
    mine.mkdir()
    write(mine, MINIMAL, "mini.toml")
    write(mine, "nonsense = [", "broken.toml")
    result = run("list")
    assert result.returncode == 0
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "runners" in rows and "bundled" in rows["runners"]
    assert "mini" in rows and "yours" in rows["mini"] and "Mini" in rows["mini"]
    assert "invalid" in rows["broken"]
    assert "your own routines go in" not in result.stdout


def test_list_says_where_your_routines_go_before_there_are_any(private_home: Path) -> None:
    result = run("list")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        f"your own routines go in {private_home / 'routines'} (none there yet)"
    )


def test_list_and_plan_give_the_same_length_and_check_the_longest(private_home: Path) -> None:
    """list and plan pace rep ranges at today's targets (runners: 35:39 with an empty log);
    check, which must start fast and reads no log, gives the length with every range at its
    top, and says "up to"."""
    total = run("plan", "runners").stdout.splitlines()[-2].split()[1]
    minutes, seconds = total.split(":")
    words = f"{int(minutes)} min {int(seconds)} s"
    listed = {line.split()[0]: line for line in run("list").stdout.splitlines()[1:] if line}
    assert words in listed["runners"]
    assert run("check", "runners").stdout.rstrip().endswith("up to 36 min 54 s")
    assert words == "35 min 39 s"


def test_user_routine_shadows_bundled_one(private_home: Path) -> None:
    mine = private_home / "routines"
    mine.mkdir()
    write(mine, MINIMAL, "runners.toml")
    result = run("plan", "runners")
    assert result.stdout.startswith("Mini:")


def test_check_does_not_import_textual(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom legtimer.cli import main\n"
        "code = main(['check', 'routines/runners.toml'])\n"
        "code |= main(['plan', 'runners']) | main(['list'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'simpleaudio'))\n"
        "print('LOADED', bad)\nsys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_the_editor_opens_a_routine_in_blocks() -> None:
    """Blocks, per-set lists and variants are in the form: only the missing terminal stops it."""
    result = run("edit", "strength-day")
    assert result.returncode == 2
    assert "cannot edit" not in result.stderr
    assert "the editor needs a terminal" in result.stderr
    assert_no_traceback(result)
