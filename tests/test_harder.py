"""Moving up to the harder variant: the rule, what the log keeps, and real workouts through the
driver on a fake clock with a real SQLite log (issue 16)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from legtimer.audio.backends import SilentBackend
from legtimer.audio.cues import CuePlayer
from legtimer.audio.voice import Voice
from legtimer.core.harder import (
    ASK_AGAIN_AFTER,
    Answer,
    GoingBack,
    MovingUp,
    Offer,
    Promotion,
    day_words,
    offer_for,
    promotion_history,
)
from legtimer.core.loader import parse_routine
from legtimer.core.progression import Target
from legtimer.core.routine import Routine
from legtimer.core.steps import Plan
from legtimer.core.today import missing_items, variant_equipment
from legtimer.live.driver import Command, WorkoutDriver
from legtimer.live.outfit import Outfit
from legtimer.live.variants import TodaysChoices
from legtimer.storage.paths import log_path
from legtimer.storage.pending import WorkoutRecorder, merge_pending, pending_dir
from legtimer.storage.progress import moving_up_from_log, targets_from_log
from legtimer.storage.trainlog import TrainingLog
from legtimer.storage.trainlog_records import SetRecord
from tests.conftest import FakeClock

CLAMS = """[routine]
name = "Clams"
[defaults]
get_ready = "5s"
rest = "10s"
rest_after = "20s"
seconds_per_rep = 2
[[exercise]]
name = "Bridges"
reps = 4
[[exercise]]
name = "Clamshells"
sets = 2
reps = [2, 3]
cue = "Knees bent, open the top knee."
[[exercise.variant]]
name = "Banded Clamshells"
role = "harder"
reps = [4, 6]
equipment = ["resistance band"]
cue = "Band above the knees."
"""
# get ready 5 | Bridges 8 | rest after 20 | Clamshells 2 x (target x 2 s) with a 10 s rest


def clams() -> Routine:
    return parse_routine(CLAMS)


def at_top(reps: int = 3, sets: int = 2) -> Target:
    return Target(reps, (reps,) * sets, "top of the range")


# ---- the rule -------------------------------------------------------------------------------


def test_every_set_at_the_top_offers_the_first_harder_variant() -> None:
    routine = clams()
    clamshells = routine.exercises[1]
    assert offer_for(routine, clamshells, at_top()) == Offer("Clamshells", "Banded Clamshells", 3)
    assert offer_for(routine, clamshells, Target(3, (3, 2), "short")) is None
    assert offer_for(routine, clamshells, Target(2, (), "first time")) is None
    assert offer_for(routine, clamshells, None) is None
    assert offer_for(routine, routine.exercises[0], Target(4, (4,), "fixed")) is None


def test_no_offer_when_the_band_is_missing_declined_lately_or_moved_up_already() -> None:
    routine = clams()
    clamshells = routine.exercises[1]
    assert offer_for(routine, clamshells, at_top(), frozenset({"resistance band"})) is None
    lately = MovingUp(declined={"Clamshells": ASK_AGAIN_AFTER - 1})
    assert offer_for(routine, clamshells, at_top(), moving_up=lately) is None
    enough = MovingUp(declined={"Clamshells": ASK_AGAIN_AFTER})
    assert offer_for(routine, clamshells, at_top(), moving_up=enough) is not None
    moved = MovingUp({"Clamshells": Promotion("Clamshells", "Banded Clamshells", 0.0)})
    assert offer_for(routine, clamshells, at_top(), moving_up=moved) is None


def test_a_swap_forced_by_missing_equipment_never_moves_a_person_up() -> None:
    text = CLAMS.replace(
        'cue = "Knees bent, open the top knee."',
        'cue = "Knees bent."\nequipment = ["mat"]\n[[exercise.variant]]\nname = "Side Lifts"\n'
        'role = "swap"\nequipment = []',
    )
    choices = TodaysChoices(
        parse_routine(text),
        ("mat",),
        targets=lambda today: {"Side Lifts": at_top(), "Clamshells": at_top()},
    )
    plan = choices.plan()
    assert "Side Lifts" in {step.name for step in plan.steps}
    assert choices.offers == {}


def test_day_words_leave_out_this_year() -> None:
    now = time.mktime((2025, 6, 1, 12, 0, 0, 0, 0, -1))
    assert day_words(time.mktime((2025, 1, 12, 9, 0, 0, 0, 0, -1)), now) == "12 Jan"
    assert day_words(time.mktime((2024, 12, 3, 9, 0, 0, 0, 0, -1)), now) == "3 Dec 2024"
    line = Promotion("Clamshells", "Banded Clamshells", time.time()).line()
    assert line.startswith("Clamshells → Banded Clamshells since ")


def day(month: int, mday: int) -> float:
    return time.mktime((time.localtime().tm_year, month, mday, 9, 0, 0, 0, 0, -1))


def test_history_of_moves_up_and_down_oldest_first() -> None:
    """Each stretch a slot was moved up: ended by a move down (or a no), still held, or one day."""
    answers = [
        Answer("Clamshells", "Banded Clamshells", True, day(1, 12)),
        Answer("Bridges", "Single-leg Bridges", True, day(1, 20)),
        Answer("Bridges", "Single-leg Bridges", False, day(1, 20) + 60, moved_down=True),
        Answer("Clamshells", "Banded Clamshells", False, day(2, 3), moved_down=True),
        Answer("Squats", "Jump Squats", False, day(2, 4)),  # a no alone: nothing held
        Answer("Clamshells", "Banded Clamshells", True, day(3, 1)),
        Answer("Clamshells", "Banded Clamshells", True, day(3, 2)),  # held already: continues
    ]
    lines = [promotion.line() for promotion in promotion_history(reversed(answers))]
    assert lines == [
        "Clamshells → Banded Clamshells 12 Jan – 3 Feb",
        "Bridges → Single-leg Bridges on 20 Jan only",
        "Clamshells → Banded Clamshells since 1 Mar",
    ]
    question = GoingBack("Clamshells", "Banded Clamshells").question()
    assert question == "Clamshells today · y: back to Clamshells from now on"


# ---- what the log keeps ---------------------------------------------------------------------


def clam_set(started: float, reps: int = 3, exercise: str = "Clamshells") -> SetRecord:
    return SetRecord(exercise, 1, 1, started, target_reps=3, reps=reps, seconds=6.0)


def session(log: TrainingLog, started: float, *sets: SetRecord) -> None:
    workout = log.begin_workout("Clams", None, started)
    for record in sets:
        log.record_set(workout, record)
    log.end_workout(workout, started + 60, True, 60.0, 30.0, 30.0)


def test_a_no_waits_for_three_more_sessions_of_that_exercise(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        session(log, 1000.0, clam_set(1010.0))
        log.answer_harder("Clamshells", "Banded Clamshells", False, when=1005.0)
        assert log.moving_up() == MovingUp({}, {"Clamshells": 1})  # that same workout counts
        assert MovingUp({}, {"Clamshells": 1}).quiet("Clamshells")
        session(log, 2000.0, clam_set(2010.0, exercise="Bridges"))  # not a session of it
        session(log, 3000.0, clam_set(3010.0)._replace(skipped=True))  # skipped: neither
        session(log, 4000.0, clam_set(4010.0))
        assert log.moving_up().declined == {"Clamshells": 2}
        assert log.moving_up().quiet("Clamshells")
        session(log, 5000.0, clam_set(5010.0))
        assert log.moving_up().declined == {"Clamshells": 3}
        assert not log.moving_up().quiet("Clamshells")


def test_a_yes_is_the_slots_exercise_since_then_and_the_latest_answer_counts(
    tmp_path: Path,
) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        log.answer_harder("Clamshells", "Banded Clamshells", False, when=100.0)
        log.answer_harder("Clamshells", "Banded Clamshells", True, when=200.0)
        log.answer_harder("Squats", "Jump Squats", False, when=150.0)
        up = log.moving_up()
        assert up.promotions == {"Clamshells": Promotion("Clamshells", "Banded Clamshells", 200.0)}
        assert up.promoted() == {"Clamshells": "Banded Clamshells"}
        assert up.declined == {"Squats": 0}
        assert [a.accepted for a in log.harder_answers()] == [False, False, True]


def test_a_move_down_ends_the_promotion_without_counting_as_a_no(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True, when=100.0)
        log.answer_harder("Clamshells", "Banded Clamshells", False, when=300.0, moved_down=True)
        assert log.moving_up() == MovingUp({}, {})  # not quiet: the usual rule decides
        assert [(a.accepted, a.moved_down) for a in log.harder_answers()] == [
            (True, False),
            (False, True),
        ]
        log.answer_harder("Clamshells", "Banded Clamshells", True, when=500.0)
        assert log.moving_up().promotions == {
            "Clamshells": Promotion("Clamshells", "Banded Clamshells", 500.0)
        }


def test_a_log_with_answers_but_no_moves_down_gains_the_column(tmp_path: Path) -> None:
    import sqlite3

    from legtimer.storage import trainlog_sql
    from tests.test_trainlog import make_raw_v1, user_version

    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    raw = sqlite3.connect(db)
    for statement in trainlog_sql.MIGRATIONS[1]:
        raw.execute(statement)
    raw.execute(
        "INSERT INTO harder_answers (slot, variant, accepted, answered_at) "
        "VALUES ('Clamshells', 'Banded Clamshells', 1, 100.0)"
    )
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    with TrainingLog.open(db) as log:
        assert [a.moved_down for a in log.harder_answers()] == [False]
        assert log.moving_up().promoted() == {"Clamshells": "Banded Clamshells"}
    assert user_version(db) == trainlog_sql.SCHEMA_VERSION


def test_a_log_from_before_moving_up_gains_its_table_and_keeps_its_sets(tmp_path: Path) -> None:
    from tests.test_trainlog import make_raw_v1

    db = tmp_path / "legtimer.db"
    make_raw_v1(db)
    with TrainingLog.open(db) as log:
        assert log.moving_up() == MovingUp({}, {})
        log.answer_harder("Squat", "Jump Squat", True, when=200.0)
        assert log.moving_up().promoted() == {"Squat": "Jump Squat"}
        assert [s.reps for s in log.workouts()[0].sets] == [10]


def test_json_export_lists_each_answer_under_the_workout_it_was_given_in(tmp_path: Path) -> None:
    with TrainingLog.open(tmp_path / "legtimer.db") as log:
        session(log, 1000.0, clam_set(1010.0))
        log.answer_harder("Clamshells", "Banded Clamshells", True, when=2003.0)
        session(log, 2000.0, clam_set(2010.0))
        data = json.loads(log.export_json())
    assert [w["harder_offers"] for w in data] == [
        [],
        [
            {
                "exercise": "Clamshells",
                "variant": "Banded Clamshells",
                "accepted": True,
                "answered_at": 2003.0,
                "moved_down": False,
            }
        ],
    ]


def test_an_answer_given_while_the_log_is_locked_is_merged_later(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "legtimer.db"
    TrainingLog.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    recorder = WorkoutRecorder(db, timeout=0.05)
    recorder.answer_harder("Clamshells", "Banded Clamshells", True)  # before the workout begins
    recorder.begin("Clams", None, 1000.0)
    recorder.record_set(clam_set(1010.0))
    recorder.move_down("Bridges", "Single-leg Bridges")
    recorder.end(1060.0, True, 60.0, 30.0, 30.0)
    recorder.close()
    holder.execute("ROLLBACK")
    holder.close()
    with TrainingLog.open(db) as log:
        assert log.moving_up().promotions == {}
        assert merge_pending(log, pending_dir(db)) == 1
        assert log.moving_up().promoted() == {"Clamshells": "Banded Clamshells"}
        assert [a.moved_down for a in log.harder_answers()] == [False, True]


# ---- real workouts through the driver ---------------------------------------------------------


class HeardVoice(Voice):
    """A voice that writes down what it would say."""

    def __init__(self) -> None:
        super().__init__(["true"])
        self.lines: list[str] = []

    def say(self, line: str) -> None:
        self.lines.append(line)


def start_workout(
    clock: FakeClock,
    routine: Routine | None = None,
    voice: Voice | None = None,
    missing: tuple[str, ...] = (),
) -> WorkoutDriver:
    """As `legtimer --routine` starts one: today's choices from the log, recorded in it."""
    routine = routine or clams()
    db = log_path()
    chooser = TodaysChoices(
        routine, missing, moving_up_from_log(db), targets=lambda today: targets_from_log(today, db)
    )

    def cues(plan: Plan, _bell: Callable[[], None], now: Callable[[], float]) -> CuePlayer:
        return CuePlayer(SilentBackend(), plan, voice=voice, clock=now)

    outfit = Outfit(clock=clock, cues=cues, record=True, schedule=lambda _d, _f: None)
    driver = outfit.driver(chooser.plan(), lambda: None, chooser=chooser)
    driver.start()
    return driver


