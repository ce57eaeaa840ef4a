"""The checkpoint journal (issue 13): a transition appends one short line however long the
workout, the place reads back exactly, a crash at any byte leaves a readable earlier place,
and a checkpoint from before the journal still resumes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import legtimer.storage.checkpoint as checkpoint_module
from legtimer.core.events import Outcome
from legtimer.core.loader import load_routine
from legtimer.core.plan import compile_plan
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.keeping import Checkpointer
from legtimer.live.resume import find_offer
from legtimer.storage.checkpoint import (
    Checkpoint,
    CheckpointStore,
    letter_outcomes,
    parse_journal,
    read_checkpoint,
    routine_hash,
)
from legtimer.storage.files import atomic_write
from tests.conftest import ROOT, FakeClock, RecordingStore, write
from tests.soak import EVERY_PHASE

BLOCKS = """[routine]
name = "Blocks"
[defaults]
get_ready = "3s"
[[block]]
name = "E"
every = "30s"
rounds = 10
[[block.exercise]]
name = "Burpees"
reps = 5
manual = true
[[block]]
name = "Cap"
time_cap = "2m"
[[block.exercise]]
name = "Swings"
reps = 4
[[block.exercise]]
name = "Plank"
duration = "7s"
[[block]]
name = "Pair"
rounds = 30
rest_between_rounds = "5s"
[[block.exercise]]
name = "Rows"
sets = 2
duration = "4s"
rest = "2s"
"""
"""An EMOM whose manual work can overrun its minute (the rest is passed through), an AMRAP
that loops until its cap, and a superset."""

STEPS = """[routine]
name = "Steps"
rounds = 100
[defaults]
get_ready = "1s"
rest = "1s"
rest_after = "1s"
[[exercise]]
name = "Taps"
sets = 10
duration = "1s"
"""
"""One-second steps, thousands of them, every one left by its time running out."""


def _keeper(tmp_path: Path, text: str) -> tuple[WorkoutDriver, Checkpointer, FakeClock]:
    path = write(tmp_path, text)
    clock = FakeClock()
    keeper = Checkpointer(
        RecordingStore(tmp_path / "state" / "checkpoint.json"), str(path), routine_hash(path)
    )
    driver = WorkoutDriver(
        compile_plan(load_routine(path)),
        clock=clock,
        listeners=[keeper],
        schedule=lambda _d, _f: None,
    )
    return driver, keeper, clock


def _act(driver: WorkoutDriver, clock: FakeClock, dice: random.Random) -> None:
    """One thing a person (or time) does: mostly steps running out, sometimes a late wake-up
    crossing many steps, skip, back, done, a pause, ±time."""
    session = driver.session
    roll = dice.random()
    if roll < 0.45:
        clock.advance(session.remaining() + 0.01)
        driver.tick()
    elif roll < 0.55:
        clock.advance(0.4)
        driver.tick()
    elif roll < 0.62:
        clock.advance(95.0)  # the laptop slept: one wake-up crosses many steps
        driver.tick()
    else:
        clock.advance(dice.choice((0.0, 1.5, 40.0)))  # 40 s: a manual EMOM set overruns
        command = dice.choice(
            (Command.SKIP, Command.BACK, Command.DONE, Command.PAUSE, Command.MORE_TIME)
        )
        driver.send(command)


@pytest.mark.parametrize("text", [EVERY_PHASE, BLOCKS], ids=["every phase", "EMOM AMRAP pair"])
def test_the_place_reads_back_exactly_after_every_change_and_resumes_there(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After every action the file holds exactly the place submitted last (its appended lines
    and its compactions agree), and the letters kept step by step equal the session's tally."""
    monkeypatch.setattr(checkpoint_module, "COMPACT_AFTER", 7)
    driver, keeper, clock = _keeper(tmp_path, text)
    store = keeper.store
    assert isinstance(store, RecordingStore)
    dice = random.Random(13)
    driver.start()
    most_lines = 0
    steps = len(driver.plan.steps)
    for _ in range(400):
        if driver.session.index >= steps - 3:
            break  # a finished workout clears its place: stop before the end
        _act(driver, clock, dice)
        store.flush()
        assert read_checkpoint(store.path) == store.submitted[-1]
        assert letter_outcomes(keeper.checkpoint(driver).outcomes) == driver.session.tally.outcomes
        most_lines = max(most_lines, len(store.path.read_bytes().splitlines()))
    assert most_lines == 7, "lines were appended, and the journal was compacted at 7"
    assert driver.ending is None, "the workout was still under way when it stopped"
    session = driver.session
    driver.end("closed")
    offer, problem = find_offer(CheckpointStore(store.path), str(tmp_path / "routine.toml"))
    assert problem is None and offer is not None and offer.resume is not None
    assert offer.resume.step_index == session.index
    assert offer.resume.tally.outcomes == session.tally.outcomes
    assert (offer.resume.tally.worked, offer.resume.tally.rested) == (
        session.tally.worked,
        session.tally.rested,
    )
    assert offer.resume.elapsed == session.elapsed()


