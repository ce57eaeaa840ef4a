"""The editor's working copy: what the person typed, field by field, and what it means.

Raw text is kept exactly as typed (so a half-typed "1m3" stays on screen); it becomes TOML
values only to be checked by the same loader `legtimer check` uses, which is where every
message comes from. The list is flat (warm-up, then the main exercises or the blocks, each head
followed by its exercises, then cool-down; each exercise followed by its variants); the list
operations (:mod:`legtimer.ui.editor.entrylist`) keep it in that shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex
from legtimer.core.loader import routine_from_data
from legtimer.core.routine import Routine, Section
from legtimer.core.schema import Table
from legtimer.core.schema import field as schema_field
from legtimer.core.writer import routine_data
from legtimer.ui.editor.entries import (
    BlockHead,
    Editable,
    Entry,
    Item,
    VariantEntry,
    blank_set,
    block_from_table,
    entries_from_table,
    new_block,
    new_item,
)
from legtimer.ui.editor.entrylist import EntryList
from legtimer.ui.editor.refs import (
    DEFAULTS_FORM,
    ROUTINE_FORM,
    FieldRef,
    Raw,
    Scope,
    to_raw,
    to_value,
)

BLOCK_ROUND_KEYS = ("rounds", "rest_between_rounds")
"""[routine] keys that belong to the main list; with blocks each block has its own."""
FIRST_BLOCK_NAME = "Main"
"""The name of the block that wraps a routine's exercises when it gets its first block."""

Snapshot = tuple[Raw, Raw, list[Entry]]
_ENTRY_OF_SCOPE: dict[Scope, type[Entry]] = {
    Scope.ITEM: Item,
    Scope.BLOCK: BlockHead,
    Scope.VARIANT: VariantEntry,
}


