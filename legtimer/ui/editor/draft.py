"""The editor's working copy: what the person typed, field by field, and what it means.

Raw text is kept exactly as typed (so a half-typed "1m3" stays on screen); it becomes TOML
values only to be checked by the same loader `legtimer check` uses, which is where every
message comes from. The list is flat (warm-up, then the main exercises or the blocks, each head
followed by its exercises, then cool-down); the list operations keep it in that shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from legtimer.core.errors import Problem, RoutineError
from legtimer.core.lines import LineIndex
from legtimer.core.loader import routine_from_data
from legtimer.core.routine import Routine, Section
from legtimer.core.writer import routine_data
from legtimer.ui.editor.entries import (
    BlockHead,
    Entry,
    Item,
    blank_set,
    block_from_table,
    item_from_table,
    new_block,
    new_item,
)
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


@dataclass
class Draft:
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
                    items += [item_from_table(Section.MAIN, ex) for ex in block["exercise"]]
            items += [item_from_table(section, table) for table in data.get(section.value, ())]
        return cls(head, defaults, items, dict(routine.sounds))

    @classmethod
    def cannot_hold(cls, routine: Routine) -> str | None:
        """Why the form would not give ``routine`` back as it is (None: it would).

        Blocks, per-set lists and variants are all held (variants as written); this guards
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
        wanted = BlockHead if scope is Scope.BLOCK else Item
        return entry.raw if isinstance(entry, wanted) and scope is not Scope.SET else None

    def set(self, ref: FieldRef, index: int | None, value: Any) -> bool:
        """Store a widget's value; False when nothing changed."""
        raw = self.raw(ref.scope, index)
        if raw is None or raw.get(ref.key) == value:
            return False
        if ref.scope in (Scope.ITEM, Scope.BLOCK) and index is not None:
            self.items[index].set(ref.key, value)
        else:
            raw[ref.key] = value
        return True

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

    # ---- where things are ----------------------------------------------------------------------

    def position(self, index: int) -> tuple[str, int]:
        """The table of items[index] as problems name it: ("exercise", 2), ("block", 0),
        ("block.exercise", 5) (block exercises are counted over the whole file)."""
        entry = self.items[index]
        if isinstance(entry, BlockHead):
            return "block", sum(1 for other in self.items[:index] if isinstance(other, BlockHead))
        if entry.section is Section.MAIN and self.block_of(index) is not None:
            within = 0
            seen_block = False
            for other in self.items[:index]:
                if isinstance(other, BlockHead):
                    seen_block = True
                elif seen_block and other.section is Section.MAIN:
                    within += 1
            return "block.exercise", within
        within = sum(
            1
            for other in self.items[:index]
            if other.section is entry.section and isinstance(other, Item)
        )
        return entry.section.value, within

    def has_blocks(self) -> bool:
        """The main part is in blocks."""
        return any(isinstance(entry, BlockHead) for entry in self.items)

    def block_of(self, index: int) -> int | None:
        """The index of the head of the block items[index] is in (or heads); None outside."""
        at = index
        while 0 <= at < len(self.items):
            entry = self.items[at]
            if isinstance(entry, BlockHead):
                return at
            if entry.section is not Section.MAIN:
                return None
            at -= 1
        return None

    def block_end(self, head: int) -> int:
        """The index just after the last exercise of the block whose head is at ``head``."""
        at = head + 1
        while at < len(self.items):
            entry = self.items[at]
            if isinstance(entry, BlockHead) or entry.section is not Section.MAIN:
                break
            at += 1
        return at

    def block_size(self, head: int) -> int:
        """How many exercises the block at ``head`` holds."""
        return self.block_end(head) - head - 1

    def variant_owner(self, table: tuple[str, int]) -> int | None:
        """The index of the entry a variant table (("block.exercise.variant", 3)) belongs to."""
        header, occurrence = table
        owner_table = header.removesuffix(".variant")
        seen = 0
        for index, entry in enumerate(self.items):
            if not isinstance(entry, Item) or not entry.kept.get("variant"):
                continue
            if self.position(index)[0] != owner_table:
                continue
            seen += len(entry.kept["variant"])
            if occurrence < seen:
                return index
        return None

    def _end_of(self, section: Section) -> int:
        order = list(Section)
        return sum(1 for item in self.items if order.index(item.section) <= order.index(section))

    def _start_of_main(self) -> int:
        return sum(1 for item in self.items if item.section is Section.WARMUP)

    # ---- list edits ----------------------------------------------------------------------------

    def add(self, index: int | None, section: Section | None = None) -> int:
        """A new item: after ``index`` in its section (first in a selected block), or at the
        end of ``section`` (for the main part: of the selected block, else of the last)."""
        selected = index if index is not None and 0 <= index < len(self.items) else None
        head = self.block_of(selected) if selected is not None else None
        if section is None:
            if selected is not None:
                at, section = selected + 1, self.items[selected].section
            else:
                section = Section.MAIN
                at = self._end_of(section)
        elif section is Section.MAIN and head is not None:
            at = self.block_end(head)
        else:
            at = self._end_of(section)
        self.items.insert(at, new_item(section))
        return at

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
                last = self.items[main[-1]]
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

    def move(self, index: int, step: int) -> int:
        """Move an entry up or down within its section; returns its new index.

        An exercise crosses a block's head into the neighbouring block (never out of the
        blocks); a block's head moves the whole block past its neighbour.
        """
        entry = self.items[index]
        if isinstance(entry, BlockHead):
            return self._move_block(index, step)
        target = index + step
        if not 0 <= target < len(self.items):
            return index
        other = self.items[target]
        if other.section is not entry.section:
            return index
        if isinstance(other, BlockHead) and step < 0 and self.block_of(target - 1) is None:
            return index  # above the first block's head it would leave the blocks
        self.items[index], self.items[target] = other, entry
        return target

    def move_to_block(self, index: int, step: int) -> int:
        """Move an exercise to the end of the previous block or the start of the next one (a
        block's head moves its whole block); returns its new index."""
        if isinstance(self.items[index], BlockHead):
            return self._move_block(index, step)
        head = self.block_of(index)
        if head is None:
            return index
        if step < 0:
            if self.block_of(head - 1) is None:
                return index
            self.items.insert(head, self.items.pop(index))
            return head
        end = self.block_end(head)
        if end >= len(self.items) or not isinstance(self.items[end], BlockHead):
            return index
        self.items.insert(end, self.items.pop(index))
        return end

    def _move_block(self, head: int, step: int) -> int:
        end = self.block_end(head)
        if step < 0:
            previous = self.block_of(head - 1)
            if previous is None:
                return head
            self.items[previous:end] = self.items[head:end] + self.items[previous:head]
            return previous
        if end >= len(self.items) or not isinstance(self.items[end], BlockHead):
            return head
        after = self.block_end(end)
        self.items[head:after] = self.items[end:after] + self.items[head:end]
        return head + (after - end)

    def duplicate(self, index: int) -> int:
        """A copy of the entry right after it (a block: with its exercises, after the block)."""
        if isinstance(self.items[index], BlockHead):
            end = self.block_end(index)
            self.items[end:end] = [entry.copy() for entry in self.items[index:end]]
            return end
        self.items.insert(index + 1, self.items[index].copy())
        return index + 1

    def delete(self, index: int) -> int:
        """Remove an entry (a block: with its exercises); returns the index to select next
        (-1 when none are left)."""
        end = self.block_end(index) if isinstance(self.items[index], BlockHead) else index + 1
        del self.items[index:end]
        return min(index, len(self.items) - 1)

    # ---- per-set lists -------------------------------------------------------------------------

    def item(self, index: int | None) -> Item | None:
        """The exercise entry at ``index`` (None for a block's head or nothing)."""
        if index is None or not 0 <= index < len(self.items):
            return None
        entry = self.items[index]
        return entry if isinstance(entry, Item) else None

    def toggle_per_set(self, index: int) -> bool:
        """Switch an exercise between a number of sets and one row per set; returns whether
        it now has rows. New rows are empty: each set does what its exercise says."""
        item = self.item(index)
        if item is None:
            return False
        if item.sets_list is not None:
            item.set_rows(None)
            return False
        text = str(item.raw.get("sets", "")).strip()
        count = int(text) if text.isdigit() and 1 <= int(text) <= 100 else 1
        item.set_rows([blank_set() for _ in range(count)])
        return True

    def add_set(self, index: int, after: int | None) -> int | None:
        """A copy of row ``after`` (the last row when None) just after it; returns its row."""
        item = self.item(index)
        if item is None or item.sets_list is None or len(item.sets_list) >= 100:
            return None
        rows = [dict(row) for row in item.sets_list]
        source = len(rows) - 1 if after is None else min(after, len(rows) - 1)
        rows.insert(source + 1, dict(rows[source]) if rows else blank_set())
        item.set_rows(rows)
        return source + 1

    def remove_set(self, index: int, row: int) -> int | None:
        """Remove one row (never the only one); returns the row to show next."""
        item = self.item(index)
        if item is None or item.sets_list is None or len(item.sets_list) <= 1:
            return None
        rows = [dict(each) for each in item.sets_list]
        del rows[min(row, len(rows) - 1)]
        item.set_rows(rows)
        return min(row, len(rows) - 1)