def reach_before_clamshells(driver: WorkoutDriver, clock: FakeClock) -> None:
    """Run to the rest before Clamshells' first set."""
    while True:
        step = driver.session.step
        following = driver.plan.next_up(step)
        slot = following.exercise.slot or following.name if following else ""
        if not step.kind.is_work and slot == "Clamshells":
            return
        clock.advance(driver.session.remaining())
        driver.tick()


def finish(driver: WorkoutDriver, clock: FakeClock) -> None:
    while not driver.session.finished:
        clock.advance(driver.session.remaining())
        driver.tick()
    assert driver.ending is not None and driver.ending.how == "finished"


def clam_targets(driver: WorkoutDriver) -> list[tuple[str, int]]:
    return [(s.name, s.rep_count) for s in driver.plan.steps if s.kind.is_work][1:]


def test_a_two_to_three_range_moves_up_on_the_third_start_at_the_variants_low_end() -> None:
    clock = FakeClock()
    first = start_workout(clock)
    assert first.offer is None
    assert clam_targets(first) == [("Clamshells", 2)] * 2
    finish(first, clock)

    second = start_workout(clock)
    assert second.offer is None
    assert clam_targets(second) == [("Clamshells", 3)] * 2
    finish(second, clock)

    voice = HeardVoice()
    third = start_workout(clock, voice=voice)
    assert not third.available(Command.ACCEPT_HARDER)  # before Bridges: not offered there
    reach_before_clamshells(third, clock)
    offer = third.offer
    assert offer == Offer("Clamshells", "Banded Clamshells", 3)
    assert offer.question() == "All sets at 3 last time: try Banded Clamshells? y / n"
    left = third.session.remaining()
    total = third.plan.total
    assert third.send(Command.ACCEPT_HARDER)
    assert third.offer is None and not third.available(Command.DECLINE_HARDER)
    assert third.session.remaining() == pytest.approx(left)  # nothing moved but what is new
    assert clam_targets(third) == [("Banded Clamshells", 4)] * 2  # the bottom of [4, 6]
    assert third.plan.total == pytest.approx(total + 2 * (4 - 3) * 2)
    assert voice.lines[-1] == "Rest. Next up: Banded Clamshells."  # said at once
    clock.advance(left)
    third.tick()
    assert third.session.step.name == "Banded Clamshells"
    clock.advance(third.session.remaining())
    third.tick()
    assert voice.lines[-1] == "Rest. Next up: Banded Clamshells."  # not the old plan's name
    finish(third, clock)

    with TrainingLog.open(log_path()) as log:
        assert log.moving_up().promoted() == {"Clamshells": "Banded Clamshells"}
        [latest, *_] = log.workouts()
    assert [(s.exercise, s.variant, s.reps) for s in latest.sets[1:]] == [
        ("Clamshells", "Banded Clamshells", 4)
    ] * 2

    heard = HeardVoice()
    fourth = start_workout(clock, voice=heard)
    assert fourth.offer is None
    assert clam_targets(fourth) == [("Banded Clamshells", 5)] * 2  # its own progression
    assert fourth.plan.notes[0].startswith("Banded Clamshells instead of Clamshells: yours since")
    reach_before_clamshells(fourth, clock)
    assert fourth.send(Command.VARIANT)  # v goes back, for today
    assert clam_targets(fourth) == [("Clamshells", 3)] * 2
    assert heard.lines[-1] == "Rest. Next up: Clamshells."
    finish(fourth, clock)
    assert moving_up_from_log(log_path()).promoted() == {"Clamshells": "Banded Clamshells"}


