"""The plan compiler: the runners routine gives the expected timeline, and the rules hold."""

from __future__ import annotations

from legtimer.core.loader import parse_routine
from legtimer.core.plan import Plan, Side, StepKind, compile_plan
from legtimer.core.words import plan_lines
from tests.conftest import MINIMAL


def work_names(plan: Plan) -> list[str]:
    return [s.name for s in plan.steps if s.kind is StepKind.WORK]


def test_runners_follows_the_article(runners_plan: Plan) -> None:
    routine = runners_plan.routine
    assert [e.name for e in routine.exercises] == [
        "Clamshells",
        "Lateral Band Walks",
        "Kettlebell Swings",
        "Kettlebell Romanian Deadlifts",
        "Box Jumps",
        "Elevated Glute Bridges",
    ]
    numbers = {e.name: (e.sets, e.reps, e.per_side) for e in routine.exercises}
    assert numbers == {
        "Clamshells": (3, (15, 20), True),
        "Lateral Band Walks": (3, (10, 10), False),
        "Kettlebell Swings": (3, (10, 10), False),
        "Kettlebell Romanian Deadlifts": (3, (10, 10), False),
        "Box Jumps": (3, (10, 10), False),
        "Elevated Glute Bridges": (3, (10, 10), False),
    }
    assert routine.warmup and routine.cooldown
    assert all(e.cue for e in routine.exercises)
    assert "single-leg" in routine.exercises[3].harder
    assert "squat jumps" in routine.exercises[4].easier.lower()
    assert "2 to 3 sets" in routine.exercises[1].cue


def test_runners_timeline_and_total(runners_plan: Plan) -> None:
    steps = runners_plan.steps
    # Clamshells: 3 sets x (left, switch, right) with rest between sets.
    clam = [s for s in steps if s.name == "Clamshells"]
    assert [(s.set_no, s.side) for s in clam] == [
        (1, Side.LEFT),
        (1, Side.RIGHT),
        (2, Side.LEFT),
        (2, Side.RIGHT),
        (3, Side.LEFT),
        (3, Side.RIGHT),
    ]
    assert all(s.duration == 20 * 2.5 for s in clam)
    assert len(work_names(runners_plan)) == 6 + 5 * 3
    # Starts are contiguous and the total is their sum.
    for before, after in zip(steps, steps[1:], strict=False):
        assert after.start == before.end
    assert runners_plan.total == sum(s.estimate for s in steps)
    assert runners_plan.total == 36 * 60 + 54
    assert steps[0].kind is StepKind.GET_READY and steps[0].duration == 15
    assert steps[-1].kind is StepKind.COOLDOWN


def test_next_up_points_at_the_next_movement(runners_plan: Plan) -> None:
    rests = [s for s in runners_plan.steps if s.kind is StepKind.REST_AFTER]
    first_rest_after = rests[0]
    following = runners_plan.next_up(first_rest_after)
    assert following is not None and following.name == "Lateral Band Walks"
    assert runners_plan.next_up(runners_plan.steps[-1]) is None


def test_zero_length_steps_are_not_in_the_plan() -> None:
    text = MINIMAL.replace(
        "reps = 10",
        'reps = 10\nsets = 2\nper_side = true\nrest = 0\nswitch_sides = "0s"\nget_ready = 0',
    )
    plan = compile_plan(parse_routine(text))
    assert [s.kind for s in plan.steps] == [StepKind.WORK] * 4
    assert all(s.estimate > 0 for s in plan.steps)


def test_rounds_repeat_the_list_with_round_rest_between() -> None:
    text = (
        '[routine]\nname = "C"\nrounds = 3\nrest_between_rounds = "30s"\n'
        '[defaults]\nget_ready = 0\nrest_after = "5s"\n'
        '[[exercise]]\nname = "A"\nduration = 20\n[[exercise]]\nname = "B"\nduration = 20\n'
    )
    plan = compile_plan(parse_routine(text))
    kinds = [(s.kind, s.round_no) for s in plan.steps]
    assert kinds == [
        (StepKind.WORK, 1),
        (StepKind.REST_AFTER, 1),
        (StepKind.WORK, 1),
        (StepKind.ROUND_REST, 1),
        (StepKind.WORK, 2),
        (StepKind.REST_AFTER, 2),
        (StepKind.WORK, 2),
        (StepKind.ROUND_REST, 2),
        (StepKind.WORK, 3),
        (StepKind.REST_AFTER, 3),
        (StepKind.WORK, 3),
    ]
    assert plan.total == 6 * 20 + 3 * 5 + 2 * 30
    assert all(s.rounds == 3 for s in plan.steps)


def test_manual_sets_wait_and_are_estimated() -> None:
    text = MINIMAL.replace("reps = 10", "reps = [8, 12]\nmanual = true\nseconds_per_rep = 2")
    plan = compile_plan(parse_routine(text))
    work = plan.steps[-1]
    assert work.waits_for_user and work.duration is None
    assert work.estimate == 24
    assert plan.total == 10 + 24


def test_warmup_flows_and_main_block_gets_ready() -> None:
    text = (
        '[routine]\nname = "W"\n[defaults]\nget_ready = "5s"\n'
        '[[warmup]]\nname = "Swing"\nduration = 30\n[[warmup]]\nname = "Circle"\nduration = 30'
        '\n[[exercise]]\nname = "A"\nreps = 5\n[[cooldown]]\nname = "S"\nduration = 30\n'
    )
    plan = compile_plan(parse_routine(text))
    assert [s.kind for s in plan.steps] == [
        StepKind.GET_READY,
        StepKind.WARMUP,
        StepKind.WARMUP,
        StepKind.GET_READY,
        StepKind.WORK,
        StepKind.REST_AFTER,
        StepKind.COOLDOWN,
    ]


def test_plan_columns_stay_aligned_past_an_hour() -> None:
    routine = parse_routine(
        '[routine]\nname = "H"\n[[exercise]]\nname = "Ruck"\nduration = "1h"\n'
        '[[exercise]]\nname = "Squats"\nreps = 10\nmanual = true\n'
    )
    lines = plan_lines(compile_plan(routine))
    rows = lines[1:-2]  # the heading and the steps, not TOTAL and the footnote
    names = ["STEP", "Get ready", "Ruck", "Rest"]
    columns = {line.index(name) for line, name in zip(rows[:4], names, strict=True)}
    assert len(columns) == 1, rows
    assert rows[-1].index("Squats") in columns, "a manual set's * does not push it along"


def test_a_block_heading_past_an_hour_stays_in_line_with_its_steps() -> None:
    routine = parse_routine(
        '[routine]\nname = "E"\n[[block]]\nname = "Long EMOM"\nrounds = 61\nevery = "1m"\n'
        '[[block.exercise]]\nname = "Swings"\nduration = "20s"\n'
    )
    lines = plan_lines(compile_plan(routine))
    heading = next(line for line in lines if "Block 1 of 1" in line)
    swings = next(line for line in lines if "Swings" in line)
    assert heading.index("Block") == swings.index("Swings") - 2, "steps indent 2 under it"
    assert heading.split()[1] == "1:01:00"
