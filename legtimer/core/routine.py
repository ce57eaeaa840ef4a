"""What a routine file says, as immutable typed records.

Per-exercise timing overrides stay ``None`` when the file does not set them, so a routine saved
by the editor writes back only what the person wrote; :meth:`Exercise.settings` resolves them.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path


class Section(Enum):
    """Where in a routine an exercise sits."""

    WARMUP = "warmup"
    MAIN = "exercise"
    COOLDOWN = "cooldown"


ROLES = ("swap", "easier", "harder")
"""What a variant is to its exercise: the same work with other equipment, a step down, a step up."""

SOUND_NAMES = ("work", "rest", "tick", "halfway", "switch", "rep", "finish")
"""Cue sounds a routine may override in its [sounds] table."""


class Settings(NamedTuple):
    """Timing and cue settings: [defaults] in full, or resolved for one exercise."""

    get_ready: float = 10.0
    rest: float = 45.0
    rest_after: float = 60.0
    switch_sides: float = 5.0
    seconds_per_rep: float = 3.0
    manual: bool = False
    countdown: int = 3
    halfway: bool = True
    rep_beat: bool = True
    rest_until_ready: bool = False


SETTING_NAMES: tuple[str, ...] = Settings._fields


class Preferences(NamedTuple):
    """How the whole workout runs on this machine; set in [defaults] only, never per exercise."""

    keep_awake: bool = True
    """Keep the screen from sleeping while the workout runs."""
    flash: bool = False
    """Flash the screen at every transition (for a muted or noisy room)."""
    remote: bool = False
    """Let a phone on the same network follow and drive the workout (as --remote does)."""


PREFERENCE_NAMES: tuple[str, ...] = Preferences._fields


class Overrides(NamedTuple):
    """Per-exercise settings; ``None`` means "use [defaults]"."""

    get_ready: float | None = None
    rest: float | None = None
    rest_after: float | None = None
    switch_sides: float | None = None
    seconds_per_rep: float | None = None
    manual: bool | None = None
    countdown: int | None = None
    halfway: bool | None = None
    rep_beat: bool | None = None
    rest_until_ready: bool | None = None

    def apply_to(self, defaults: Settings) -> Settings:
        """Defaults with every override that is set laid over them."""
        if self.count(None) == len(self):
            return defaults
        return Settings._make(
            [
                default if (value := getattr(self, name)) is None else value
                for name, default in zip(defaults._fields, defaults, strict=True)
            ]
        )

    def is_set(self, name: str) -> bool:
        """True when the routine file set this key on the exercise itself."""
        return getattr(self, name) is not None


class SetTarget(NamedTuple):
    """One entry of a per-set list: what it leaves out (None or "") comes from its exercise."""

    reps: tuple[int, int] | None = None
    duration: float | None = None
    load: str = ""
    rest: float | None = None
    """Rest after this set; None means the exercise's own rest."""
    note: str = ""

    @property
    def own_amount(self) -> bool:
        """The set names its own reps or duration (so it is not worked to the exercise's)."""
        return self.reps is not None or self.duration is not None


class Exercise(NamedTuple):
    """One move: how many sets of what, and how to do it."""

    name: str
    sets: int = 1
    reps: tuple[int, int] | None = None
    duration: float | None = None
    per_side: bool = False
    cue: str = ""
    benefit: str = ""
    equipment: tuple[str, ...] = ()
    easier: str = ""
    harder: str = ""
    load: str = ""
    """What it is done with ("16 kg", "blue band"): the first default; then last time's load."""
    progression: bool = True
    """False: a rep range always paces its top (no double progression)."""
    first_side: str = "left"
    """The side a per-side set starts on."""
    per_set: tuple[SetTarget, ...] = ()
    """Targets that change from set to set; when given, ``sets`` is its length."""
    overrides: Overrides = Overrides()
    variants: tuple[Variant, ...] = ()
    """Other exercises that may stand in this slot, in the file's order."""
    slot: str = ""
    """Today only: the routine's exercise this one stands in for ("" when it is that one)."""

    def reps_text(self) -> str:
        """ "15-20 reps", "10 reps" or "" for timed work."""
        if self.reps is None:
            return ""
        low, high = self.reps
        count = f"{low}" if low == high else f"{low}-{high}"
        return f"{count} rep" if high == 1 else f"{count} reps"

    def settings(self, defaults: Settings) -> Settings:
        """This exercise's effective settings."""
        return self.overrides.apply_to(defaults)

    def as_set(self, set_no: int) -> Exercise:
        """The exercise as set ``set_no`` (1-based) has it: that set's own target laid over it.

        Steps carry this, so screen, voice, plan and log read each set's target the same way.
        """
        if not self.per_set:
            return self
        target = self.per_set[set_no - 1]
        if target.reps is not None:
            reps, duration = target.reps, None
        elif target.duration is not None:
            reps, duration = None, target.duration
        else:
            reps, duration = self.reps, self.duration
        return self._replace(reps=reps, duration=duration, load=target.load or self.load)


