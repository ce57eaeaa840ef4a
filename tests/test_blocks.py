# ruff: noqa: E501  (one bad file per line of the table reads better than wrapped strings)
"""Issue 15: blocks, EMOM, AMRAP, per-set lists, rest until ready and first_side, from the
file through the plan and the session on the fake clock to the driver and its summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legtimer.core.errors import RoutineError
from legtimer.core.events import (
    CapReached,
    RestExtended,
    RestRanOut,
    RoundStartedLate,
    StepStarted,
)
from legtimer.core.loader import load_routine, parse_routine
from legtimer.core.plan import Side, StepKind, compile_plan
from legtimer.core.session import Session
from legtimer.core.targets import todays_targets
from legtimer.core.words import detail_line, next_facts, plan_lines, spoken_line
from legtimer.core.writer import dumps_routine
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.logbook import Logbook
from legtimer.storage.history_data import read_history, sets_of
from legtimer.storage.pending import WorkoutRecorder
from legtimer.storage.progress import loads_from_log
from legtimer.storage.trainlog import TrainingLog
from legtimer.ui.screens.summary import score_lines, totals_line
from legtimer.ui.view import step_view_of
from tests.conftest import ROUTINES, FakeClock

HEAD = '[routine]\nname = "T"\n\n'
PAIR = HEAD + (
    '[[block]]\nname = "Pair A"\nrounds = 3\nrest_between_rounds = "90s"\nrest_after = "2m"\n\n'
    '[[block.exercise]]\nname = "Pull-ups"\nreps = 6\nmanual = true\n\n'
    '[[block.exercise]]\nname = "Squats"\nreps = 8\nmanual = true\n\n'
    '[[block]]\nname = "B"\n\n[[block.exercise]]\nname = "Plank"\nduration = "30s"\n'
)
EMOM = HEAD + (
    '[defaults]\nget_ready = 0\n\n[[block]]\nname = "E"\nevery = "1m"\nrounds = 30\n\n'
    '[[block.exercise]]\nname = "Burpees"\nreps = 5\nmanual = true\n'
)
AMRAP = HEAD + (
    '[defaults]\nget_ready = 0\n\n[[block]]\nname = "Cap"\ntime_cap = "3m"\n\n'
    '[[block.exercise]]\nname = "Swings"\nreps = 10\n\n'
    '[[block.exercise]]\nname = "Plank"\nduration = "20s"\n'
)


def problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as info:
        parse_routine(text, shown="r.toml")
    return [str(p) for p in info.value.problems]


BAD = [
    (
        "block without name",
        HEAD + '[[block]]\nrounds = 2\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        4,
        "missing 'name'",
    ),
    (
        "block rounds zero",
        HEAD + '[[block]]\nname = "B"\nrounds = 0\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        6,
        "rounds = 0 is out of range",
    ),
    ("block with no exercises", HEAD + '[[block]]\nname = "B"\n', 4, "has no exercises"),
    (
        "every and time_cap",
        HEAD
        + '[[block]]\nname = "B"\nevery = "1m"\ntime_cap = "3m"\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        7,
        "an EMOM (every) or an AMRAP (time_cap), not both",
    ),
    (
        "rest in an every block",
        HEAD
        + '[[block]]\nname = "B"\nevery = "1m"\n[[block.exercise]]\nname = "A"\nreps = 5\nrest = "10s"\n',
        10,
        "the clock decides the rest",
    ),
    (
        "rest_between_rounds on every",
        HEAD
        + '[[block]]\nname = "B"\nevery = "1m"\nrest_between_rounds = 5\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        7,
        "remove rest_between_rounds",
    ),
    (
        "rest_after in a time_cap block",
        HEAD
        + '[[block]]\nname = "B"\ntime_cap = "5m"\n[[block.exercise]]\nname = "A"\nreps = 5\nrest_after = 5\n',
        10,
        "remove rest_after",
    ),
    (
        "work longer than every",
        HEAD
        + '[[block]]\nname = "B"\nevery = "30s"\n[[block.exercise]]\nname = "A"\nduration = "40s"\n',
        6,
        "is longer than every",
    ),
    (
        "bad every",
        HEAD + '[[block]]\nname = "B"\nevery = 0\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        6,
        "every must be longer than zero",
    ),
    (
        "bad time_cap",
        HEAD
        + '[[block]]\nname = "B"\ntime_cap = "soon"\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        6,
        "'soon' is not a duration",
    ),
    (
        "exercise and block both",
        HEAD
        + '[[exercise]]\nname = "X"\nreps = 5\n[[block]]\nname = "B"\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        7,
        "never both",
    ),
    (
        "routine rounds with blocks",
        '[routine]\nname = "T"\nrounds = 2\n[[block]]\nname = "B"\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        3,
        "give each block its own",
    ),
    (
        "unknown block key",
        HEAD + '[[block]]\nname = "B"\nrepeat = 2\n[[block.exercise]]\nname = "A"\nreps = 5\n',
        6,
        "unknown key 'repeat'",
    ),
    (
        "single-bracket block",
        HEAD + '[block]\nname = "B"\n',
        4,
        "write [[block]] with double brackets",
    ),
    (
        "superset key",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsuperset = "A"\n',
        7,
        "put them in one [[block]] with rounds",
    ),
    (
        "circuit key",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\ncircuit = true\n',
        7,
        "put them in one [[block]] with rounds",
    ),
    (
        "rounds on an exercise",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nrounds = 3\n',
        7,
        "rounds belongs in [routine] or a [[block]]",
    ),
    (
        "rest_between_rounds in defaults",
        HEAD + '[defaults]\nrest_between_rounds = 5\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "belongs in [routine] or a [[block]]",
    ),
    (
        "reps as a text range",
        HEAD + '[[exercise]]\nname = "A"\nreps = "5-8"\n',
        6,
        "write reps = [5, 8]",
    ),
    (
        "reps list of three",
        HEAD + '[[exercise]]\nname = "A"\nreps = [12, 10, 8]\n',
        6,
        "sets = [{ reps = 12 }, { reps = 10 }, { reps = 8 }]",
    ),
    (
        "reps falling",
        HEAD + '[[exercise]]\nname = "A"\nreps = [12, 10]\n',
        6,
        "a range is [low, high], like [10, 12]",
    ),
    (
        "second routine table",
        HEAD + '[routine]\nname = "U"\n',
        4,
        "only one [routine]; for several parts use [[block]]",
    ),
    (
        "weight in a set",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = [{ weight = "20 kg" }]\n',
        7,
        "did you mean 'load'? a set may have reps, duration, note, load, rest",
    ),
    (
        "reps and duration in a set",
        HEAD + '[[exercise]]\nname = "A"\nsets = [{ reps = 5, duration = 5 }]\n',
        6,
        "has both reps and duration",
    ),
    (
        "bad reps in a set",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = [{ reps = 0 }]\n',
        7,
        "reps = 0 is out of range",
    ),
    (
        "empty sets list",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = []\n',
        7,
        "a list of per-set tables",
    ),
    (
        "sets list of numbers",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nsets = [5, 5]\n',
        7,
        "a list of per-set tables",
    ),
    (
        "bad first_side",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nper_side = true\nfirst_side = "up"\n',
        8,
        'first_side must be "left" or "right"',
    ),
    (
        "rest_until_ready as text",
        HEAD + '[defaults]\nrest_until_ready = "yes"\n[[exercise]]\nname = "A"\nreps = 5\n',
        5,
        "rest_until_ready must be true or false",
    ),
    (
        "load as a number",
        HEAD + '[[exercise]]\nname = "A"\nreps = 5\nload = 20\n',
        7,
        "load must be text in quotes",
    ),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), BAD, ids=[case[0] for case in BAD])
def test_each_bad_block_form_gets_its_message(name: str, text: str, line: int, words: str) -> None:
    found = problems(text)
    matching = [p for p in found if words in p]
    assert matching, f"{words!r} not in {found}"
    assert matching[0].startswith(f"r.toml:{line}:"), matching[0]
    assert not any("('" in p for p in found), "no Python text in a message"


def test_all_block_problems_come_at_once() -> None:
    text = HEAD + (
        '[[block]]\nname = "B"\nrounds = 0\nevery = 0\n'
        '[[block.exercise]]\nname = "A"\nreps = "5-8"\n'
        '[[block.exercise]]\nname = "C"\nreps = 5\nsets = [{ weight = 1 }]\n'
    )
    found = problems(text)
    assert len(found) == 4
    assert [int(p.split(":")[1]) for p in found] == [6, 7, 10, 14]


def test_every_new_key_loads_and_saves_back_the_same() -> None:
    text = HEAD + (
        "[defaults]\nrest_until_ready = true\n\n"
        '[[block]]\nname = "Pair"\nrounds = 2\nrest_between_rounds = "90s"\nrest_after = "2m"\n'
        "rest_until_ready = false\n\n"
        '[[block.exercise]]\nname = "Row"\nreps = 8\nper_side = true\nfirst_side = "right"\n'
        'load = "12 kg"\n\n'
        '[[block.exercise]]\nname = "Squat"\nsets = [{ reps = 5, load = "20 kg", rest = "1m", '
        'note = "easy" }, { duration = "30s" }]\n\n'
        '[[block]]\nname = "E"\nevery = "1m"\nrounds = 3\n\n[[block.exercise]]\nname = "X"\nreps = 5\n\n'
        '[[block]]\nname = "A"\ntime_cap = "3m"\n\n[[block.exercise]]\nname = "Y"\nreps = 5\n'
    )
    routine = parse_routine(text)
    pair, emom, amrap = routine.blocks
    assert (pair.rounds, pair.rest_between_rounds, pair.rest_after) == (2, 90.0, 120.0)
    assert pair.rest_until_ready is False and routine.defaults.rest_until_ready is True
    row, squat = pair.exercises
    assert (row.first_side, row.load) == ("right", "12 kg")
    assert squat.sets == 2 and squat.per_set[0].note == "easy" and squat.per_set[1].duration == 30
    assert emom.every == 60 and amrap.time_cap == 180
    assert parse_routine(dumps_routine(routine)) == routine


def test_routines_without_blocks_plan_as_before() -> None:
    """The bundled routines' plan text, byte for byte as it was before blocks."""
    first = plan_lines(compile_plan(parse_routine((ROUTINES / "tabata-legs.toml").read_text())))
    assert first[0].startswith("Tabata") and not any("Block" in line for line in first)