def test_a_no_keeps_the_exercise_and_asks_again_after_three_more_sessions() -> None:
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)
    declined = start_workout(clock)
    reach_before_clamshells(declined, clock)
    step = declined.session.step
    assert declined.send(Command.DECLINE_HARDER)
    assert declined.session.step is step  # n answered; it did not skip the rest
    assert declined.offer is None
    assert clam_targets(declined) == [("Clamshells", 3)] * 2
    assert declined.send(Command.SKIP)  # and n is Next again
    finish(declined, clock)  # the first of the three sessions
    for _ in range(2):
        again = start_workout(clock)
        reach_before_clamshells(again, clock)
        assert again.offer is None
        finish(again, clock)
    asked = start_workout(clock)
    reach_before_clamshells(asked, clock)
    assert asked.offer is not None
    with TrainingLog.open(log_path()) as log:
        assert [a.accepted for a in log.harder_answers()] == [False]


def test_nothing_switches_once_the_exercise_has_begun() -> None:
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)
    driver = start_workout(clock)
    reach_before_clamshells(driver, clock)
    clock.advance(driver.session.remaining())
    driver.tick()
    assert driver.session.step.name == "Clamshells"
    clock.advance(driver.session.remaining())
    driver.tick()
    assert driver.session.step.kind.is_rest  # between its two sets
    assert driver.offer is None
    assert not driver.send(Command.ACCEPT_HARDER)
    assert clam_targets(driver) == [("Clamshells", 3)] * 2