class Variant(NamedTuple):
    """An exercise that may stand in for another: its role, and itself with inheritance done."""

    role: str
    """One of :data:`ROLES`."""
    exercise: Exercise
    """The variant as a whole exercise: every key it leaves out taken from its exercise."""
    written: tuple[str, ...] = ()
    """The keys the file wrote on the variant (besides name and role), for a tidy save."""

    @property
    def name(self) -> str:
        """The variant's own name."""
        return self.exercise.name


class Block(NamedTuple):
    """A named part of the main section with its own rounds: supersets, circuits, EMOM, AMRAP."""

    name: str
    exercises: tuple[Exercise, ...]
    rounds: int = 1
    rest_between_rounds: float = 0.0
    rest_after: float | None = None
    """Rest before the next block; None means [defaults] rest_after."""
    every: float | None = None
    """EMOM: a round starts every this many seconds."""
    time_cap: float | None = None
    """AMRAP: the exercises loop as a circuit until this many seconds have gone."""
    rest_until_ready: bool | None = None
    """Rests inside this block wait for the person; None means the exercise's setting."""

    @property
    def clocked(self) -> bool:
        """EMOM or AMRAP: the clock, not rest settings, decides the gaps."""
        return self.every is not None or self.time_cap is not None


class Routine(NamedTuple):
    """A whole routine file."""

    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    source: str = ""
    rounds: int = 1
    rest_between_rounds: float = 0.0
    defaults: Settings = Settings()
    warmup: tuple[Exercise, ...] = ()
    cooldown: tuple[Exercise, ...] = ()
    sounds: tuple[tuple[str, str], ...] = ()
    """(cue name, path as written in the file, relative to the routine's folder)."""
    preferences: Preferences = Preferences()
    progression: bool = True
    """False turns double progression off for every exercise of the routine."""
    blocks: tuple[Block, ...] = ()
    """Named parts in place of the one unnamed main list; empty for a routine without them."""
    path: str | None = None
    """Where it was loaded from; not part of what the routine says."""

    def says(self) -> tuple[object, ...]:
        """Every field but ``path``, by name: what the routine says, whatever the field order."""
        return tuple(getattr(self, name) for name in self._fields if name != "path")

    def __eq__(self, other: object) -> bool:
        """Equal when they say the same; where each was loaded from does not count."""
        if not isinstance(other, Routine):
            return NotImplemented
        return self.says() == other.says()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.says())

    def section(self, which: Section) -> tuple[Exercise, ...]:
        """The exercises of one section."""
        return {
            Section.WARMUP: self.warmup,
            Section.MAIN: self.exercises,
            Section.COOLDOWN: self.cooldown,
        }[which]

    def sound_paths(self) -> dict[str, Path]:
        """Override sounds as absolute paths (next to the routine file)."""
        from pathlib import Path

        base = Path(self.path).parent if self.path else Path.cwd()
        return {name: (base / rel) for name, rel in self.sounds}

    @property
    def main_count(self) -> int:
        """Exercises in the main part: the [[exercise]] list, or every block's exercises."""
        return len(self.exercises) + sum(len(block.exercises) for block in self.blocks)

    def all_exercises(self) -> tuple[Exercise, ...]:
        """Every exercise in file order: warm-up, main list, blocks, cool-down."""
        in_blocks = tuple(ex for block in self.blocks for ex in block.exercises)
        return (*self.warmup, *self.exercises, *in_blocks, *self.cooldown)

    @property
    def has_variants(self) -> bool:
        """Some exercise has [[...variant]] tables."""
        return any(exercise.variants for exercise in self.all_exercises())

    @property
    def equipment(self) -> tuple[str, ...]:
        """Everything the routine needs, in order of first use."""
        seen: dict[str, None] = {}
        in_blocks = tuple(ex for block in self.blocks for ex in block.exercises)
        for exercise in (*self.warmup, *self.exercises, *in_blocks, *self.cooldown):
            for item in exercise.equipment:
                seen.setdefault(item, None)
        return tuple(seen)