def test_a_block_plan_has_headings_with_their_own_totals() -> None:
    plan = compile_plan(parse_routine(PAIR))
    lines = plan_lines(plan)
    assert any("Block 1 of 2: Pair A · 3 rounds" in line for line in lines)
    kinds = [s.kind for s in plan.steps if s.block == "Pair A"]
    assert kinds.count(StepKind.ROUND_REST) == 2
    rest_after_block = next(s for s in plan.steps if s.block == "Pair A" and s.estimate == 120)
    assert plan.steps[rest_after_block.plan_index + 1].name == "Plank"
    # 10 s get-ready; 3 rounds of 18 s, 60 s rest_after, 24 s; 90 s x 2; 2 min; 30 s.
    assert plan.total == pytest.approx(10 + 3 * (18 + 60 + 24) + 2 * 90 + 120 + 30)
    assert plan.steps[-1].name == "Plank"


def test_an_exercises_own_get_ready_comes_before_it_every_round() -> None:
    """Later rounds repeat the first one's steps: an exercise's own get-ready among them, first
    in its round or not, while the workout's opening get-ready comes once."""
    text = HEAD + (
        '[defaults]\nget_ready = "10s"\nrest_after = "20s"\n\n'
        '[[block]]\nname = "B"\nrounds = 3\nrest_between_rounds = "30s"\n\n'
        '[[block.exercise]]\nname = "A"\nreps = 5\nget_ready = "5s"\n\n'
        '[[block.exercise]]\nname = "C"\nduration = "40s"\nget_ready = "7s"\n'
    )
    steps = compile_plan(parse_routine(text)).steps
    ready, work, rest = StepKind.GET_READY, StepKind.WORK, StepKind.REST_AFTER
    one_round = [
        (ready, "A", 5),
        (work, "A", 15),
        (rest, "A", 20),
        (ready, "C", 7),
        (work, "C", 40),
    ]
    between = [(StepKind.ROUND_REST, "C", 30)]
    expected = one_round + between + one_round + between + one_round
    got = [(s.kind, s.exercise.name, s.estimate) for s in steps]
    assert got == expected
    assert [s.round_no for s in steps] == [1] * 6 + [2] * 6 + [3] * 5
    assert [s.plan_index for s in steps] == list(range(len(steps)))
    assert all(a.end == pytest.approx(b.start) for a, b in zip(steps, steps[1:], strict=False))
    assert [s.next_up for s in steps[:3]] == [1, 4, 4]


