"""Double progression: properties over any history, and the worked examples the screen shows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legtimer.core.progression import SetResult, Target, at_top, next_target


@st.composite
def ranges(draw: st.DrawFn) -> tuple[int, int]:
    low = draw(st.integers(1, 60))
    return low, draw(st.integers(low, 80))


def sessions(low: int, high: int, hit: bool | None = None) -> st.SearchStrategy[list[SetResult]]:
    """Last sessions whose targets lie in [low, high]; ``hit`` forces every set to reach it."""

    @st.composite
    def session(draw: st.DrawFn) -> list[SetResult]:
        target = draw(st.integers(low, high))
        result: list[SetResult] = []
        for _ in range(draw(st.integers(1, 6))):
            if hit is True:
                done: int | None = draw(st.integers(target, high + 5))
            else:
                done = draw(st.none() | st.integers(0, high + 5))
            result.append((target, done))
        return result

    return session()


@given(ranges().flatmap(lambda r: st.tuples(st.just(r), sessions(*r) | st.just([]))))
def test_the_target_is_always_within_the_range(
    case: tuple[tuple[int, int], list[SetResult]],
) -> None:
    (low, high), last = case
    for progression in (True, False):
        assert low <= next_target(low, high, last, progression).reps <= high


@given(ranges().flatmap(lambda r: st.tuples(st.just(r), sessions(*r, hit=True))))
def test_it_never_goes_down_when_every_set_hit_its_target(
    case: tuple[tuple[int, int], list[SetResult]],
) -> None:
    (low, high), last = case
    target = next_target(low, high, last)
    assert all(target.reps >= set_target for set_target, _ in last if set_target is not None)
    most = max(done for _, done in last if done is not None)
    assert target.reps == min(high, max(most + 1, max(t for t, _ in last if t is not None)))


@given(ranges().flatmap(lambda r: st.tuples(st.just(r), sessions(*r))))
def test_a_miss_repeats_the_target(case: tuple[tuple[int, int], list[SetResult]]) -> None:
    (low, high), last = case
    missed = any(done is not None and target is not None and done < target for target, done in last)
    if missed and low < high:
        assert next_target(low, high, last).reps == last[0][0]


@given(ranges())
def test_the_first_time_is_the_bottom_of_the_range(limits: tuple[int, int]) -> None:
    low, high = limits
    assert next_target(low, high, []).reps == low
    assert next_target(low, high, [(None, None), (low, None)]).reps == low  # nothing counted


@given(st.integers(1, 80), st.lists(st.tuples(st.integers(1, 80), st.integers(0, 90))))
def test_a_fixed_count_stays_fixed(reps: int, last: list[SetResult]) -> None:
    assert next_target(reps, reps, last).reps == reps
    assert next_target(reps, reps, last, progression=False).reps == reps


@given(ranges(), st.integers(1, 6), st.integers(0, 10))
def test_once_at_the_top_it_stays_there(limits: tuple[int, int], sets: int, extra: int) -> None:
    low, high = limits
    last: list[SetResult] = [(high, high + extra)] * sets
    target = next_target(low, high, last)
    assert target.reps == high
    assert at_top(last, high)
    # ... and doing the top again keeps it there, session after session.
    again = next_target(low, high, [(target.reps, target.reps)] * sets)
    assert again.reps == high


@given(ranges(), st.integers(1, 30))
def test_hitting_every_target_climbs_from_low_to_high_in_steps_of_one(
    limits: tuple[int, int], sets: int
) -> None:
    low, high = limits
    seen = []
    last: list[SetResult] = []
    for _ in range(high - low + 2):
        target = next_target(low, high, last)
        seen.append(target.reps)
        last = [(target.reps, target.reps)] * sets
    assert seen == [*range(low, high + 1), high]


def test_worked_example_the_best_set_sets_the_pace() -> None:
    # [15, 20]; last time 15 / 16 / 16 against a target of 15: every set hit it (the issue).
    target = next_target(15, 20, [(15, 15), (15, 16), (15, 16)])
    assert target == Target(17, (15, 16, 16), "every set reached its target: 16 + 1")
    assert target.describe() == "Last time 15 / 16 / 16 → today 17"


def test_worked_example_all_sets_ahead_move_together() -> None:
    assert next_target(15, 20, [(16, 17), (16, 17), (16, 18)]).reps == 19
    assert next_target(15, 20, [(16, 19), (16, 17), (16, 18)]).reps == 20  # capped at the top


def test_worked_example_a_miss_repeats() -> None:
    target = next_target(15, 20, [(17, 17), (17, 16), (17, 17)])
    assert target.reps == 17
    assert target.reason == "not every set reached 17: repeat it"


def test_worked_example_top_of_the_range() -> None:
    last: list[SetResult] = [(20, 20), (20, 21), (20, 20)]
    assert next_target(15, 20, last).reps == 20
    assert at_top(last, 20)
    assert not at_top([(20, 20), (20, 19)], 20)
    assert not at_top([], 20)


def test_worked_example_first_time_and_progression_off() -> None:
    assert next_target(8, 12, []).describe() == "Today 8 (first time: bottom of the range)"
    assert next_target(8, 12, [(8, 8)], progression=False).reps == 12


def test_per_side_sets_count_separately() -> None:
    # Left 15 and right 14 against 15: the right side missed, so 15 again.
    assert next_target(15, 20, [(15, 15), (15, 14)]).reps == 15


def test_a_bad_range_is_refused() -> None:
    with pytest.raises(ValueError):
        next_target(10, 8, [])
    with pytest.raises(ValueError):
        next_target(0, 8, [])


@given(ranges().flatmap(lambda r: st.tuples(st.just(r), sessions(*r, hit=True))))
def test_it_never_asks_more_than_one_above_the_best_set(
    case: tuple[tuple[int, int], list[SetResult]],
) -> None:
    (low, high), last = case
    target = next_target(low, high, last)
    best = max(done for _, done in last if done is not None)
    last_target = max(t for t, _ in last if t is not None)
    assert target.reps <= max(best + 1, last_target)