def test_e_on_the_opening_get_ready_plans_anew_and_only_there() -> None:
    text = CLAMS.replace(
        'name = "Bridges"\nreps = 4',
        'name = "Bridges"\nreps = 4\n'
        'equipment = ["bench"]\n[[exercise.variant]]\nname = "Floor Bridges"\n'
        'role = "easier"\nequipment = []',
    )
    clock = FakeClock()
    voice = HeardVoice()
    driver = start_workout(clock, parse_routine(text), voice)
    left = driver.session.remaining()
    clock.advance(1.0)
    assert driver.can_change_equipment()
    assert driver.change_equipment(("bench",))
    assert [s.name for s in driver.plan.steps if s.kind.is_work][0] == "Floor Bridges"
    assert driver.plan.notes == ("Floor Bridges instead of Bridges: no bench",)
    assert driver.session.remaining() == pytest.approx(left - 1.0)
    assert voice.lines[-1] == "Get ready. First up: Floor Bridges."
    clock.advance(driver.session.remaining())
    driver.tick()
    assert driver.session.step.name == "Floor Bridges"
    assert not driver.can_change_equipment()
    assert not driver.change_equipment(())


def test_v_then_y_goes_back_down_for_good_and_the_rule_may_offer_again_next_time() -> None:
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)  # Clamshells at 2, then at 3: the top
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    driver = start_workout(clock)
    reach_before_clamshells(driver, clock)
    since = day_words(time.time())
    assert driver.slot_note() == (
        f"Banded Clamshells instead of Clamshells: yours since {since} · v for Clamshells"
    )
    assert driver.going_back is None and not driver.available(Command.MOVE_DOWN)
    assert driver.send(Command.VARIANT)
    assert clam_targets(driver) == [("Clamshells", 3)] * 2  # today only, so far
    assert driver.going_back == GoingBack("Clamshells", "Banded Clamshells")
    assert driver.slot_note() == ""
    step, left = driver.session.step, driver.session.remaining()
    assert driver.send(Command.MOVE_DOWN)
    assert driver.session.step is step and driver.session.remaining() == pytest.approx(left)
    assert driver.going_back is None and not driver.send(Command.MOVE_DOWN)
    assert driver.offer is None  # at the top last time, but not again in the same session
    assert clam_targets(driver) == [("Clamshells", 3)] * 2
    assert moving_up_from_log(log_path()) == MovingUp({}, {})
    finish(driver, clock)  # Clamshells at 3 again: the top

    again = start_workout(clock)
    assert again.plan.notes == ()
    reach_before_clamshells(again, clock)
    assert again.offer == Offer("Clamshells", "Banded Clamshells", 3)  # the usual rule