def test_emom_plan_lasts_rounds_times_every() -> None:
    plan = compile_plan(parse_routine(EMOM))
    assert plan.total == pytest.approx(30 * 60)
    rounds = [s for s in plan.steps if s.kind.is_work]
    assert [s.start for s in rounds] == pytest.approx([60.0 * k for k in range(30)])


def test_amrap_plan_fills_its_cap() -> None:
    plan = compile_plan(parse_routine(AMRAP))
    assert plan.total == pytest.approx(180)
    swings = plan.steps[0]
    assert swings.waits_for_user and swings.in_amrap


def test_per_set_targets_and_first_side() -> None:
    text = HEAD + (
        '[[exercise]]\nname = "Squat"\nreps = 5\nsets = [{ load = "20 kg", rest = "1m" }, '
        '{ reps = 3, load = "40 kg" }, { duration = "20s" }]\n'
        '[[exercise]]\nname = "Lunge"\nreps = 4\nper_side = true\nfirst_side = "right"\n'
    )
    plan = compile_plan(parse_routine(text))
    work = [s for s in plan.steps if s.kind.is_work]
    assert [s.reps for s in work[:3]] == [(5, 5), (3, 3), None]
    assert [s.exercise.load if s.exercise else "" for s in work[:3]] == ["20 kg", "40 kg", ""]
    assert [s.estimate for s in work[:3]] == [15, 9, 20]
    rests = [s.estimate for s in plan.steps if s.kind is StepKind.REST]
    assert rests[:2] == [60, 45]
    assert [s.side for s in work[3:]] == [Side.RIGHT, Side.LEFT]
    assert plan.total == pytest.approx(10 + 15 + 60 + 9 + 45 + 20 + 60 + 12 + 5 + 12)


