"""Every routine key once, as data: its type, bounds, default, help and the tables it may sit in.

The loader checks files against it, the writer writes in its order, the editor builds its form
from it and docs/routines.md's key table is rendered from it, so the four cannot drift apart.
New tables (blocks, per-set tables, variants) become new :class:`Table` members.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from legtimer.core.durations import MAX_STEP_SECONDS
from legtimer.core.routine import ROLES, SOUND_NAMES, Preferences, Section, Settings


class Table(Enum):
    """A kind of table a key may be written in."""

    ROUTINE = "[routine]"
    DEFAULTS = "[defaults]"
    EXERCISE = "[[warmup]], [[exercise]], [[cooldown]], [[block.exercise]]"
    SOUNDS = "[sounds]"
    BLOCK = "[[block]]"
    SET = "a per-set table in sets = [...]"
    VARIANT = "[[exercise.variant]] (and under warm-up, cool-down and block exercises)"


class Kind(Enum):
    """What a value must be; each kind has one reader in the loader and one widget in the form."""

    TEXT = "text"
    WHOLE = "whole number"
    DURATION = "duration"
    NUMBER = "number"
    BOOLEAN = "true/false"
    REPS = "reps"
    SETS = "whole number or list"
    CHOICE = "one of"
    TEXT_LIST = "list of text"
    SOUND_FILE = "path of a .wav file"


class Field(NamedTuple):
    """One key of the routine format (a NamedTuple: dataclasses cost `check` start-up time)."""

    key: str
    kind: Kind
    where: frozenset[Table]
    help: str
    """One line: what it means, for the docs table and the editor."""
    label: str
    """A short label for the editor form."""
    default: object = None
    """The value when the key is left out; None when there is none."""
    required: bool = False
    low: float | None = None
    high: float | None = None
    above_low: bool = False
    """The value must be more than ``low`` rather than at least ``low``."""
    multiline: bool = False
    """Long prose (a cue): the editor gives it a wrapping text area."""
    choices: tuple[str, ...] = ()
    """The values a CHOICE may take."""
    quiet_default: bool = False
    """A [defaults] key written to a saved file only when changed (files saved before it stay
    the same)."""

    def allowed(self) -> str:
        """The allowed values in words, as messages and the docs say them."""
        if self.kind is Kind.CHOICE:
            return " or ".join(f'"{choice}"' for choice in self.choices)
        if self.kind is Kind.SETS:
            return f"{self.low:g} to {self.high:g}, or a list of per-set tables"
        if self.kind is Kind.REPS:
            return f"a whole number from {self.low:g} to {self.high:g}, or a range [low, high]"
        if self.kind is Kind.WHOLE:
            return f"{self.low:g} to {self.high:g}"
        if self.kind is Kind.NUMBER:
            return f"more than {self.low:g}, at most {self.high:g}"
        if self.kind is Kind.DURATION:
            least = "longer than zero" if self.above_low else "zero or more"
            return f"{least}, at most {MAX_STEP_SECONDS // 3600} hours"
        return str(self.kind.value)

    @property
    def is_setting(self) -> bool:
        """A [defaults] key an exercise may override: unset there means "from [defaults]"."""
        return Table.DEFAULTS in self.where and Table.EXERCISE in self.where


_R = frozenset({Table.ROUTINE})
_D = frozenset({Table.DEFAULTS})
_E = frozenset({Table.EXERCISE})
_RE = frozenset({Table.ROUTINE, Table.EXERCISE})
_DE = frozenset({Table.DEFAULTS, Table.EXERCISE})
_S = frozenset({Table.SOUNDS})
_B = frozenset({Table.BLOCK})
_ES = frozenset({Table.EXERCISE, Table.SET})
_DES = frozenset({Table.DEFAULTS, Table.EXERCISE, Table.SET})
_DEB = frozenset({Table.DEFAULTS, Table.EXERCISE, Table.BLOCK})
_V = frozenset({Table.VARIANT})
_SET = Settings()
_PREF = Preferences()

FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, _R, "shown in the picker and on screen", "Name", required=True),
    Field("description", Kind.TEXT, _R, "what the workout is for", "Description", ""),
    Field("source", Kind.TEXT, _R, "where the routine comes from", "Source", ""),
    Field(
        "rounds",
        Kind.WHOLE,
        _R,
        "times through the exercise list",
        "Rounds (circuit)",
        1,
        low=1,
        high=100,
    ),
    Field(
        "rest_between_rounds",
        Kind.DURATION,
        _R,
        "after the last exercise of each round but the final one",
        "Rest between rounds",
        0.0,
        low=0,
    ),
    Field("name", Kind.TEXT, _E, "shown big on screen", "Name", required=True),
    Field(
        "sets",
        Kind.SETS,
        _E,
        "how many sets, or one table per set: "
        '[{ reps = 5, load = "20 kg" }, { reps = 5, load = "40 kg" }]',
        "Sets",
        1,
        low=1,
        high=100,
    ),
    Field(
        "reps",
        Kind.REPS,
        _ES,
        "reps per set (per side for per_side); exactly one of reps / duration",
        "Reps (10 or 15-20)",
        low=1,
        high=1000,
    ),
    Field(
        "duration",
        Kind.DURATION,
        _ES,
        "a timed set (per side for per_side)",
        "Duration (or reps)",
        low=0,
        above_low=True,
    ),
    Field(
        "per_side",
        Kind.BOOLEAN,
        _E,
        "each set is left side, a switch pause, right side",
        "Per side",
        False,
    ),
    Field("note", Kind.TEXT, frozenset({Table.SET}), "a word for this set alone", "Note", ""),
    Field(
        "cue", Kind.TEXT, _E, "how to do it, shown during the set", "Form cue", "", multiline=True
    ),
    Field("benefit", Kind.TEXT, _E, "why, shown in a quieter line", "Benefit", "", multiline=True),
    Field(
        "equipment",
        Kind.TEXT_LIST,
        _E,
        "shown in next-up so it is in hand when rest ends",
        "Equipment (comma-separated)",
        (),
    ),
    Field("easier", Kind.TEXT, _E, "a swap for an easier variant", "Easier", "", multiline=True),
    Field("harder", Kind.TEXT, _E, "a swap for a harder variant", "Harder", "", multiline=True),
    Field(
        "first_side",
        Kind.CHOICE,
        _E,
        "the side a per-side set starts on",
        "First side",
        "left",
        choices=("left", "right"),
    ),
    Field(
        "load",
        Kind.TEXT,
        _ES,
        'what it is done with ("16 kg", "blue band"); after the first time, last time\'s load',
        "Load",
        "",
    ),
    Field(
        "progression",
        Kind.BOOLEAN,
        _RE,
        "a rep range starts at its low end and climbs one rep when every set reached its "
        "target; false always paces the top",
        "Progression",
        True,
    ),
    Field(
        "get_ready",
        Kind.DURATION,
        _DE,
        "countdown before the first step (and before the main "
        "block after a warm-up; an exercise that sets it gets its own get-ready)",
        "Get ready",
        _SET.get_ready,
        low=0,
    ),
    Field(
        "rest",
        Kind.DURATION,
        _DES,
        "between sets of one exercise (in a per-set table: after that set)",
        "Rest between sets",
        _SET.rest,
        low=0,
    ),
    Field(
        "rest_after",
        Kind.DURATION,
        _DE,
        "after an exercise's last set",
        "Rest after exercise",
        _SET.rest_after,
        low=0,
    ),
    Field(
        "switch_sides",
        Kind.DURATION,
        _DE,
        "between the two sides of a per-side set",
        "Switch sides",
        _SET.switch_sides,
        low=0,
    ),
    Field(
        "seconds_per_rep",
        Kind.NUMBER,
        _DE,
        "paces rep sets: 10 reps = 30 s, with a beat each rep",
        "Seconds per rep",
        _SET.seconds_per_rep,
        low=0,
        high=60,
        above_low=True,
    ),
    Field(
        "manual",
        Kind.BOOLEAN,
        _DE,
        "a rep set waits for you to press done instead of being paced",
        "Manual (press done)",
        _SET.manual,
    ),
    Field(
        "countdown",
        Kind.WHOLE,
        _DE,
        "tick the last N seconds of each timed step; 0 = none",
        "Countdown ticks",
        _SET.countdown,
        low=0,
        high=10,
    ),
    Field(
        "halfway",
        Kind.BOOLEAN,
        _DE,
        "a cue halfway through timed work of 10 s or more",
        "Halfway cue",
        _SET.halfway,
    ),
    Field(
        "rep_beat",
        Kind.BOOLEAN,
        _DE,
        "a soft click each rep of a paced set",
        "Rep beat",
        _SET.rep_beat,
    ),
    Field(
        "rest_until_ready",
        Kind.BOOLEAN,
        _DEB,
        "when a rest runs out the timer sounds, counts the extra up and waits for "
        "Space, Enter or done",
        "Rest until ready",
        _SET.rest_until_ready,
        quiet_default=True,
    ),
    Field(
        "role",
        Kind.CHOICE,
        _V,
        "swap: the same work with other equipment; easier or harder: a step down or up "
        "(a variant may also hold every exercise key; what it leaves out it inherits)",
        "Role",
        required=True,
        choices=ROLES,
    ),
    Field("name", Kind.TEXT, _B, "shown on screen and in plan", "Name", required=True),
    Field(
        "rounds",
        Kind.WHOLE,
        _B,
        "times through the block's exercises",
        "Rounds",
        1,
        low=1,
        high=100,
    ),
    Field(
        "rest_between_rounds",
        Kind.DURATION,
        _B,
        "after each round but the final one (between AMRAPs for time_cap; not for every)",
        "Rest between rounds",
        0.0,
        low=0,
    ),
    Field(
        "rest_after",
        Kind.DURATION,
        _B,
        "after the block's final round, before the next block; default [defaults] rest_after",
        "Rest after block",
        low=0,
    ),
    Field(
        "every",
        Kind.DURATION,
        _B,
        "EMOM: a round starts every this long; the block lasts rounds x every",
        "Every (EMOM)",
        low=0,
        above_low=True,
    ),
    Field(
        "time_cap",
        Kind.DURATION,
        _B,
        "AMRAP: the exercises loop as a circuit until this long has gone; rounds = how many",
        "Time cap (AMRAP)",
        low=0,
        above_low=True,
    ),
    Field(
        "keep_awake",
        Kind.BOOLEAN,
        _D,
        "keep the screen from sleeping during the workout",
        "Keep the screen awake",
        _PREF.keep_awake,
    ),
    Field("flash", Kind.BOOLEAN, _D, "flash the screen at every transition", "Flash", _PREF.flash),
    Field(
        "remote",
        Kind.BOOLEAN,
        _D,
        "let a phone on the same network follow and drive the workout (as --remote does)",
        "Phone remote",
        _PREF.remote,
    ),
    *(
        Field(
            name,
            Kind.SOUND_FILE,
            _S,
            f"your own WAV for the {name} cue, relative to the routine's folder",
            f"{name} sound",
        )
        for name in SOUND_NAMES
    ),
)

TOP_LEVEL: tuple[str, ...] = (
    "routine",
    "defaults",
    "sounds",
    *(s.value for s in Section),
    "block",
)
"""Keys allowed at the top of a file: the tables, in the order the writer writes them."""


def fields_in(table: Table) -> dict[str, Field]:
    """The keys a table may hold, in the format's order."""
    return _BY_TABLE[table]


