"""Another exercise in an upcoming slot, mid-workout, without moving a single deadline.

(And on the opening get-ready, other equipment: :func:`after_opening`.)

``v`` during a get-ready or the rest before an exercise asks for another of its options. The
plan built for the new choice is spliced in from that exercise's first step on: every step
already run, and the current one, stay as they were (the session keeps its deadline), and the
steps after are the new plan's, their planned starts following on from the current step.
"""

from __future__ import annotations

from legtimer.core.plan import Plan, Step, StepKind

_BEFORE = (StepKind.GET_READY, StepKind.REST, StepKind.REST_AFTER, StepKind.ROUND_REST)


def _item(step: Step) -> tuple[object, ...]:
    """Which pass of which exercise a step belongs to."""
    return (step.section, step.block_no, step.round_no, step.exercise_no)


def upcoming_slot(plan: Plan, index: int) -> Step | None:
    """The first step of the exercise that comes next, when ``v`` may change it from here.

    Only before an exercise (its get-ready or the rest before it), outside EMOM and AMRAP
    blocks (their clock owns the steps), and only for an exercise with variants.
    """
    step = plan.steps[index]
    if step.kind not in _BEFORE or step.every is not None or step.time_cap is not None:
        return None
    following = plan.next_up(step)
    if following is None or following.clocked or following.every is not None:
        return None
    earlier = [s for s in plan.steps[: following.plan_index] if s.kind.is_work]
    if earlier and _item(earlier[-1]) == _item(following):
        return None  # a rest between two sets of one exercise
    exercise = following.exercise
    if exercise is None or not exercise.variants:
        return None
    return following


def splice(plan: Plan, index: int, new: Plan) -> Plan:
    """``plan`` up to the upcoming exercise, then ``new`` from that exercise on.

    Args:
        plan: the plan being run.
        index: the current step (a get-ready or rest before the exercise).
        new: the plan compiled with today's new choice.

    Raises:
        ValueError: when ``v`` cannot apply at ``index`` or ``new`` lacks that exercise.
    """
    first = upcoming_slot(plan, index)
    if first is None:
        raise ValueError(f"step {index} is not before an exercise with variants")
    where = _item(first)
    start = next((s.plan_index for s in new.steps if s.kind.is_work and _item(s) == where), None)
    if start is None:
        raise ValueError("the new plan does not have that exercise")
    return _graft(plan, first.plan_index, new, start)


def after_opening(plan: Plan, new: Plan) -> Plan:
    """On the workout's opening get-ready: it stays (and its deadline); the rest is ``new``'s.

    For other equipment chosen there (``e``): every exercise may change, none has begun.

    Raises:
        ValueError: when ``plan`` does not open with a get-ready.
    """
    if not plan.steps or plan.steps[0].kind is not StepKind.GET_READY:
        raise ValueError("the plan does not open with a get-ready")
    start = 1 if new.steps and new.steps[0].kind is StepKind.GET_READY else 0
    return _graft(plan, 1, new, start)


def _graft(plan: Plan, keep: int, new: Plan, start: int) -> Plan:
    """``plan``'s first ``keep`` steps, then ``new``'s from ``start``, timed on and relinked."""
    steps = list(plan.steps[:keep])
    at = steps[-1].end if steps else 0.0
    for step in new.steps[start:]:
        steps.append(step._replace(plan_index=len(steps), start=at))
        at += step.estimate
    following: int | None = None
    linked: list[Step] = []
    for step in reversed(steps):
        linked.append(step._replace(next_up=following))
        if step.kind.is_work:
            following = step.plan_index
    return plan._replace(
        routine=new.routine,
        steps=tuple(reversed(linked)),
        targets=new.targets,
        notes=new.notes,
    )