def test_a_sets_note_is_shown_planned_and_spoken_with_that_set_alone() -> None:
    text = HEAD + (
        '[[exercise]]\nname = "Back squat"\nreps = 5\n'
        'sets = [{ load = "80 kg" }, { reps = 3, load = "100 kg", note = "top set!" }]\n'
    )
    plan = compile_plan(parse_routine(text))
    first, top = (s for s in plan.steps if s.kind.is_work)
    assert detail_line(top) == "Set 2 of 2 · 3 reps · 100 kg · top set!"
    assert "top set" not in detail_line(first)
    assert plan_lines(plan)[-2].endswith("Back squat · set 2 of 2 · 3 reps · 100 kg · top set!")
    assert next_facts(top) == "Set 2 of 2 · 3 reps · top set!"
    assert spoken_line(top, None) == "Back squat. Set 2 of 2. 3 reps. 100 kg. Top set!"


def test_sets_that_take_the_exercises_range_work_to_todays_target() -> None:
    text = HEAD + (
        '[[exercise]]\nname = "Row"\nreps = [8, 12]\n'
        'sets = [{ load = "10 kg" }, { reps = 10 }, { duration = "30s" }, { load = "12 kg" }]\n'
    )
    routine = parse_routine(text)
    work = [s for s in compile_plan(routine, todays_targets(routine, {})).steps if s.kind.is_work]
    assert [s.target_reps for s in work] == [8, None, None, 8], "first time: bottom of the range"
    assert [s.estimate for s in work] == [24, 30, 30, 24]
    assert [s.exercise.load if s.exercise else "" for s in work] == ["10 kg", "", "", "12 kg"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(1.0, 59.0), min_size=30, max_size=30),
    st.lists(st.floats(0.0, 200.0), min_size=30, max_size=30),
)
def test_emom_rounds_start_on_their_boundaries(done: list[float], lateness: list[float]) -> None:
    """30 rounds, random done times, ticks that come late: every round on its boundary."""
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(EMOM)), clock)
    starts: list[float] = []
    for event in session.start():
        starts.append(event.at)
    for k in range(30):
        assert session.step.kind.is_work and session.step.round_no == k + 1
        clock.set(starts[-1] + done[k])
        session.done()
        clock.advance(lateness[k] % (60 - done[k]) if k % 3 else 0.0)
        for event in session.tick():
            if isinstance(event, StepStarted) and event.step.kind.is_work:
                starts.append(event.at)
        if k < 29:
            clock.set(60.0 * (k + 1) + 0.01)
            for event in session.tick():
                if isinstance(event, StepStarted) and event.step.kind.is_work:
                    starts.append(event.at)
    clock.set(30 * 60 + 5)
    session.tick()
    assert starts == pytest.approx([60.0 * k for k in range(30)])
    assert session.finished and session.elapsed() == pytest.approx(30 * 60)