def field(table: Table, key: str) -> Field:
    """One key of a table (KeyError when the table does not allow it)."""
    return _BY_TABLE[table][key]


def _order(table: Table) -> tuple[Field, ...]:
    """A table's keys: required ones first, settings shared with [defaults] last (so a
    [[block]] opens with its name and ends with rest_until_ready, as people write it)."""
    keys = [f for f in FIELDS if table in f.where]
    return tuple(
        sorted(keys, key=lambda f: (not f.required, table is not Table.DEFAULTS and f.is_setting))
    )


_BY_TABLE: dict[Table, dict[str, Field]] = {
    table: {f.key: f for f in _order(table)} for table in Table
}
# A variant holds its name and role, then any exercise key (inherited from its exercise when
# left out), so the docs table lists the exercise keys once.
_BY_TABLE[Table.VARIANT] = {
    "name": _BY_TABLE[Table.EXERCISE]["name"],
    **_BY_TABLE[Table.VARIANT],
    **_BY_TABLE[Table.EXERCISE],
}

SETTINGS: tuple[Field, ...] = tuple(f for f in FIELDS if f.is_setting and Table.DEFAULTS in f.where)
"""The [defaults] keys an exercise may override, in the order of :class:`Settings`."""


def _default_text(f: Field) -> str:
    if f.required:
        return "required"
    if f.default is None:
        return "-"
    if isinstance(f.default, bool):
        return str(f.default).lower()
    if f.kind is Kind.DURATION and isinstance(f.default, float):
        from legtimer.core.durations import format_duration

        return format_duration(f.default)
    if isinstance(f.default, float):
        return f"{f.default:g}"
    if f.default == "":
        return '""'
    if f.default == ():
        return "[]"
    return str(f.default)