def test_yes_then_v_then_y_in_one_workout_keeps_the_exercise_and_asks_nothing_more() -> None:
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)
    driver = start_workout(clock)
    reach_before_clamshells(driver, clock)
    assert driver.send(Command.ACCEPT_HARDER)
    assert driver.slot_note().endswith(": yours from today · v for Clamshells")
    assert driver.send(Command.VARIANT)
    assert driver.going_back == GoingBack("Clamshells", "Banded Clamshells")
    assert driver.send(Command.MOVE_DOWN)
    assert driver.offer is None and driver.going_back is None
    assert driver.send(Command.VARIANT)  # v still picks for today: Banded, from the log's range
    assert clam_targets(driver) == [("Banded Clamshells", 4)] * 2
    assert driver.going_back is None and driver.slot_note() == ""
    assert driver.send(Command.VARIANT)
    assert clam_targets(driver) == [("Clamshells", 3)] * 2 and driver.offer is None
    finish(driver, clock)
    with TrainingLog.open(log_path()) as log:
        answers = [(a.accepted, a.moved_down) for a in log.harder_answers()]
        assert answers == [(True, False), (False, True)]
        assert log.moving_up() == MovingUp({}, {})


def test_a_band_only_the_variant_needs_is_asked_about_and_when_missing_never_used() -> None:
    routine = clams()
    assert routine.equipment == ()
    assert variant_equipment(routine) == ("resistance band",)
    assert missing_items(routine, ["Band"]) == ("resistance band",)
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock), clock)  # every Clamshells set at the top
    no_band = start_workout(clock, missing=("resistance band",))
    reach_before_clamshells(no_band, clock)
    assert no_band.offer is None
    assert no_band.available(Command.VARIANT)  # no other option today: v says so
    assert no_band.send(Command.VARIANT)
    assert "No other variant for Clamshells today" in no_band.notices()
    assert clam_targets(no_band) == [("Clamshells", 3)] * 2
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    promoted = start_workout(clock, missing=("resistance band",))
    assert clam_targets(promoted) == [("Clamshells", 3)] * 2  # moved up, but no band today
    assert promoted.plan.notes == ("Clamshells today: no resistance band for Banded Clamshells",)
    reach_before_clamshells(promoted, clock)
    assert promoted.slot_note() == "" and promoted.going_back is None
    with_band = start_workout(clock)
    reach_before_clamshells(with_band, clock)
    assert clam_targets(with_band)[0][0] == "Banded Clamshells"


def test_after_going_back_down_e_on_the_opening_get_ready_brings_no_offer() -> None:
    first = CLAMS.replace('[[exercise]]\nname = "Bridges"\nreps = 4\n', "")
    clock = FakeClock()
    for _ in range(2):
        finish(start_workout(clock, parse_routine(first)), clock)
    with TrainingLog.open(log_path()) as log:
        log.answer_harder("Clamshells", "Banded Clamshells", True)
    driver = start_workout(clock, parse_routine(first))
    assert driver.can_change_equipment() and driver.slot_note().endswith("· v for Clamshells")
    assert driver.send(Command.VARIANT) and driver.send(Command.MOVE_DOWN)
    assert driver.change_equipment(())  # the offers are worked out again: not this one
    assert driver.offer is None and driver.going_back is None
    work = [(step.name, step.rep_count) for step in driver.plan.steps if step.kind.is_work]
    assert work == [("Clamshells", 3)] * 2