def test_an_overrun_emom_round_starts_the_next_at_once_marked_late() -> None:
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(EMOM)), clock)
    session.start()
    clock.set(75.0)
    events = session.done()
    late = [e for e in events if isinstance(e, RoundStartedLate)]
    assert late and late[0].late_by == pytest.approx(15.0) and session.step.round_no == 2
    clock.set(80.0)
    session.done()
    assert session.remaining() == pytest.approx(40.0), "round 3 still starts at 2:00"


def test_skipping_an_emom_rest_starts_the_next_round_and_moves_the_schedule_earlier() -> None:
    """Next in a rest: the round starts now and later rounds keep ``every`` from it."""
    text = EMOM.replace("rounds = 30", "rounds = 5").replace("manual = true\n", "")
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(text)), clock)
    session.start()
    skipped = 0.0
    lefts: list[float] = []
    for k in range(5):
        assert session.step.kind.is_work and session.step.round_no == k + 1
        clock.advance(1.0)
        session.tick()
        lefts.append(session.total_remaining())
        session.skip()  # work ends: rest to the boundary
        assert session.step.kind is StepKind.INTERVAL_REST
        assert session.remaining() == pytest.approx(59.0), "no rest longer than every"
        lefts.append(session.total_remaining())
        clock.advance(1.0)
        session.tick()
        skipped += session.remaining()
        lefts.append(session.total_remaining())
        session.skip()
    assert session.finished
    assert session.elapsed() == pytest.approx(10.0)
    assert skipped == pytest.approx(5 * 58.0), "the block ends at start + 5 x every - skipped"
    assert lefts == sorted(lefts, reverse=True), "the workout's time left never jumps up"


def test_a_skipped_emom_rest_keeps_later_rounds_on_their_new_boundaries() -> None:
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(EMOM)), clock)
    session.start()
    clock.set(20.0)
    session.done()
    clock.set(30.0)
    session.skip()  # round 2 starts at 0:30, 30 s early
    assert session.step.round_no == 2 and session.total_remaining() == pytest.approx(29 * 60)
    clock.set(45.0)
    session.done()
    assert session.remaining() == pytest.approx(45.0), "round 3 starts at 1:30"
    clock.set(90.01)
    session.tick()
    assert session.step.kind.is_work and session.step.round_no == 3


def test_amrap_loops_until_the_cap_and_scores() -> None:
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(AMRAP)), clock)
    session.start()
    for _ in range(3):  # three full rounds: 10 s of swings, 20 s of plank
        clock.advance(10)
        session.done()
        clock.advance(20)
        session.tick()
    clock.set(170.0)  # slow swings: the plank is under way at the cap
    session.done()
    score = session.amrap_score()
    assert score is not None and (score.rounds_done, score.extra_exercises) == (3, 1)
    clock.set(180.5)
    events = session.tick()
    capped = [e for e in events if isinstance(e, CapReached)]
    assert capped and capped[0].at == pytest.approx(180.0)
    assert str(capped[0].score) == "3 rounds + 1"
    assert session.finished and session.tally.scores == [capped[0].score]


def test_rest_until_ready_waits_counts_up_and_reports_the_extra() -> None:
    text = HEAD + (
        "[defaults]\nget_ready = 0\nrest_until_ready = true\n\n"
        '[[exercise]]\nname = "A"\nduration = "10s"\nsets = 2\nrest = "30s"\n'
    )
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(text)), clock)
    session.start()
    clock.set(40.0)
    assert any(isinstance(e, RestRanOut) for e in session.tick())
    clock.set(82.0)
    assert session.tick() == [] and session.waiting
    assert session.overtime() == pytest.approx(42.0) and session.remaining() == 0
    events = session.done()
    extra = [e for e in events if isinstance(e, RestExtended)]
    assert extra and extra[0].extra == pytest.approx(42.0)
    assert session.step.kind.is_work and session.step.set_no == 2


def test_space_and_enter_end_a_waiting_rest_in_the_driver() -> None:
    text = HEAD + (
        "[defaults]\nget_ready = 0\nrest_until_ready = true\n\n"
        '[[exercise]]\nname = "A"\nduration = "10s"\nsets = 3\nrest = "30s"\n'
    )
    clock = FakeClock()
    driver = WorkoutDriver(compile_plan(parse_routine(text)), clock=clock, schedule=lambda *_: None)
    driver.start()
    clock.set(15.0)
    driver.tick()
    assert not driver.available(Command.DONE) or driver.session.step.kind.is_work is False
    assert driver.available(Command.MORE_TIME)
    clock.set(41.0)
    driver.tick()
    assert driver.session.waiting
    assert driver.available(Command.DONE) and not driver.available(Command.MORE_TIME)
    assert driver.send(Command.PAUSE) and driver.session.step.set_no == 2
    assert not driver.session.paused
    clock.set(51.0)
    driver.tick()
    clock.set(90.0)
    driver.tick()
    assert driver.send(Command.DONE) and driver.session.step.set_no == 3