def _where_text(f: Field) -> str:
    names = {
        Table.ROUTINE: "routine",
        Table.DEFAULTS: "defaults",
        Table.EXERCISE: "exercise",
        Table.SOUNDS: "sounds",
        Table.BLOCK: "block",
        Table.SET: "set",
        Table.VARIANT: "variant",
    }
    return ", ".join(names[t] for t in Table if t in f.where)


def markdown_table() -> str:
    """The key reference table of docs/routines.md, rendered from :data:`FIELDS`."""
    rows = ["| key | in | type | allowed | default | meaning |", "|---|---|---|---|---|---|"]
    sounds = [f for f in FIELDS if f.kind is Kind.SOUND_FILE]
    for f in FIELDS:
        if f.kind is Kind.SOUND_FILE:
            continue
        allowed = f.allowed() if f.allowed() != f.kind.value else ""
        rows.append(
            f"| `{f.key}` | {_where_text(f)} | {f.kind.value} | {allowed} | {_default_text(f)} "
            f"| {f.help} |"
        )
    names = ", ".join(f"`{f.key}`" for f in sounds)
    rows.append(
        f"| {names} | sounds | {Kind.SOUND_FILE.value} | a PCM WAV of at most 1 MB "
        "inside the routine's folder | - | your own sound for that cue |"
    )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
