"""Session events -> cue sounds (and spoken lines): which sound, and whether it is still news."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence

from legtimer.audio.backends import Backend, SilentBackend
from legtimer.audio.voice import Voice
from legtimer.core.events import (
    CapReached,
    CountdownTicked,
    Event,
    HalfwayReached,
    PlanChanged,
    RepBeat,
    RestRanOut,
    StepStarted,
    WorkoutFinished,
)
from legtimer.core.plan import Plan, StepKind
from legtimer.core.words import spoken_line

STALE_AFTER = 0.5
"""An event due longer ago than this is old news (a late tick after a stall): no beep for it."""

PRIORITY = {"finish": 5, "switch": 4, "work": 4, "rest": 4, "halfway": 3, "tick": 2, "rep": 1}
"""When several cues fall due at once, only the most important one plays."""


def cue_for(event: Event) -> str | None:
    """The sound an event calls for, or None."""
    if isinstance(event, StepStarted):
        kind = event.step.kind
        if kind is StepKind.SWITCH:
            return "switch"
        return "work" if kind.is_work else "rest"
    if isinstance(event, CountdownTicked):
        return "tick"
    if isinstance(event, HalfwayReached):
        return "halfway"
    if isinstance(event, RepBeat):
        return "rep"
    if isinstance(event, WorkoutFinished):
        return "finish"
    if isinstance(event, CapReached):
        return "rest"  # the end-of-work sound, wherever the person is in the circuit
    if isinstance(event, RestRanOut):
        return "work"  # rest is over: go when ready
    return None


class CuePlayer:
    """Plays the cue for each batch of events on a backend; mute, notice and close for the UI."""

    def __init__(
        self,
        backend: Backend,
        plan: Plan | None = None,
        muted: bool = False,
        voice: Voice | None = None,
        notice: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        fallback: Backend | None = None,
    ) -> None:
        self.backend = backend
        self.fallback = fallback
        """Where sound goes if the backend fails mid-workout (the bell, from open_audio)."""
        self.plan = plan
        self.voice = voice
        self.clock = clock
        self._muted = muted
        self._notice = notice

    @property
    def muted(self) -> bool:
        """True while sound (and voice) is off."""
        return self._muted

    @property
    def notice(self) -> str | None:
        """One line saying sound is limited and why, or None when all is well."""
        return self._notice

    def toggle_mute(self) -> bool:
        """Flip mute, cutting off anything playing; returns the new state."""
        self._muted = not self._muted
        if self._muted:
            self.backend.stop()
            if self.voice is not None:
                self.voice.stop()
        return self._muted

    def handle(self, events: Sequence[Event]) -> None:
        """Play one cue for the newest moment in this batch; old news stays silent."""
        for event in events:
            if isinstance(event, PlanChanged):
                self._follow(event)
        if self._muted or not events:
            return
        now = self.clock()
        fresh = [e for e in events if now - e.at <= STALE_AFTER]
        if not fresh:
            return
        latest = max(e.at for e in fresh)
        due = [e for e in fresh if e.at == latest]
        cues = [(cue, e) for e in due if (cue := cue_for(e)) is not None]
        if not cues:
            return
        capped = [(cue, e) for cue, e in cues if isinstance(e, CapReached)]
        if any(cue == "finish" for cue, _ in cues):
            capped = []
        cue, event = capped[0] if capped else max(cues, key=lambda pair: PRIORITY[pair[0]])
        self._play(cue)
        if self.voice is not None:
            line = self.spoken_line(event)
            if line:
                self.voice.say(line)

    def _follow(self, event: PlanChanged) -> None:
        """Today's choice changed what comes next: keep to the new plan, and say the new
        exercise at once ("Rest. Next up: Squat Jumps.") when it is another one."""
        before = self.plan.next_up(event.step) if self.plan is not None else None
        self.plan = event.plan
        after = event.plan.next_up(event.step)
        if self._muted or self.voice is None or after is None:
            return
        if before is None or before.name != after.name:
            self.voice.say(spoken_line(event.step, after))

    def _play(self, cue: str) -> None:
        """Play on the backend; if it fails mid-workout, carry on with the fallback."""
        try:
            self.backend.play(cue)
        except Exception as exc:  # a device unplugged or taken: the workout must go on
            broken, self.backend = self.backend, self.fallback or SilentBackend()
            self._notice = f"Sound: {broken.name} stopped working ({exc}); now {self.backend.name}"
            self.fallback = None
            with contextlib.suppress(Exception):
                broken.close()
            self.backend.play(cue)

    def spoken_line(self, event: Event) -> str | None:
        """What the voice says at a step's start: "Clamshells. Set 1 of 3. Left side."."""
        if isinstance(event, WorkoutFinished):
            return "Workout complete. Well done."
        if isinstance(event, CapReached):
            return f"Time. {event.score}."
        if not isinstance(event, StepStarted):
            return None
        following = self.plan.next_up(event.step) if self.plan else None
        return spoken_line(event.step, following)

    def close(self) -> None:
        """Stop all sound before the process exits."""
        self.backend.close()
        if self.voice is not None:
            self.voice.close()