def test_the_amrap_score_reaches_the_summary() -> None:
    clock = FakeClock()
    driver = WorkoutDriver(
        compile_plan(parse_routine(AMRAP)), clock=clock, schedule=lambda *_: None
    )
    driver.start()
    clock.set(10.0)
    driver.send(Command.DONE)
    assert not driver.available(Command.MORE_TIME), "the cap owns the clock"
    clock.set(181.0)
    driver.tick()
    assert driver.ending is not None
    (score,) = driver.ending.summary.scores
    assert (score.block, score.round, score.rounds_done, score.extra_exercises) == ("Cap", 1, 1, 0)


def test_the_new_bundled_routines_use_the_new_format(tmp_path: Path) -> None:
    strength = parse_routine((ROUTINES / "strength-day.toml").read_text())
    finisher = parse_routine((ROUTINES / "conditioning-finisher.toml").read_text())
    assert len(strength.blocks) >= 2 and strength.defaults.rest_until_ready
    assert any(ex.per_set for block in strength.blocks for ex in block.exercises)
    assert [b.every is not None for b in finisher.blocks] == [True, False]
    assert finisher.blocks[1].time_cap is not None


def test_a_bad_set_in_a_multiline_list_points_at_its_own_line_and_nothing_else() -> None:
    text = HEAD + (
        '[[exercise]]\nname = "Goblet Squat"\nsets = [\n'
        '  { reps = 5, load = "20 kg" },\n'
        '  { reps = 5, weight = "40 kg" },\n'
        "  { reps = 0 },\n]\n"
    )
    found = problems(text)
    assert [p.split(":")[1] for p in found] == ["8", "9"], found
    assert "set 2: unknown key 'weight'" in found[0]
    assert "set 3: reps = 0" in found[1]
    assert not any("needs reps" in p for p in found), "each set names its reps"


def test_braces_in_a_set_note_or_comment_do_not_move_the_line() -> None:
    text = HEAD + (
        '[[exercise]]\nname = "Goblet Squat"\nsets = [\n'
        '  { reps = 5, note = "slow {3 s} down" },  # {warm-up}\n'
        "  { reps = 5, note = 'hold }' },\n"
        "  { reps = 0 },\n]\n"
    )
    found = problems(text)
    assert [p.split(":")[1] for p in found] == ["9"], found
    assert "set 3: reps = 0" in found[0]


def test_a_set_list_without_reps_somewhere_still_needs_them() -> None:
    text = HEAD + '[[exercise]]\nname = "A"\nsets = [{ reps = 5 }, { load = "20 kg" }]\n'
    assert any("needs reps" in p for p in problems(text))


SHORT_AMRAP = HEAD + (
    '[defaults]\nget_ready = 0\n\n[[block]]\nname = "AMRAP"\ntime_cap = "20s"\n\n'
    '[[block.exercise]]\nname = "Swings"\nreps = 10\n\n'
    '[[block.exercise]]\nname = "Squats"\nreps = 8\n'
)


def _logged_driver(tmp_path: Path, clock: FakeClock) -> tuple[WorkoutDriver, Path]:
    db = tmp_path / "legtimer.db"
    logbook = Logbook(WorkoutRecorder(db, timeout=0.05), "T", None, started_at=1000.0)
    plan = compile_plan(parse_routine(SHORT_AMRAP))
    return WorkoutDriver(plan, clock=clock, schedule=lambda *_: None, listeners=[logbook]), db