def test_a_transition_appends_one_short_line_however_long_the_workout(tmp_path: Path) -> None:
    """What a step change writes does not grow with the steps done: thousands in, one line of
    a couple of hundred bytes."""
    driver, keeper, clock = _keeper(tmp_path, STEPS)
    driver.start()
    for _ in range(1500):
        clock.advance(driver.session.remaining() + 0.01)
        driver.tick()
    keeper.store.flush()
    assert driver.session.index >= 1500
    appended = []
    for _ in range(20):
        size = keeper.store.path.stat().st_size
        clock.advance(driver.session.remaining() + 0.01)
        driver.tick()
        keeper.store.flush()
        appended.append(keeper.store.path.stat().st_size - size)
    assert all(0 < grew < 250 for grew in appended), appended
    place = read_checkpoint(keeper.store.path)
    assert place is not None and place.outcomes.rstrip(".") == "c" * driver.session.index


def test_a_journal_cut_at_any_byte_reads_as_its_last_whole_line(tmp_path: Path) -> None:
    """What a crash can leave (the file up to any byte: a torn last line) reads as the place
    of the last whole line; only a cut inside the first line is not a place."""
    driver, keeper, clock = _keeper(tmp_path, EVERY_PHASE)
    driver.start()
    places: list[Checkpoint | None] = []  # the place after each line
    dice = random.Random(5)
    while len(places) < 12:
        keeper.store.flush()
        if keeper.store.path.read_bytes().count(b"\n") > len(places):
            places.append(read_checkpoint(keeper.store.path))
        _act(driver, clock, dice)
    raw = keeper.store.path.read_bytes()
    raw = raw[: _nth_newline(raw, len(places)) + 1]
    first = raw.index(b"\n")
    for cut in range(len(raw) + 1):
        if cut < first:
            with pytest.raises(ValueError):
                parse_journal(raw[:cut])
            continue
        whole_lines = max(1, raw[:cut].count(b"\n"))
        assert parse_journal(raw[:cut]) == places[whole_lines - 1], cut


