"""Shared fixtures: a fake clock, the bundled plans, and a private LEGTIMER_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from legtimer.core.loader import load_routine
from legtimer.core.plan import Plan, compile_plan
from legtimer.storage.checkpoint import Checkpoint, CheckpointStore

ROOT = Path(__file__).resolve().parent.parent
ROUTINES = ROOT / "routines"


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now

    def set(self, when: float) -> float:
        self.now = when
        return self.now


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep the developer's real routines, settings and history out of every test."""
    home = tmp_path_factory.mktemp("legtimer-home")
    monkeypatch.setenv("LEGTIMER_HOME", str(home))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield home


@pytest.fixture(scope="session")
def runners_plan() -> Plan:
    return compile_plan(load_routine(ROUTINES / "runners.toml"))


def write(tmp_path: Path, text: str, name: str = "routine.toml") -> Path:
    """Write a routine file for a test and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = '[routine]\nname = "Mini"\n\n[[exercise]]\nname = "Squats"\nreps = 10\n'


class RecordingStore(CheckpointStore):
    """A real store that also remembers every checkpoint submitted."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.submitted: list[Checkpoint] = []

    def submit(self, checkpoint: Checkpoint) -> None:
        self.submitted.append(checkpoint)
        super().submit(checkpoint)
