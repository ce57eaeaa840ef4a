"""The session engine on a fake clock: deadlines, never tick counting."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legtimer.core.events import (
    CountdownTicked,
    Event,
    HalfwayReached,
    Outcome,
    RepBeat,
    StepEnded,
    StepStarted,
    WorkoutFinished,
)
from legtimer.core.loader import parse_routine
from legtimer.core.plan import Plan, StepKind, compile_plan
from legtimer.core.session import Session, State
from legtimer.core.summary import summarize
from tests.conftest import FakeClock


def plan_of(text: str) -> Plan:
    return compile_plan(parse_routine(text))


SIMPLE = plan_of(
    '[routine]\nname = "S"\n[defaults]\nget_ready = "10s"\nrest = "20s"\nrest_after = "30s"\n'
    "seconds_per_rep = 2\n"
    '[[exercise]]\nname = "Hold"\nsets = 2\nduration = "30s"\n'
    '[[exercise]]\nname = "Reps"\nreps = 5\n'
)
# Steps: get ready 10 | Hold 30 | rest 20 | Hold 30 | rest after 30 | Reps 10  = 130 s


def started(events: list[Event]) -> list[int]:
    return [e.step.plan_index for e in events if isinstance(e, StepStarted)]


def test_start_reports_the_first_step(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    assert session.remaining() == 10
    events = session.start()
    assert started(events) == [0]
    assert session.state is State.RUNNING


def test_countdown_ticks_and_step_change(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(6.5)
    assert session.tick() == []
    assert session.remaining() == pytest.approx(3.5)
    fake_clock.set(7.0)
    events = session.tick()
    assert [(type(e), getattr(e, "seconds_left", None), e.at) for e in events] == [
        (CountdownTicked, 3, 7.0)
    ]
    fake_clock.set(10.0)
    events = session.tick()
    assert [type(e) for e in events] == [CountdownTicked, CountdownTicked, StepEnded, StepStarted]
    assert [e.at for e in events] == [8.0, 9.0, 10.0, 10.0]
    assert session.step.name == "Hold" and session.remaining() == 30


def test_halfway_is_reported_once(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(24.9)
    assert not [e for e in session.tick() if isinstance(e, HalfwayReached)]
    fake_clock.set(25.0)
    halves = [e for e in session.tick() if isinstance(e, HalfwayReached)]
    assert [h.at for h in halves] == [25.0]
    fake_clock.set(26.0)
    assert not [e for e in session.tick() if isinstance(e, HalfwayReached)]


def test_pause_time_never_counts(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(4.0)
    session.pause()
    fake_clock.set(500.0)
    assert session.tick() == []
    assert session.remaining() == 6.0
    assert session.elapsed() == 4.0
    session.resume()
    fake_clock.set(505.9)
    assert started(session.tick()) == []
    fake_clock.set(506.0)
    assert started(session.tick()) == [1]
    assert session.elapsed() == pytest.approx(10.0)


def test_pause_over_a_boundary_does_not_cross_it(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(9.5)
    session.tick()
    session.pause()
    fake_clock.set(60.0)
    assert session.tick() == []
    assert session.index == 0
    session.resume()
    fake_clock.set(60.5)
    assert started(session.tick()) == [1]


def test_a_late_tick_fires_each_boundary_once(fake_clock: FakeClock) -> None:
    """A tick that arrives 95 s late crosses steps but reports each start exactly once."""
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(95.0)
    events = session.tick()
    assert started(events) == [1, 2, 3, 4]
    assert session.index == 4
    assert session.remaining() == pytest.approx(120 - 95)
    times = [e.at for e in events]
    assert times == sorted(times)
    assert started(session.tick()) == []


def test_skip_and_back(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(2.0)
    assert started(session.skip()) == [1]
    assert session.remaining() == 30
    fake_clock.set(4.0)
    # 2 s into the step: back goes to the previous step, full length.
    assert started(session.back()) == [0]
    assert session.remaining() == 10
    fake_clock.set(9.0)
    # 5 s in: back restarts this step.
    assert started(session.back()) == [0]
    assert session.remaining() == 10
    assert session.tally.outcomes[0] is Outcome.SKIPPED


def test_back_at_the_first_step_restarts_it(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(1.0)
    assert started(session.back()) == [0]
    assert session.index == 0 and session.remaining() == 10


def test_skip_on_the_last_step_finishes(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    for _ in range(len(SIMPLE.steps) - 1):
        session.skip()
    events = session.skip()
    assert isinstance(events[-1], WorkoutFinished)
    assert session.finished and session.remaining() == 0
    assert session.skip() == [] and session.tick() == []


def test_add_and_remove_time(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(5.0)
    session.add_time(10)
    assert session.remaining() == 15
    fake_clock.set(19.0)
    assert started(session.tick()) == []
    session.add_time(-10)
    # 1 s was left; removing 10 ends the step now.
    assert session.index == 1
    assert session.remaining() == 30
    session.pause()
    session.add_time(-100)
    assert session.remaining() == 1.0, "paused: never below one second"


def test_countdown_repeats_after_time_is_added(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(7.5)
    assert [e.seconds_left for e in session.tick() if isinstance(e, CountdownTicked)] == [3]
    session.add_time(10)
    fake_clock.set(20.0)
    ticks = [e.seconds_left for e in session.tick() if isinstance(e, CountdownTicked)]
    assert ticks == [3, 2, 1]


def test_manual_set_waits_for_done_and_counts_up(fake_clock: FakeClock) -> None:
    plan = plan_of(
        '[routine]\nname = "M"\n[defaults]\nget_ready = 0\nmanual = true\n'
        'rest = "15s"\n[[exercise]]\nname = "Squats"\nsets = 2\nreps = 10\n'
    )
    session = Session(plan, fake_clock)
    session.start()
    assert session.step.waits_for_user
    fake_clock.set(300.0)
    assert session.tick() == []
    assert session.elapsed_in_step() == 300.0
    events = session.done()
    assert started(events) == [1]
    assert session.step.kind is StepKind.REST
    assert session.add_time(10) != [] or session.remaining() == 25
    fake_clock.set(325.0)
    assert started(session.tick()) == [2]
    assert session.done()[-1] == WorkoutFinished(325.0)
    assert session.tally.outcomes[0] is Outcome.COMPLETED


def test_done_does_nothing_during_rest(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    session.skip()
    session.skip()
    assert session.step.kind is StepKind.REST
    assert session.done() == []


def test_rep_beats_fall_on_the_pace(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(120.0)
    session.tick()
    assert session.step.name == "Reps" and session.step.is_paced
    assert session.current_rep() == 1
    fake_clock.set(130.0)
    events = session.tick()
    beats = [(e.rep, e.at) for e in events if isinstance(e, RepBeat)]
    assert beats == [(2, 122.0), (3, 124.0), (4, 126.0), (5, 128.0)]
    assert isinstance(events[-1], WorkoutFinished)


def test_next_change_wakes_on_seconds_and_beats(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    assert session.next_change_in() is None
    session.start()
    fake_clock.set(0.25)
    assert session.next_change_in() == pytest.approx(0.75)
    fake_clock.set(121.5)
    session.tick()
    assert session.next_change_in() == pytest.approx(0.5)
    session.pause()
    assert session.next_change_in() is None


def test_zero_length_steps_cost_nothing(fake_clock: FakeClock) -> None:
    plan = plan_of(
        '[routine]\nname = "Z"\n[defaults]\nget_ready = 0\nrest = 0\nrest_after = 0\n'
        '[[exercise]]\nname = "A"\nsets = 3\nduration = 10\n'
    )
    session = Session(plan, fake_clock)
    session.start()
    fake_clock.set(30.0)
    events = session.tick()
    assert started(events) == [1, 2]
    assert events[-1] == WorkoutFinished(30.0)


def test_hour_long_plan_in_random_steps_ends_exactly_at_its_total() -> None:
    text = (
        '[routine]\nname = "Hour"\nrounds = 7\nrest_between_rounds = "1m"\n'
        '[defaults]\nrest = "40s"\nrest_after = "50s"\nseconds_per_rep = 2.5\n'
        '[[exercise]]\nname = "A"\nsets = 3\nreps = [12, 16]\nper_side = true\n'
        '[[exercise]]\nname = "B"\nsets = 2\nduration = "1m"\n'
    )
    plan = plan_of(text)
    assert plan.total > 3600
    clock = FakeClock()
    session = Session(plan, clock)
    session.start()
    rng = random.Random(1234)
    seen: list[Event] = []
    while not session.finished:
        clock.advance(rng.uniform(0.001, 7.0))
        seen.extend(session.tick())
    finish = seen[-1]
    assert isinstance(finish, WorkoutFinished)
    assert finish.at == pytest.approx(plan.total, abs=1e-9)
    assert session.elapsed() == pytest.approx(plan.total, abs=1e-9)
    assert started(seen) == list(range(1, len(plan.steps)))
    for event in seen:
        if isinstance(event, StepStarted):
            assert event.at == pytest.approx(event.step.start, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["tick", "pause", "resume", "skip", "back", "add", "remove", "done"]),
            st.floats(min_value=0, max_value=40),
        ),
        max_size=40,
    )
)
def test_random_commands_keep_the_session_consistent(commands: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    session = Session(SIMPLE, clock)
    session.start()
    last_start = -1.0
    for name, wait in commands:
        clock.advance(wait)

        def pause() -> list[Event]:
            session.pause()
            return []

        events = {
            "tick": session.tick,
            "pause": pause,
            "resume": session.resume,
            "skip": session.skip,
            "back": session.back,
            "add": lambda: session.add_time(10),
            "remove": lambda: session.add_time(-10),
            "done": session.done,
        }[name]()
        for event in events:
            assert event.at >= last_start - 1e-9
            if isinstance(event, StepStarted):
                last_start = event.at
        if session.finished:
            assert session.remaining() == 0
        else:
            assert 0 <= session.remaining() <= session.step_length() + 1e-9
        assert session.elapsed() >= -1e-9
        assert session.elapsed() <= clock.now + 1e-9


def test_summary_counts_done_and_skipped_sets(fake_clock: FakeClock) -> None:
    session = Session(SIMPLE, fake_clock)
    session.start()
    fake_clock.set(40.0)
    session.tick()  # Hold set 1 done, now resting
    session.skip()  # skip the rest
    session.skip()  # skip Hold set 2
    fake_clock.set(45.0)
    session.skip()  # skip rest after
    fake_clock.set(50.0)
    session.tick()
    summary = summarize(session)
    rows = {t.name: (t.planned, t.done, t.skipped, t.not_reached) for t in summary.exercises}
    assert rows == {"Hold": (2, 1, 1, 0), "Reps": (1, 0, 0, 1)}
    assert summary.worked == pytest.approx(30 + 0 + 5), "the set under way counts too"
    assert summary.rested == pytest.approx(10 + 0 + 5)
    assert summary.total == pytest.approx(50.0)