def test_after_a_failed_append_the_next_write_rewrites_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write cut short (a full disk) leaves a torn line; nothing is ever appended after it."""
    driver, keeper, clock = _keeper(tmp_path, EVERY_PHASE)
    store = keeper.store
    driver.start()
    for _ in range(3):
        clock.advance(driver.session.remaining() + 0.01)
        driver.tick()
        store.flush()
    before = read_checkpoint(store.path)

    def torn(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(checkpoint_module, "write_all", torn)
    store.save(keeper.checkpoint(driver))
    assert store.error is not None and "No space left" in store.error
    assert read_checkpoint(store.path) == before, "the torn line is ignored"
    monkeypatch.undo()
    clock.advance(driver.session.remaining() + 0.01)
    driver.tick()
    store.flush()
    assert store.error is None
    assert store.path.read_bytes().count(b"\n") == 1, "rewritten whole, not appended to"
    assert read_checkpoint(store.path) == store.submitted[-1]


def test_after_an_append_interrupted_mid_line_the_next_write_rewrites_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C during the last save leaves a torn line too: the next write must not follow it."""
    driver, keeper, clock = _keeper(tmp_path, EVERY_PHASE)
    store = keeper.store
    assert isinstance(store, RecordingStore)
    driver.start()
    clock.advance(driver.session.remaining() + 0.01)
    driver.tick()
    store.flush()

    def interrupted(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(checkpoint_module, "write_all", interrupted)
    clock.advance(1.0)
    with pytest.raises(KeyboardInterrupt):
        store.save(keeper.checkpoint(driver))
    monkeypatch.undo()
    clock.advance(driver.session.remaining() + 0.01)
    driver.tick()
    store.flush()
    assert store.path.read_bytes().count(b"\n") == 1, "rewritten whole, not appended to"
    assert read_checkpoint(store.path) == store.submitted[-1]


def test_a_file_another_legtimer_replaced_or_removed_is_rewritten_not_appended_to(
    tmp_path: Path,
) -> None:
    """Two workouts at once share the checkpoint file: each write leaves one of them whole, and
    the end of one does not remove the other's."""
    path = tmp_path / "checkpoint.json"
    mine, theirs = CheckpointStore(path), CheckpointStore(path)
    place = _place()
    mine.save(place)
    theirs.save(place._replace(routine_name="Theirs"))
    mine.save(place._replace(step_index=5))
    assert read_checkpoint(path) == place._replace(step_index=5)
    assert path.read_bytes().count(b"\n") == 1
    path.unlink()
    mine.save(place._replace(step_index=6))
    assert read_checkpoint(path) == place._replace(step_index=6)
    theirs.save(place._replace(routine_name="Theirs"))
    mine.clear()
    assert read_checkpoint(path) == place._replace(routine_name="Theirs"), "theirs stays"
    theirs.clear()
    assert not path.exists()


def test_a_checkpoint_from_before_the_journal_resumes_exactly(tmp_path: Path) -> None:
    """The old file (one JSON object, outcomes as [index, outcome] pairs) is read as it was
    written, and the next workout's checkpoint replaces it."""
    routine = write(tmp_path, EVERY_PHASE)
    path = tmp_path / "state" / "checkpoint.json"
    old = _place()._replace(routine_path=str(routine), routine_hash=routine_hash(routine))
    data = old._asdict()
    data["outcomes"] = [[0, "completed"], [1, "completed"], [2, "skipped"], [4, "capped"]]
    atomic_write(path, json.dumps(data), backup=False)  # exactly as legtimer wrote it before

    loaded = CheckpointStore(path).load()
    assert loaded == old._replace(outcomes="ccs.x")
    offer, problem = find_offer(CheckpointStore(path), str(routine))
    assert problem is None and offer is not None and offer.resume is not None
    assert offer.resume.step_index == old.step_index
    assert offer.resume.tally.outcomes == {
        0: Outcome.COMPLETED,
        1: Outcome.COMPLETED,
        2: Outcome.SKIPPED,
        4: Outcome.CAPPED,
    }
    store = CheckpointStore(path)
    store.save(old._replace(step_index=7, outcomes="ccs.xcc"))
    assert read_checkpoint(path) == old._replace(step_index=7, outcomes="ccs.xcc")


def test_temporary_files_left_by_a_killed_rewrite_are_swept(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    stale, fresh = tmp_path / ".checkpoint.json.a1.tmp", tmp_path / ".checkpoint.json.b2.tmp"
    for temp in (stale, fresh):
        temp.write_text("{")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    CheckpointStore(path).save(_place())
    assert not stale.exists(), "an hour-old temporary file is no write under way"
    assert fresh.exists(), "a fresh one may be another legtimer's write in progress"


WRITER = """
import sys
from pathlib import Path

import legtimer.storage.checkpoint as checkpoint
from legtimer.core.loader import load_routine
from legtimer.core.plan import compile_plan
from legtimer.live.driver import WorkoutDriver
from legtimer.live.keeping import Checkpointer
from tests.conftest import FakeClock

checkpoint.COMPACT_AFTER = 5  # compactions (rewrites) as often as appends
routine, place = sys.argv[1], Path(sys.argv[2])
clock = FakeClock()
keeper = Checkpointer(checkpoint.CheckpointStore(place), routine, "h")
driver = WorkoutDriver(
    compile_plan(load_routine(routine)), clock=clock, listeners=[keeper], schedule=lambda d, f: None
)
driver.start()
print("started", flush=True)
while driver.ending is None:
    clock.advance(driver.session.remaining() + 0.01)
    driver.tick()
    keeper.store.flush()
"""


def test_a_writer_killed_at_random_moments_always_leaves_a_place_to_resume(
    tmp_path: Path,
) -> None:
    """kill -9 a process writing places flat out (appends and rewrites), again and again: the
    file always reads, as a place the workout really was in."""
    routine = write(tmp_path, STEPS)
    path = tmp_path / "state" / "checkpoint.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    dice = random.Random(9)
    seen = []
    for _ in range(8):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(routine), str(path)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout is not None and writer.stdout.readline() == "started\n"
            time.sleep(dice.uniform(0.05, 0.4))
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        place = read_checkpoint(path)
        assert place is not None
        done = place.step_index
        assert place.outcomes.rstrip(".") == "c" * done, "every step before it, completed"
        assert place.worked + place.rested == pytest.approx(place.elapsed, abs=0.01 * done + 0.1)
        seen.append(done)
    assert len(set(seen)) > 1, f"the kills landed at different places: {seen}"
    leftovers = [p.name for p in path.parent.iterdir() if p.name != path.name]
    assert all(name.endswith(".tmp") for name in leftovers), leftovers


def _nth_newline(raw: bytes, n: int) -> int:
    at = -1
    for _ in range(n):
        at = raw.index(b"\n", at + 1)
    return at


def _place() -> Checkpoint:
    return Checkpoint(
        routine_path=str(ROOT / "routines" / "runners.toml"),
        routine_hash="h",
        routine_name="Mine",
        step_index=3,
        into_step=1.5,
        paused=False,
        outcomes="cc.",
        worked=30.0,
        rested=10.0,
        elapsed=41.5,
        started_at=time.time() - 60,
        saved_at=time.time(),
        exercise="Squats",
        set_no=2,
        sets=3,
        round_no=1,
        side=None,
        workout_id=None,
    )
