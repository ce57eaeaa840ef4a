"""The two clocks a block can have, kept as times on the session's clock (never counted).

EMOM: one anchor per block; round k's interval ends at anchor + k x every, whatever the done
times were, so rounds start on their boundaries. AMRAP: one cap deadline per AMRAP; the pass
loops until it, and the score is counted as passes and exercises end.
"""

from __future__ import annotations

from dataclasses import dataclass

from legtimer.core.events import AmrapScore
from legtimer.core.plan import Plan, Step, StepKind

EPSILON = 1e-9
"""Float slack when comparing a boundary with now."""


@dataclass
class Anchor:
    """Where an EMOM block's first round began on the session's clock."""

    block_no: int
    at: float

    @classmethod
    def entering(cls, step: Step, at: float) -> Anchor:
        """The anchor that puts ``step`` (begun at ``at``) where its round says it is."""
        assert step.every is not None
        if step.kind is StepKind.INTERVAL_REST:
            return cls(step.block_no, at + step.estimate - step.round_no * step.every)
        return cls(step.block_no, at - (step.round_no - 1) * step.every)

    def boundary(self, step: Step) -> float:
        """When ``step``'s round ends: the next round's start."""
        assert step.every is not None
        return self.at + step.round_no * step.every


@dataclass
class Cap:
    """One AMRAP under way: its deadline, its pass of steps and its score so far."""

    block: str
    block_no: int
    round_no: int
    deadline: float
    first: int
    last: int
    rounds_done: int = 0
    extra: int = 0

    @classmethod
    def entering(cls, plan: Plan, index: int, at: float) -> Cap:
        """The AMRAP ``plan.steps[index]`` belongs to, starting its cap at ``at``."""
        step = plan.steps[index]
        assert step.time_cap is not None
        same = [
            s.plan_index
            for s in plan.steps
            if s.in_amrap and s.block_no == step.block_no and s.round_no == step.round_no
        ]
        return cls(step.block, step.block_no, step.round_no, at + step.time_cap, same[0], same[-1])

    def holds(self, step: Step) -> bool:
        """Whether ``step`` is part of this AMRAP's pass."""
        return step.in_amrap and (step.block_no, step.round_no) == (self.block_no, self.round_no)

    def passed(self, plan: Plan, index: int, completed: bool) -> int:
        """Count the step at ``index`` as left, and say which step comes next in the loop."""
        step = plan.steps[index]
        ends_exercise = index == self.last or plan.steps[index + 1].exercise_no != step.exercise_no
        if completed and ends_exercise and step.kind.is_work:
            self.extra += 1
        if index == self.last:
            self.rounds_done += 1
            self.extra = 0
            return self.first
        return index + 1

    def score(self) -> AmrapScore:
        """The result so far."""
        return AmrapScore(self.block, self.round_no, self.rounds_done, self.extra)
