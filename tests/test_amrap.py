"""AMRAP blocks (``time_cap``): what is left, how the log tells AMRAPs apart, the summary's rows."""

from __future__ import annotations

import pytest

from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.session import Session
from tests.conftest import FakeClock

TWO_AMRAPS = (
    '[routine]\nname = "Mini AMRAP"\n\n[defaults]\nget_ready = "3s"\n\n'
    '[[block]]\nname = "Burner"\ntime_cap = "25s"\nrounds = 2\nrest_between_rounds = "5s"\n\n'
    '[[block.exercise]]\nname = "Push-ups"\nreps = 5\n\n'
    '[[block.exercise]]\nname = "Plank"\nduration = "6s"\n'
)


def test_what_is_left_falls_with_the_cap_clock_whatever_the_exercise() -> None:
    """3 s get-ready + 25 s cap + 5 s rest + 25 s cap: "left" is 58 s less the time gone."""
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(TWO_AMRAPS)), clock)
    assert session.plan.total == pytest.approx(58.0)
    session.start()
    for at, done in ((5.0, False), (7.0, True), (10.0, False), (15.0, True), (20.0, False)):
        clock.set(at)
        session.tick()
        assert session.total_remaining() == pytest.approx(58.0 - at), at
        if done:  # the push-ups end; the plank (or the next pass) starts
            session.done()
            assert session.total_remaining() == pytest.approx(58.0 - at), at
    clock.set(28.5)
    session.tick()
    assert session.step.kind.is_rest
    assert session.total_remaining() == pytest.approx(58.0 - 28.5)