@dataclass
class Draft(EntryList):
    """The whole routine being edited."""

    head: Raw
    defaults: Raw
    items: list[Entry]
    sounds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_routine(cls, routine: Routine) -> Draft:
        """A draft showing a loaded routine."""
        data = routine_data(routine)
        head = {ref.key: to_raw(ref, data["routine"].get(ref.key)) for ref in ROUTINE_FORM}
        defaults = {ref.key: to_raw(ref, data["defaults"].get(ref.key)) for ref in DEFAULTS_FORM}
        for ref in DEFAULTS_FORM:
            if ref.key not in data["defaults"]:
                defaults[ref.key] = to_raw(ref, ref.spec.default)
        items: list[Entry] = []
        for section in Section:
            if section is Section.COOLDOWN:
                for block in data.get("block", ()):
                    items.append(block_from_table(block))
                    for table in block["exercise"]:
                        items += entries_from_table(Section.MAIN, table)
            for table in data.get(section.value, ()):
                items += entries_from_table(section, table)
        return cls(head, defaults, items, dict(routine.sounds))

    @classmethod
    def cannot_hold(cls, routine: Routine) -> str | None:
        """Why the form would not give ``routine`` back as it is (None: it would).

        Blocks, per-set lists and variants are all held; this guards
        anything a later format adds before the form learns it, so a save never loses it.
        """
        draft = cls.from_routine(routine)
        again, problems = draft.check(draft.data(), routine.path)
        if again is None:
            return f"the form reads it differently ({problems[0].message})"
        if again != routine:
            lost = [
                name
                for name in routine._fields
                if name != "path" and getattr(again, name) != getattr(routine, name)
            ]
            return f"the form would change its {', '.join(lost)}"
        return None

    def raw(self, scope: Scope, index: int | None) -> Raw | None:
        """The raw values a scope's widgets show (None: no such entry is selected)."""
        if scope is Scope.ROUTINE:
            return self.head
        if scope is Scope.DEFAULTS:
            return self.defaults
        if index is None or not 0 <= index < len(self.items):
            return None
        entry = self.items[index]
        wanted = _ENTRY_OF_SCOPE.get(scope)
        return entry.raw if wanted is not None and isinstance(entry, wanted) else None

    def set(self, ref: FieldRef, index: int | None, value: Any) -> None:
        """Store a widget's value (the caller skips one that did not change)."""
        raw = self.raw(ref.scope, index)
        if raw is None:
            return
        if ref.scope in _ENTRY_OF_SCOPE and index is not None:
            self.items[index].set(ref.key, value)  # (which also forgets its cached table)
        else:
            raw[ref.key] = value

    def data(self) -> dict[str, Any]:
        """The TOML document this draft stands for."""
        head = {
            ref.key: value
            for ref in ROUTINE_FORM
            if (value := to_value(ref, self.head.get(ref.key, ""))) is not None
        }
        defaults = {
            ref.key: value
            for ref in DEFAULTS_FORM
            if (value := to_value(ref, self.defaults.get(ref.key, ""))) is not None
            and (ref.spec.is_setting or value != ref.spec.default)
        }
        out: dict[str, Any] = {"routine": head, "defaults": defaults}
        if self.sounds:
            out["sounds"] = dict(self.sounds)
        lists: dict[Section, list[dict[str, Any]]] = {section: [] for section in Section}
        heads: list[dict[str, Any]] = []
        in_blocks: list[list[dict[str, Any]]] = []
        # One pass that looks a list up only when the section changes: a keystroke in a
        # 1,000-entry routine runs this (and an Enum's hash is a Python call).
        section: Section | None = None
        target: list[dict[str, Any]] = []
        for entry in self.items:
            if isinstance(entry, BlockHead):
                heads.append(entry.table())
                in_blocks.append([])
                section = None
                continue
            if isinstance(entry, VariantEntry):
                if target:  # its exercise's table, with this variant added (tables are shared)
                    owner = target[-1]
                    target[-1] = {**owner, "variant": [*owner.get("variant", ()), entry.table()]}
                continue
            if entry.section is not section:
                section = entry.section
                main_in_block = section is Section.MAIN and in_blocks
                target = in_blocks[-1] if main_in_block else lists[section]
            target.append(entry.table())
        for each, tables in lists.items():
            if tables:
                out[each.value] = tables
        blocks = [
            {**head, "exercise": exercises} if exercises else dict(head)
            for head, exercises in zip(heads, in_blocks, strict=True)
        ]
        if blocks:
            out["block"] = blocks
        return out

    def check(self, data: dict[str, Any], path: str | None) -> tuple[Routine | None, list[Problem]]:
        """The routine ``data`` makes, or every problem with it (as `legtimer check`).

        Sound files are not read here (the editor cannot change them; saving checks them), so
        a keystroke never touches the disk.
        """
        try:
            routine = routine_from_data(data, LineIndex(), path or "<new>", None)
        except RoutineError as exc:
            return None, exc.problems
        return routine._replace(path=path), []

    def snapshot(self) -> Snapshot:
        """Everything an undo needs to put back."""
        return dict(self.head), dict(self.defaults), [entry.copy() for entry in self.items]

    def restore(self, snapshot: Snapshot) -> None:
        """Put a snapshot back (it stays usable for a redo)."""
        head, defaults, items = snapshot
        self.head, self.defaults = dict(head), dict(defaults)
        self.items = [entry.copy() for entry in items]

    # ---- list edits that reach the routine's own keys -----------------------------------------

    def add_block(self, index: int | None) -> tuple[int, bool]:
        """A new block after the selected one (or at the end of the blocks).

        A routine without blocks has its exercises wrapped instead, in a first block named
        :data:`FIRST_BLOCK_NAME` that takes over [routine]'s rounds and rest between rounds
        (and its last exercise's own rest after), so the workout keeps its length.

        Returns:
            The index of the new head, and whether it wrapped the existing exercises.
        """
        if not self.has_blocks():
            main = [at for at, entry in enumerate(self.items) if entry.section is Section.MAIN]
            if main:
                moved = {key: str(self.head.get(key, "")) for key in BLOCK_ROUND_KEYS}
                for key in BLOCK_ROUND_KEYS:
                    self.head[key] = ""
                # The rest after the main list was its last exercise's: now it is the block's.
                last = next(self.items[at] for at in reversed(main) if self.item(at) is not None)
                if str(last.raw.get("rest_after", "")).strip():
                    moved["rest_after"] = str(last.raw["rest_after"])
                self.items.insert(main[0], new_block(FIRST_BLOCK_NAME, **moved))
                return main[0], True
            at = self._start_of_main()
        else:
            selected = index is not None and 0 <= index < len(self.items)
            head = self.block_of(index) if selected and index is not None else None
            at = self.block_end(head) if head is not None else self._end_of(Section.MAIN)
        self.items[at:at] = [new_block(), new_item(Section.MAIN)]
        return at, False

    # ---- per-set lists -------------------------------------------------------------------------

    def item(self, index: int | None) -> Item | None:
        """The exercise entry at ``index`` (None for a block's head or nothing)."""
        if index is None or not 0 <= index < len(self.items):
            return None
        entry = self.items[index]
        return entry if isinstance(entry, Item) else None

    def with_sets(self, index: int | None) -> Editable | None:
        """The exercise or variant at ``index``: what has sets (None for a block's head)."""
        if index is None or not 0 <= index < len(self.items):
            return None
        entry = self.items[index]
        return entry if isinstance(entry, Editable) else None

    def toggle_per_set(self, index: int) -> bool:
        """Switch an exercise or a variant between a number of sets and one row per set;
        returns whether it now has rows. New rows are empty: each set does what its exercise
        (or variant) says; a variant that left its sets to its exercise gets as many rows."""
        item = self.with_sets(index)
        if item is None:
            return False
        if item.sets_list is not None:
            item.set_rows(None)
            return False
        count = _count(item.raw)
        owner = self.item(self.owner_of(index)) if isinstance(item, VariantEntry) else None
        if count is None and owner is not None:
            count = len(owner.sets_list) if owner.sets_list is not None else _count(owner.raw)
        item.set_rows([blank_set() for _ in range(count or 1)])
        return True

    def add_set(self, index: int, after: int | None) -> int | None:
        """A copy of row ``after`` (the last row when None) just after it; returns its row."""
        item = self.with_sets(index)
        if item is None or item.sets_list is None or len(item.sets_list) >= MAX_SETS:
            return None
        rows = [dict(row) for row in item.sets_list]
        source = len(rows) - 1 if after is None else min(after, len(rows) - 1)
        rows.insert(source + 1, dict(rows[source]) if rows else blank_set())
        item.set_rows(rows)
        return source + 1

    def remove_set(self, index: int, row: int) -> int | None:
        """Remove one row (never the only one); returns the row to show next."""
        item = self.with_sets(index)
        if item is None or item.sets_list is None or len(item.sets_list) <= 1:
            return None
        rows = [dict(each) for each in item.sets_list]
        del rows[min(row, len(rows) - 1)]
        item.set_rows(rows)
        return min(row, len(rows) - 1)


MAX_SETS = int(schema_field(Table.EXERCISE, "sets").high or 0)
"""The most sets an exercise may have, as the routine format says."""


def _count(raw: Raw) -> int | None:
    """The number of sets a form says (None when it says none, or not a valid one)."""
    text = str(raw.get("sets", "")).strip()
    return int(text) if text.isdigit() and 1 <= int(text) <= MAX_SETS else None