def test_every_amrap_pass_counts_and_the_set_the_cap_cuts_is_neither_done_nor_skipped(
    tmp_path: Path,
) -> None:
    """Done three times in a 20 s AMRAP: the summary and the log both say 3 done."""
    clock = FakeClock()
    driver, db = _logged_driver(tmp_path, clock)
    driver.start()
    for at in (4.0, 8.0, 12.0):  # Swings, Squats, Swings
        clock.set(at)
        driver.send(Command.DONE)
    clock.set(21.0)
    driver.tick()
    assert driver.ending is not None
    summary = driver.ending.summary
    rows = {t.name: (t.done, t.skipped, t.capped) for t in summary.exercises}
    assert rows == {"Swings": (2, 0, 0), "Squats": (1, 0, 1)}
    assert (summary.sets_done, summary.sets_skipped, summary.sets_capped) == (3, 0, 1)
    assert "sets 3 done, 0 skipped, 1 cut by the cap" in totals_line(summary)
    assert [str(s) for s in summary.scores] == ["1 round + 1"]
    with TrainingLog.open(db) as log:
        (workout,) = log.workouts()
        sets = sets_of(log, workout.id)
        (row,) = read_history(log).workouts
    assert [(s.exercise, s.round, s.pass_no, s.skipped) for s in sets] == [
        ("Swings", 1, 1, False),
        ("Squats", 1, 1, False),
        ("Swings", 1, 2, False),
    ]
    assert (row.sets_done, row.sets_skipped) == (summary.sets_done, summary.sets_skipped)


def test_stopping_during_an_amrap_keeps_its_score_so_far(tmp_path: Path) -> None:
    clock = FakeClock()
    driver, db = _logged_driver(tmp_path, clock)
    driver.start()
    for at in (4.0, 8.0, 12.0):
        clock.set(at)
        driver.send(Command.DONE)
    clock.set(15.0)
    ending = driver.end("stopped")
    assert not ending.summary.finished
    assert [str(s) for s in ending.summary.scores] == ["1 round + 1"]
    assert score_lines(ending.summary) == ["AMRAP (AMRAP 1): 1 round + 1"]
    with TrainingLog.open(db) as log:
        (workout,) = log.workouts()
    assert [(s.block, s.rounds_done, s.extra_exercises) for s in workout.scores] == [
        ("AMRAP", 1, 1)
    ]


def test_the_amrap_work_screen_says_the_reps_and_side_and_the_kind_once() -> None:
    text = SHORT_AMRAP.replace(
        'name = "Swings"\nreps = 10\n', 'name = "Lunges"\nreps = 10\nper_side = true\n'
    )
    clock = FakeClock()
    session = Session(compile_plan(parse_routine(text)), clock)
    session.start()
    assert step_view_of(session).detail == "Left side · 10 reps · AMRAP"
    named = Session(compile_plan(parse_routine(AMRAP)), FakeClock())
    named.start()
    assert step_view_of(named).detail == "10 reps · Cap · AMRAP"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEAD + '[[block.exercise]]\nname = "A"\nreps = 5\n', 4),
        (HEAD + '[[block.exercise]]\nname = "A"\nreps = 5\n\n[[block]]\nname = "B"\n', 8),
    ],
    ids=["no block at all", "block after its exercise"],
)
def test_a_block_exercise_before_its_block_says_to_start_with_the_block(
    text: str, line: int
) -> None:
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"r.toml:{line}:"), found
    assert "comes before any [[block]]; start each block with [[block]]" in found[0]


def test_a_single_round_block_does_not_say_round_1_of_1() -> None:
    plan = compile_plan(load_routine(ROUTINES / "strength-day.toml"))
    ramp = next(s for s in plan.steps if s.kind is StepKind.WORK and s.round_no == 1)
    pair = next(s for s in plan.steps if s.kind is StepKind.WORK and s.rounds == 3)
    assert (
        detail_line(ramp)
        == "Set 1 of 3 · 8 reps · 8 kg · easy: groove the pattern · Ramp: goblet squat"
    )
    assert detail_line(pair).endswith("Pair A: squat and row · round 1 of 3")


def test_plan_names_the_emoms_last_rest_and_gives_amrap_steps_no_start() -> None:
    routine = parse_routine(
        HEAD + '[[block]]\nname = "E"\nrounds = 2\nevery = "1m"\n'
        '[[block.exercise]]\nname = "Swings"\nduration = "20s"\n'
        '[[block]]\nname = "A"\ntime_cap = "2m"\n'
        '[[block.exercise]]\nname = "Burpees"\nreps = 5\n',
        "r.toml",
    )
    lines = plan_lines(compile_plan(routine))
    rests = [line.split("  ")[-1].strip() for line in lines if "Rest " in line]
    assert rests[:2] == ["Rest until the next round", "Rest to the end of the EMOM"]
    burpees = next(line for line in lines if "Burpees" in line)
    assert burpees.startswith(" " * 8) and "loop" in burpees


