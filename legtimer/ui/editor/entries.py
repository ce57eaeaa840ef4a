"""The lines of the editor's list: exercises (warm-up, main, cool-down) and the heads of blocks.

A block is its head followed by the main exercises after it, up to the next head: one flat
list, so moving an exercise past a head moves it into the neighbouring block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from legtimer.core.routine import Section
from legtimer.core.schema import Kind
from legtimer.ui.editor.refs import (
    BLOCK_FORM,
    ITEM_FORM,
    ITEM_KEYS,
    SECTION_LABELS,
    SET_FORM,
    Raw,
    blank,
    table_of,
    to_raw,
    to_value,
)

SETS_KEY = "sets"


@dataclass
class Item:
    """One warm-up, exercise or cool-down entry being edited."""

    section: Section
    raw: Raw
    lists: dict[str, list[str]] = field(default_factory=dict)
    """Lists as loaded: an item may itself contain a comma, so while the text shown is
    unchanged the original list is kept rather than split again."""
    sets_list: list[Raw] | None = None
    """One raw row per set when the sets change from set to set; None for a number of sets."""
    kept: dict[str, Any] = field(default_factory=dict)
    """What the form does not edit (its variants), written back as it was loaded."""
    _table: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def table(self) -> dict[str, Any]:
        """The TOML table this raw form stands for (kept until a field of it changes)."""
        if self._table is None:
            out: dict[str, Any] = {}
            for ref in ITEM_FORM:
                if ref.key == SETS_KEY and self.sets_list is not None:
                    out[SETS_KEY] = [table_of(SET_FORM, row) for row in self.sets_list]
                    continue
                original = self.lists.get(ref.key)
                if original is not None and self.raw.get(ref.key) == to_raw(ref, original):
                    out[ref.key] = list(original)
                    continue
                value = to_value(ref, self.raw.get(ref.key, ""))
                if value is not None:
                    out[ref.key] = value
            out.update(self.kept)
            self._table = out
        return self._table

    def set(self, key: str, value: Any) -> None:
        """Change one raw field."""
        self.raw[key] = value
        self._table = None

    def set_cell(self, row: int, key: str, value: Any) -> bool:
        """Change one field of one per-set row; False when nothing changed."""
        if self.sets_list is None or not 0 <= row < len(self.sets_list):
            return False
        if self.sets_list[row].get(key) == value:
            return False
        self.sets_list[row][key] = value
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

    def copy(self) -> Item:
        """An independent copy (its cached table may be shared: it is never mutated)."""
        lists = {key: list(value) for key, value in self.lists.items()}
        rows = None if self.sets_list is None else [dict(row) for row in self.sets_list]
        return Item(self.section, dict(self.raw), lists, rows, self.kept, self._table)

    def name(self) -> str:
        """The entry's name as typed, or "(no name)"."""
        return str(self.raw.get("name", "")).strip() or "(no name)"

    def label(self, in_block: bool = False) -> str:
        """The line in the list: "EXERCISE · Clamshells" (indented inside a block)."""
        text = f"{SECTION_LABELS[self.section]} · {self.name()}"
        return f"  {text}" if in_block else text

    def variant_names(self) -> list[str]:
        """ "Name (role)" for each variant the file gives this entry."""
        return [
            f"{variant.get('name', '?')} ({variant.get('role', '?')})"
            for variant in self.kept.get("variant", ())
        ]


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


Entry = Item | BlockHead


def item_from_table(section: Section, table: dict[str, Any]) -> Item:
    """An item whose raw fields show ``table``'s values."""
    raw = {ref.key: to_raw(ref, table.get(ref.key)) for ref in ITEM_FORM}
    lists = {
        ref.key: list(table[ref.key])
        for ref in ITEM_FORM
        if ref.spec.kind is Kind.TEXT_LIST and table.get(ref.key)
    }
    rows = None
    if isinstance(table.get(SETS_KEY), list):
        rows = [
            {ref.key: to_raw(ref, target.get(ref.key)) for ref in SET_FORM}
            for target in table[SETS_KEY]
        ]
    kept = {key: value for key, value in table.items() if key not in ITEM_KEYS}
    return Item(section, raw, lists, rows, kept)


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
