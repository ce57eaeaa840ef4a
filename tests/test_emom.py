"""EMOM blocks (``every``) picked up after an interruption."""

from __future__ import annotations

from pathlib import Path

import pytest

from legtimer.core.loader import load_routine
from legtimer.core.plan import StepKind, compile_plan
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.keeping import Checkpointer
from legtimer.live.resume import find_offer
from legtimer.storage.checkpoint import CheckpointStore, routine_hash
from legtimer.ui.view import step_view_of
from tests.conftest import FakeClock, write

EMOM_10 = (
    '[routine]\nname = "EMOM 10"\n\n[[block]]\nname = "EMOM burpees + swings"\nevery = "1m"\n'
    'rounds = 10\n\n[[block.exercise]]\nname = "Burpees"\nreps = 8\nmanual = true\n\n'
    '[[block.exercise]]\nname = "Kettlebell swings"\nreps = 10\nseconds_per_rep = 1.5\n'
)


def test_a_workout_stopped_in_an_emom_rest_resumes_at_the_next_rounds_start(
    tmp_path: Path,
) -> None:
    """Stopped in the rest after round 1: the offer names round 2, and the resume starts
    round 2 after its get-ready with a whole interval from there (not the plan's rest)."""
    path = write(tmp_path, EMOM_10)
    store = CheckpointStore(tmp_path / "state" / "checkpoint.json")
    clock = FakeClock()
    keeper = Checkpointer(store, str(path), routine_hash(path))
    plan = compile_plan(load_routine(path))
    driver = WorkoutDriver(plan, clock=clock, listeners=[keeper], schedule=lambda _d, _f: None)
    driver.start()
    clock.set(10.0)  # the get-ready
    driver.tick()
    clock.set(20.0)
    assert driver.send(Command.DONE)  # burpees done; the 15 s of swings run
    clock.set(40.0)
    driver.tick()
    assert driver.session.step.kind is StepKind.INTERVAL_REST
    driver.end("closed")

    offer, problem = find_offer(store, str(path))
    assert problem is None and offer is not None and offer.resume is not None
    assert offer.question.startswith("Resume EMOM 10 at Burpees · round 2 of 10 (stopped")
    resumed = plan.steps[offer.resume.step_index]
    assert (resumed.name, resumed.round_no, resumed.kind) == ("Burpees", 2, StepKind.WORK)

    later = FakeClock(500.0)
    again = WorkoutDriver(
        compile_plan(load_routine(path)), clock=later, resume=offer.resume, schedule=lambda *_: None
    )
    again.start()
    view = step_view_of(again.session)
    assert "Round 2 of 10" in view.position and "Round 1 " not in view.position, view.position
    lead = again.session.remaining()
    later.advance(lead)
    again.tick()
    assert again.session.step.name == "Burpees" and again.session.step.round_no == 2
    later.advance(5.0)
    assert again.send(Command.DONE)
    later.advance(15.0)  # the swings
    again.tick()
    assert again.session.step.kind is StepKind.INTERVAL_REST
    assert again.session.remaining() == pytest.approx(40.0), "round 3 starts a minute after 2"