def test_a_block_exercises_load_comes_from_the_log_like_any_other(tmp_path: Path) -> None:
    routine = parse_routine(
        HEAD + '[[block]]\nname = "A"\n\n'
        '[[block.exercise]]\nname = "Swings"\nreps = 10\nload = "16 kg"\n'
    )
    db = tmp_path / "legtimer.db"
    assert loads_from_log(routine, db) == {"Swings": "16 kg"}
    with TrainingLog.open(db) as log:
        log.remember_load("Swings", "20 kg")
    assert loads_from_log(routine, db) == {"Swings": "20 kg"}


def test_an_emom_only_estimated_to_overrun_is_accepted_and_plan_warns() -> None:
    """15 manual reps at an estimated 3 s each (0:45) in every 30 s: a guess, not an error."""
    text = HEAD + (
        '[[block]]\nname = "E"\nevery = "30s"\nrounds = 3\n\n'
        '[[block.exercise]]\nname = "Burpees"\nreps = 15\nmanual = true\nseconds_per_rep = 3\n'
    )
    plan = compile_plan(parse_routine(text))
    lines = plan_lines(plan)
    assert any(
        line.startswith("! E:") and "estimated work (0:45)" in line and "every (0:30)" in line
        for line in lines
    ), lines
    paced = text.replace("manual = true\n", "")  # a paced set's 45 s is fixed: still an error
    (found,) = problems(paced)
    assert "one round's timed work (0:45) is longer than every (0:30)" in found
    assert not any(line.startswith("!") for line in plan_lines(compile_plan(parse_routine(EMOM))))


def test_an_emoms_rest_between_rounds_error_names_its_own_interval() -> None:
    text = HEAD + (
        '[[block]]\nname = "E"\nevery = "90s"\nrounds = 3\nrest_between_rounds = "10s"\n\n'
        '[[block.exercise]]\nname = "Burpees"\nreps = 5\n'
    )
    (found,) = problems(text)
    assert "what is left of its 1 min 30 s interval; remove rest_between_rounds" in found
    assert "minute" not in found


def test_rest_until_ready_in_an_amrap_block_waits_between_its_amraps() -> None:
    text = HEAD + (
        '[defaults]\nget_ready = 0\n\n[[block]]\nname = "Burner"\ntime_cap = "20s"\nrounds = 2\n'
        'rest_between_rounds = "30s"\nrest_until_ready = true\n\n'
        '[[block.exercise]]\nname = "Plank"\nduration = "5s"\n'
    )
    plan = compile_plan(parse_routine(text))
    rests = [s for s in plan.steps if s.kind.is_rest]
    assert [(s.kind, s.until_ready) for s in rests] == [(StepKind.ROUND_REST, True)]
    clock = FakeClock()
    session = Session(plan, clock)
    session.start()
    clock.set(50.5)  # the 20 s cap, then the 30 s rest ran out
    session.tick()
    assert session.waiting and session.step.kind is StepKind.ROUND_REST
    session.done()
    assert session.step.in_amrap and session.step.round_no == 2
    emom = text.replace('time_cap = "20s"', 'every = "20s"').replace(
        'rest_between_rounds = "30s"\n', ""
    )
    (found,) = problems(emom)
    assert "in an every (EMOM) block the clock decides the rest; remove rest_until_ready" in found


def test_a_misspelt_blocks_table_gets_its_suggestion_and_nothing_misleading() -> None:
    text = HEAD + '[[blocks]]\nname = "E"\n[[blocks.exercise]]\nname = "Burpees"\nreps = 8\n'
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        "top level: unknown key 'blocks'; did you mean 'block'?"
    ]
    assert any("no [[exercise]] found" in p for p in problems("foo = 1\n" + HEAD))


def test_plan_gives_a_timed_amrap_exercise_its_time() -> None:
    routine = parse_routine(
        HEAD + '[[block]]\nname = "A"\ntime_cap = "2m"\n'
        '[[block.exercise]]\nname = "Burpees"\nreps = 5\n'
        '[[block.exercise]]\nname = "Plank"\nduration = "20s"\n',
        "r.toml",
    )
    lines = plan_lines(compile_plan(routine))
    plank = next(line for line in lines if "Plank" in line)
    assert "loop" in plank and plank.endswith("Plank · 20s")
    assert next(line for line in lines if "Burpees" in line).endswith("5 reps (done when you say)")
