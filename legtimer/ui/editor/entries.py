"""The lines of the editor's list: exercises (warm-up, main, cool-down), their variants and the
heads of blocks.

A block is its head followed by the main exercises after it, up to the next head; an exercise is
followed by its variants: one flat list, so moving an exercise past a head moves it into the
neighbouring block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self, TypeVar

from legtimer.core.routine import Section
from legtimer.ui.editor.refs import (
    AS_LOADED,
    BLOCK_FORM,
    ITEM_FORM,
    SECTION_LABELS,
    SET_FORM,
    VARIANT_FORM,
    FieldRef,
    Raw,
    blank,
    originals_of,
    table_of,
    to_raw,
    without,
)

SETS_KEY = "sets"
VARIANTS_KEY = "variant"
ROLE_WORDS = {"swap": "a swap for", "easier": "easier than", "harder": "harder than"}
"""How a variant's form title says what it is to its exercise: "a swap for Box Jumps"."""
INDENT = "  "
"""A step of indentation in the list."""


@dataclass
class Editable:
    """What an exercise and a variant have alike: raw fields, and a number of sets or a row for
    each set."""

    FORM: ClassVar[tuple[FieldRef, ...]] = ()

    section: Section
    raw: Raw
    originals: dict[str, Any] = field(default_factory=dict)
    """Values as loaded that the text shown would not give back exactly, written as they were
    until their field is edited (see :func:`originals_of`; never changed in place)."""
    sets_list: list[Raw] | None = None
    """One raw row per set when the sets change from set to set; None for a number of sets.
    A row keeps its own originals under :data:`AS_LOADED`."""
    kept: dict[str, Any] = field(default_factory=dict)
    """What the form does not edit (a key a later format adds), written back as it was loaded."""
    _table: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def table(self) -> dict[str, Any]:
        """The TOML table this raw form stands for (kept until a field of it changes)."""
        if self._table is None:
            out = table_of(self.FORM, self.raw, self.originals)
            if self.sets_list is not None:
                out[SETS_KEY] = [
                    table_of(SET_FORM, row, row.get(AS_LOADED)) for row in self.sets_list
                ]
            out.update(self.kept)
            self._table = out
        return self._table

    def set(self, key: str, value: Any) -> None:
        """Change one raw field (from then on it means what it shows)."""
        self.raw[key] = value
        if key in self.originals:
            self.originals = without(self.originals, key)
        self._table = None

    def set_cell(self, row: int, key: str, value: Any) -> bool:
        """Change one field of one per-set row; False when nothing changed."""
        if self.sets_list is None or not 0 <= row < len(self.sets_list):
            return False
        cells = self.sets_list[row]
        if cells.get(key) == value:
            return False
        cells[key] = value
        if key in cells.get(AS_LOADED, ()):
            cells[AS_LOADED] = without(cells[AS_LOADED], key)
        self._table = None
        return True

    def set_rows(self, rows: list[Raw] | None) -> None:
        """Use a per-set list (None: a number of sets, as many as the list had)."""
        if rows is None and self.sets_list is not None:
            self.raw[SETS_KEY] = str(len(self.sets_list))
        elif rows is not None:
            self.raw[SETS_KEY] = str(len(rows))
        self.sets_list = rows
        self._table = None

    def copy(self) -> Self:
        """An independent copy (its cached table may be shared: it is never mutated)."""
        rows = None if self.sets_list is None else [dict(row) for row in self.sets_list]
        return type(self)(
            self.section, dict(self.raw), self.originals, rows, self.kept, self._table
        )

    def name(self) -> str:
        """The entry's name as typed, or "(no name)"."""
        return str(self.raw.get("name", "")).strip() or "(no name)"


@dataclass
class Item(Editable):
    """One warm-up, exercise or cool-down entry being edited; its variants are entries of their
    own, after it."""

    FORM = ITEM_FORM

    def label(self, in_block: bool = False) -> str:
        """The line in the list: "EXERCISE · Clamshells" (indented inside a block)."""
        text = f"{SECTION_LABELS[self.section]} · {self.name()}"
        return f"{INDENT}{text}" if in_block else text


