"""Saving: round trips, tidy output, and a failed save that never loses the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legtimer.core.loader import load_routine, parse_routine
from legtimer.core.routine import Exercise, Overrides, Routine, Settings
from legtimer.core.writer import dumps_routine
from legtimer.storage.saving import SaveError, has_comments, save_routine
from tests.conftest import ROUTINES


@pytest.mark.parametrize("name", sorted(p.name for p in ROUTINES.glob("*.toml")))
def test_bundled_routines_round_trip(name: str) -> None:
    routine = load_routine(ROUTINES / name)
    assert parse_routine(dumps_routine(routine)) == routine


def test_output_is_tidy_and_in_the_format_order() -> None:
    text = dumps_routine(load_routine(ROUTINES / "runners.toml"))
    order = [
        text.index(h)
        for h in ("[routine]", "[defaults]", "[[warmup]]", "[[exercise]]", "[[cooldown]]")
    ]
    assert order == sorted(order)
    assert 'rest = "45s"' in text and 'rest_after = "1m"' in text
    assert "reps = [15, 20]" in text and 'switch_sides = "8s"' in text
    assert "seconds_per_rep = 2.5" in text


_names = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20).filter(
    str.strip
)
_durations = st.integers(1, 4 * 3600).map(float) | st.sampled_from([2.5, 0.5, 90.25])
_settings = st.builds(
    Overrides,
    get_ready=st.none() | st.integers(0, 600).map(float),
    rest=st.none() | st.integers(0, 600).map(float),
    rest_after=st.none() | st.integers(0, 600).map(float),
    switch_sides=st.none() | st.integers(0, 60).map(float),
    seconds_per_rep=st.none() | st.sampled_from([1.0, 2.5, 3.0, 4.0]),
    manual=st.none() | st.booleans(),
    countdown=st.none() | st.integers(0, 10),
    halfway=st.none() | st.booleans(),
    rep_beat=st.none() | st.booleans(),
    rest_until_ready=st.none() | st.booleans(),
)


@st.composite
def _exercises(draw: st.DrawFn) -> Exercise:
    timed = draw(st.booleans())
    low = draw(st.integers(1, 50))
    overrides = draw(_settings)
    if timed:
        overrides = overrides._replace(manual=None)
    return Exercise(
        name=draw(_names),
        sets=draw(st.integers(1, 10)),
        reps=None if timed else (low, draw(st.integers(low, 60))),
        duration=draw(_durations) if timed else None,
        per_side=draw(st.booleans()),
        cue=draw(st.text(max_size=40)),
        benefit=draw(st.text(max_size=10)),
        equipment=tuple(draw(st.lists(_names, max_size=3))),
        easier=draw(st.text(max_size=10)),
        harder=draw(st.text(max_size=10)),
        overrides=overrides,
    )


_routines = st.builds(
    Routine,
    name=_names,
    exercises=st.lists(_exercises(), min_size=1, max_size=4).map(tuple),
    description=st.text(max_size=30),
    source=st.text(max_size=10),
    rounds=st.integers(1, 5),
    rest_between_rounds=st.integers(0, 300).map(float),
    defaults=st.builds(
        Settings,
        get_ready=st.integers(0, 300).map(float),
        rest=st.integers(0, 300).map(float),
        rest_after=st.integers(0, 300).map(float),
        switch_sides=st.integers(0, 60).map(float),
        seconds_per_rep=st.sampled_from([2.0, 3.0, 2.5]),
        countdown=st.integers(0, 10),
        manual=st.booleans(),
        halfway=st.booleans(),
        rep_beat=st.booleans(),
        rest_until_ready=st.booleans(),
    ),
    blocks=st.just(()),  # block routines round-trip in tests/test_blocks.py
    warmup=st.lists(_exercises(), max_size=2).map(tuple),
    cooldown=st.lists(_exercises(), max_size=2).map(tuple),
    sounds=st.just(()),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_routines)
def test_any_valid_routine_round_trips(routine: Routine) -> None:
    assert parse_routine(dumps_routine(routine)) == routine


def test_save_writes_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    original = (ROUTINES / "tabata-legs.toml").read_bytes()
    path.write_bytes(original)
    routine = load_routine(path)._replace(rounds=6)
    save_routine(routine, path)
    assert load_routine(path) == routine
    assert (tmp_path / "mine.toml.bak").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml", "mine.toml.bak"]


@pytest.mark.parametrize("failure", ["serialise", "reload", "write", "fsync", "replace"])
def test_a_failed_save_leaves_the_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    path = tmp_path / "mine.toml"
    original = (ROUTINES / "runners.toml").read_bytes()
    path.write_bytes(original)
    routine = load_routine(path)._replace(name="Changed")

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    if failure == "serialise":
        import tomli_w

        monkeypatch.setattr(
            tomli_w, "dumps", lambda *a, **k: (_ for _ in ()).throw(TypeError("cannot serialise"))
        )
    elif failure == "reload":
        monkeypatch.setattr(
            "legtimer.storage.saving.dumps_routine", lambda r: "[routine]\nname = 1\n"
        )
    elif failure == "write":
        monkeypatch.setattr("legtimer.storage.files.os.fdopen", boom)
    elif failure == "fsync":
        monkeypatch.setattr("legtimer.storage.files.os.fsync", boom)
    else:
        real = os.replace

        def replace(src: str, dst: str) -> None:
            if Path(dst) == path:
                boom()
            real(src, dst)

        monkeypatch.setattr("legtimer.storage.files.os.replace", replace)
    with pytest.raises(SaveError):
        save_routine(routine, path)
    assert path.read_bytes() == original
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_comments_are_detected_outside_strings() -> None:
    assert has_comments('[routine]\nname = "x" # mine\n')
    assert has_comments("# top\n[routine]\n")
    assert not has_comments("[routine]\nname = \"Number #1\"\ncue = '#hashtag'\n")
    assert not has_comments(dumps_routine(load_routine(ROUTINES / "runners.toml")))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "legtimer.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROUTINES.parent,
    )


def test_new_writes_a_valid_starter_and_never_overwrites(private_home: Path) -> None:
    first = run("new", "my-legs")
    assert first.returncode == 0, first.stderr
    path = private_home / "routines" / "my-legs.toml"
    assert f"created {path}" in first.stdout
    assert "legtimer edit my-legs" in first.stdout and "legtimer --routine my-legs" in first.stdout
    assert load_routine(path).name == "My legs"
    before = path.read_bytes()
    again = run("new", "my-legs")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert path.read_bytes() == before
    listed = run("list")
    assert "my-legs" in listed.stdout and "yours" in listed.stdout


def test_new_from_copies_the_file_with_its_comments_under_its_own_name(
    private_home: Path,
) -> None:
    result = run("new", "runs", "--from", "runners")
    assert result.returncode == 0, result.stderr
    copied = private_home / "routines" / "runs.toml"
    original = (ROUTINES / "runners.toml").read_text()
    text = copied.read_text()
    assert load_routine(copied).name == "Leg Workout for Runners (runs)"
    assert "# Run it:   legtimer --routine runs\n" in text
    assert (
        text.replace("Leg Workout for Runners (runs)", "Leg Workout for Runners").replace(
            "--routine runs", "--routine runners"
        )
        == original
    ), "nothing else changes: comments stay"
    assert load_routine(copied)._replace(name="x") == load_routine(
        ROUTINES / "runners.toml"
    )._replace(name="x")
    titled = run("new", "mine", "--from", "runners", "--title", 'My "runs"')
    assert titled.returncode == 0, titled.stderr
    assert load_routine(private_home / "routines" / "mine.toml").name == 'My "runs"'


@pytest.mark.parametrize("bad", ["../escape", "a/b", "", ".hidden", "x" * 70])
def test_new_refuses_unusable_names(bad: str) -> None:
    result = run("new", bad)
    assert result.returncode == 2
    assert "not a usable routine name" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_does_not_import_textual() -> None:
    probe = (
        "import sys\nfrom legtimer.cli import main\nmain(['new', 'probe'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROUTINES.parent,
        timeout=60,
    )
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr
