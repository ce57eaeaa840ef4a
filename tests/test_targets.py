"""Today's targets: from last sessions to the plan's pacing, the log read, and the summary lines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from legtimer.core.compare import against_last_time, per_set
from legtimer.core.loader import parse_routine
from legtimer.core.plan import compile_plan
from legtimer.core.progression import Target
from legtimer.core.targets import harder_hint, rep_exercises, todays_targets
from legtimer.storage.progress import loads_from_log, targets_from_log
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord

LEGS = """
[routine]
name = "Legs"
[defaults]
get_ready = 0
rest = 0
rest_after = 0
seconds_per_rep = 2
[[exercise]]
name = "Clamshells"
sets = 3
reps = [15, 20]
per_side = true
switch_sides = 0
harder = "loop a light band above the knees"
[[exercise]]
name = "Swings"
reps = 10
load = "16 kg"
[[exercise]]
name = "Bridges"
reps = [8, 12]
progression = false
"""


def test_first_time_is_the_low_end_and_the_plan_paces_it() -> None:
    routine = parse_routine(LEGS)
    targets = todays_targets(routine, {})
    assert {name: t.reps for name, t in targets.items()} == {
        "Clamshells": 15,
        "Swings": 10,
        "Bridges": 12,  # progression = false: the top, as before
    }
    plan = compile_plan(routine, targets)
    clams = [s for s in plan.steps if s.name == "Clamshells"]
    assert {s.rep_count for s in clams} == {15} and {s.duration for s in clams} == {30.0}
    assert clams[0].reps_text() == "15 of 15-20 reps"
    assert plan.target("Clamshells") == targets["Clamshells"]
    assert plan.total == compile_plan(routine).total - 6 * 5 * 2


def test_without_targets_the_plan_is_as_it_always_was() -> None:
    plan = compile_plan(parse_routine(LEGS))
    assert all(step.target_reps is None for step in plan.steps)
    assert {s.rep_count for s in plan.steps if s.name == "Clamshells"} == {20}
    assert plan.targets == ()


def test_the_issue_example_per_side() -> None:
    routine = parse_routine(LEGS)
    last = {"Clamshells": [(15, 15), (15, 15), (15, 16), (15, 16), (15, 16), (15, 16)]}
    target = todays_targets(routine, last)["Clamshells"]
    assert target.reps == 17
    assert target.describe() == "Last time 15 / 15 / 16 / 16 / 16 / 16 → today 17"


def test_progression_off_for_the_whole_routine() -> None:
    routine = parse_routine(LEGS.replace('name = "Legs"', 'name = "Legs"\nprogression = false'))
    assert todays_targets(routine, {"Clamshells": [(15, 15)]})["Clamshells"].reps == 20


@given(st.lists(st.integers(0, 40), min_size=1, max_size=8))
def test_targets_cover_every_rep_exercise_and_stay_in_range(done: list[int]) -> None:
    routine = parse_routine(LEGS)
    last = {name: [(10, reps) for reps in done] for name in rep_exercises(routine)}
    targets = todays_targets(routine, last)
    assert set(targets) == {"Clamshells", "Swings", "Bridges"}
    for exercise in routine.exercises:
        assert exercise.reps is not None
        assert exercise.reps[0] <= targets[exercise.name].reps <= exercise.reps[1]


def test_all_sets_at_the_top_suggest_the_harder_variant() -> None:
    routine = parse_routine(LEGS)
    clams = routine.exercises[0]
    top = Target(20, (20, 20, 21), "top")
    assert harder_hint(routine, clams, top) == (
        "All sets at 20: try the harder variant: loop a light band above the knees"
    )
    assert harder_hint(routine, clams, Target(20, (20, 19), "")) is None
    assert harder_hint(routine, routine.exercises[1], top) is None  # a fixed count
    assert harder_hint(routine, clams._replace(harder=""), top) == (
        "All sets at 20: time for more load"
    )


def _log_session(db: Path, reps: list[int], target: int, load: str | None = None) -> None:
    with TrainingLog.open(db) as log:
        workout = log.begin_workout("Legs", None, 1_700_000_000.0 + len(reps))
        for n, count in enumerate(reps):
            record = SetRecord(
                "Clamshells", 1, n // 2 + 1, 1_700_000_000.0, target_reps=target, reps=count
            )
            log.record_set(workout, record)
        if load:
            log.remember_load("Swings", load)


def test_targets_and_loads_are_read_from_the_log(tmp_path: Path) -> None:
    routine = parse_routine(LEGS)
    db = tmp_path / "legtimer.db"
    first = targets_from_log(routine, db)
    assert first is not None and first["Clamshells"].reps == 15
    assert not db.exists(), "planning must not create a log"
    assert loads_from_log(routine, db) == {"Swings": "16 kg"}
    _log_session(db, [15, 15, 15, 16, 16, 16], 15, load="20 kg")
    later = targets_from_log(routine, db)
    assert later is not None and later["Clamshells"].reps == 17
    assert loads_from_log(routine, db) == {"Swings": "20 kg"}


def test_an_unreadable_log_paces_the_top(tmp_path: Path) -> None:
    db = tmp_path / "legtimer.db"
    db.write_bytes(b"this is not a database" * 100)
    assert targets_from_log(parse_routine(LEGS), db) is None


def test_against_last_time_reads_like_the_issue() -> None:
    routine = parse_routine(LEGS)
    last = {"Clamshells": [15, 15, 16, 17, 16, 16]}
    today = {"Clamshells": [17] * 6, "Swings": [10], "Bridges": []}
    assert against_last_time(routine, last, today) == [
        "Clamshells  15/16/16 → 17/17/17 per side",
        "Swings  first time → 10",
    ]
    assert per_set([3, 2, 5], per_side=True) == [2, 5]


def test_the_editor_keeps_progression_off_and_the_load() -> None:
    from legtimer.core.writer import dumps_routine
    from legtimer.ui.editor.draft import Draft

    text = LEGS.replace('name = "Legs"', 'name = "Legs"\nprogression = false')
    routine = parse_routine(text)
    draft = Draft.from_routine(routine)
    rebuilt, problems = draft.check(draft.data(), None)
    assert not problems and rebuilt == routine
    saved = dumps_routine(routine)
    assert saved.count("progression = false") == 2 and 'load = "16 kg"' in saved
    assert "progression = true" not in saved


BLOCKS = """
[routine]
name = "Blocks"
[defaults]
get_ready = 0
rest = 0
rest_after = 0
seconds_per_rep = 3
[[block]]
name = "Pair A"
rounds = 2
[[block.exercise]]
name = "Goblet squat"
reps = [8, 12]
[[block.exercise]]
name = "Row"
reps = 10
"""


def test_rep_ranges_inside_a_block_progress_like_top_level_ones() -> None:
    routine = parse_routine(BLOCKS)
    assert rep_exercises(routine) == ["Goblet squat", "Row"]
    first = todays_targets(routine, {})
    assert first["Goblet squat"].reps == 8
    plan = compile_plan(routine, first)
    squats = [s for s in plan.steps if s.name == "Goblet squat"]
    assert len(squats) == 2 and {s.rep_count for s in squats} == {8}
    assert {s.duration for s in squats} == {24.0}
    assert squats[0].reps_text() == "8 of 8-12 reps"
    later = todays_targets(routine, {"Goblet squat": [(8, 9), (8, 9)]})
    assert later["Goblet squat"].reps == 10  # every set beat 8: 9 + 1
    today = {"Goblet squat": [9, 9], "Row": [10, 10]}
    assert against_last_time(routine, {"Goblet squat": [8, 8]}, today) == [
        "Goblet squat  8/8 → 9/9",
        "Row  first time → 10/10",
    ]


def test_a_top_set_with_its_own_reps_does_not_move_the_ranges_target() -> None:
    routine = parse_routine(
        '[routine]\nname = "R"\n[[exercise]]\nname = "Row"\nreps = [8, 12]\nharder = "Pendlay"\n'
        'sets = [{ load = "20 kg" }, { load = "25 kg" }, { reps = 3, load = "30 kg" }]\n'
    )
    (row,) = routine.exercises
    # Last time: both range sets reached 12 (the top); the 3-rep top set missed one rep.
    last = {"Row": [(12, 12), (12, 12), (None, 2)]}
    target = todays_targets(routine, last)["Row"]
    assert target.reps == 12 and target.last == (12, 12)
    assert harder_hint(routine, row, target) == "All sets at 12: try the harder variant: Pendlay"
    # Had the top set counted, 2 reps would have held the target and hidden the hint.
    steps = [s for s in compile_plan(routine, {"Row": target}).steps if s.kind.is_work]
    assert [s.target_reps for s in steps] == [12, 12, None]