@dataclass
class VariantEntry(Editable):
    """A variant of the exercise above it in the list: its own name and role, and the exercise
    keys it changes (an empty field takes the exercise's value)."""

    FORM = VARIANT_FORM

    def role(self) -> str:
        """swap, easier or harder."""
        return str(self.raw.get("role", ""))

    def label(self, in_block: bool = False) -> str:
        """The line in the list, under its exercise: "  ↳ SWAP · Squat Jumps"."""
        text = f"{INDENT}↳ {self.role().upper()} · {self.name()}"
        return f"{INDENT}{text}" if in_block else text

    def relation(self, exercise: str) -> str:
        """What it is to its exercise, in words: "a swap for Box Jumps", "harder than Plank"."""
        return f"{ROLE_WORDS.get(self.role(), 'a variant of')} {exercise}"


@dataclass
class BlockHead:
    """The head of a block: its own keys; its exercises are the main entries after it."""

    raw: Raw
    section: Section = Section.MAIN
    _table: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def table(self) -> dict[str, Any]:
        """The [[block]] table's own keys (its exercises are added by the draft)."""
        if self._table is None:
            self._table = table_of(BLOCK_FORM, self.raw)
        return self._table

    def set(self, key: str, value: Any) -> None:
        """Change one raw field."""
        self.raw[key] = value
        self._table = None

    def copy(self) -> BlockHead:
        """An independent copy."""
        return BlockHead(dict(self.raw), self.section, self._table)

    def name(self) -> str:
        """The block's name as typed, or "(no name)"."""
        return str(self.raw.get("name", "")).strip() or "(no name)"

    def label(self, in_block: bool = False) -> str:
        """The line in the list: "BLOCK · Pair A"."""
        return f"BLOCK · {self.name()}"


Entry = Item | BlockHead | VariantEntry


def entries_from_table(section: Section, table: dict[str, Any]) -> list[Entry]:
    """An exercise's entry, then one for each of its variants."""
    variants = table.get(VARIANTS_KEY, ())
    own = {key: value for key, value in table.items() if key != VARIANTS_KEY}
    return [item_from_table(section, own), *(variant_from_table(section, v) for v in variants)]


def item_from_table(section: Section, table: dict[str, Any]) -> Item:
    """An item whose raw fields show ``table``'s values."""
    return _editable(Item, section, table)


def variant_from_table(section: Section, table: dict[str, Any]) -> VariantEntry:
    """A variant entry whose raw fields show an [[exercise.variant]] table's values."""
    return _editable(VariantEntry, section, table)


E = TypeVar("E", bound=Editable)


def _editable(kind: type[E], section: Section, table: dict[str, Any]) -> E:
    raw = {ref.key: to_raw(ref, table.get(ref.key)) for ref in kind.FORM}
    originals = without(originals_of(kind.FORM, table, raw), SETS_KEY)  # rows have their own
    rows = None
    if isinstance(table.get(SETS_KEY), list):
        rows = [_row(target) for target in table[SETS_KEY]]
    keys = {ref.key for ref in kind.FORM}
    kept = {key: value for key, value in table.items() if key not in keys}
    return kind(section, raw, originals, rows, kept)


def _row(target: dict[str, Any]) -> Raw:
    """A per-set row showing one per-set table."""
    row: Raw = {ref.key: to_raw(ref, target.get(ref.key)) for ref in SET_FORM}
    originals = originals_of(SET_FORM, target, row)
    if originals:
        row[AS_LOADED] = originals
    return row


def new_variant(section: Section) -> VariantEntry:
    """A fresh variant: named, a swap, everything else as its exercise."""
    return variant_from_table(section, {"name": "New variant", "role": "swap"})


def block_from_table(table: dict[str, Any]) -> BlockHead:
    """A block head showing a [[block]] table's own keys."""
    return BlockHead({ref.key: to_raw(ref, table.get(ref.key)) for ref in BLOCK_FORM})


def new_item(section: Section) -> Item:
    """A fresh entry for ``section``: named, and valid as it stands."""
    table: dict[str, Any] = {"name": "New exercise", "sets": 3, "reps": 10}
    if section is not Section.MAIN:
        table = {"name": f"New {SECTION_LABELS[section].lower()}", "duration": 30}
    return item_from_table(section, table)


def new_block(name: str = "New block", **raw: str) -> BlockHead:
    """A fresh block head: named, one round, its other keys empty."""
    return BlockHead({**blank(BLOCK_FORM), "name": name, **raw})


def blank_set() -> Raw:
    """A per-set row that leaves everything to its exercise."""
    return blank(SET_FORM)
