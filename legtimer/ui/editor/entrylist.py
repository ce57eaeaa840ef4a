"""The draft's flat list of entries, and the edits that keep it in shape.

Warm-up, then the main exercises or the blocks (each head followed by its exercises), then
cool-down; every exercise is followed by its variants. An exercise moves, copies and goes with
its variants (its "group"); a variant moves only among its exercise's variants, in whose order
`v` offers them during a workout.
"""

from __future__ import annotations

from legtimer.core.lines import TableId
from legtimer.core.routine import Section
from legtimer.ui.editor.entries import BlockHead, Entry, Item, VariantEntry, new_item, new_variant

COPY_SUFFIX = " (copy)"
"""Added to a copied variant's name: two variants of one exercise may not share a name."""


class EntryList:
    """Where each entry is, and list edits that keep sections, blocks and variants whole."""

    items: list[Entry]

    # ---- where things are ----------------------------------------------------------------------

    def position(self, index: int) -> TableId:
        """The table of items[index] as problems name it: ("exercise", 2), ("block", 0),
        ("block.exercise", 5), ("exercise.variant", 1) (block exercises and variants are
        counted over the whole file)."""
        return self.tables()[index]

    def tables(self) -> list[TableId]:
        """The table of every entry, in one pass (as :meth:`position` names them)."""
        counts: dict[str, int] = {}
        out: list[TableId] = []
        in_blocks = False
        owner = ""
        for entry in self.items:
            if isinstance(entry, BlockHead):
                header, in_blocks = "block", True
            elif isinstance(entry, VariantEntry):
                header = f"{owner}.variant"
            else:
                in_blocks = in_blocks and entry.section is Section.MAIN
                header = owner = "block.exercise" if in_blocks else entry.section.value
            counts[header] = counts.get(header, -1) + 1
            out.append((header, counts[header]))
        return out

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
        """The index just after the last exercise (or variant) of the block at ``head``."""
        at = head + 1
        while at < len(self.items):
            entry = self.items[at]
            if isinstance(entry, BlockHead) or entry.section is not Section.MAIN:
                break
            at += 1
        return at

    def block_size(self, head: int) -> int:
        """How many exercises the block at ``head`` holds."""
        end = self.block_end(head)
        return sum(1 for entry in self.items[head + 1 : end] if isinstance(entry, Item))

    def owner_of(self, index: int) -> int | None:
        """The index of the exercise a variant (or an exercise itself) belongs to."""
        at = index
        while 0 <= at < len(self.items) and isinstance(self.items[at], VariantEntry):
            at -= 1
        return at if 0 <= at < len(self.items) and isinstance(self.items[at], Item) else None

    def group_end(self, index: int) -> int:
        """The index just after an exercise's last variant (after the entry itself otherwise)."""
        at = index + 1
        while at < len(self.items) and isinstance(self.items[at], VariantEntry):
            at += 1
        return at

    def variants_of(self, index: int) -> list[VariantEntry]:
        """The variants of the exercise at ``index``, in order."""
        end = self.group_end(index)
        return [entry for entry in self.items[index + 1 : end] if isinstance(entry, VariantEntry)]

    def variant_owner(self, table: TableId) -> int | None:
        """The index of the exercise a variant table (("block.exercise.variant", 3)) is under."""
        tables = self.tables()
        return self.owner_of(tables.index(table)) if table in tables else None

    def _end_of(self, section: Section) -> int:
        order = list(Section)
        return sum(1 for item in self.items if order.index(item.section) <= order.index(section))

    def _start_of_main(self) -> int:
        return sum(1 for item in self.items if item.section is Section.WARMUP)

    # ---- list edits ----------------------------------------------------------------------------

    def add(self, index: int | None, section: Section | None = None) -> int:
        """A new item: after ``index``'s exercise and its variants, in its section (first in a
        selected block), or at the end of ``section`` (for the main part: of the selected block,
        else of the last)."""
        selected = index if index is not None and 0 <= index < len(self.items) else None
        head = self.block_of(selected) if selected is not None else None
        if section is None:
            if selected is not None:
                section = self.items[selected].section
                owner = self.owner_of(selected)
                at = selected + 1 if owner is None else self.group_end(owner)
            else:
                section = Section.MAIN
                at = self._end_of(section)
        elif section is Section.MAIN and head is not None:
            at = self.block_end(head)
        else:
            at = self._end_of(section)
        self.items.insert(at, new_item(section))
        return at

    def add_variant(self, index: int) -> int | None:
        """A new variant of the selected exercise, after its last variant (after the selected
        variant when a variant is selected); None on a block's head."""
        entry = self.items[index]
        if isinstance(entry, BlockHead):
            return None
        at = index + 1 if isinstance(entry, VariantEntry) else self.group_end(index)
        self.items.insert(at, new_variant(entry.section))
        return at

    def move(self, index: int, step: int) -> int:
        """Move an entry up or down within its section; returns its new index.

        An exercise moves with its variants, and crosses a block's head into the neighbouring
        block (never out of the blocks); a block's head moves the whole block past its
        neighbour; a variant moves among its exercise's variants.
        """
        entry = self.items[index]
        if isinstance(entry, BlockHead):
            return self._move_block(index, step)
        if isinstance(entry, VariantEntry):
            target = index + step
            if target < 0 or target >= len(self.items):
                return index
            if not isinstance(self.items[target], VariantEntry):
                return index
            self.items[index], self.items[target] = self.items[target], entry
            return target
        end = self.group_end(index)
        if step < 0:
            if index == 0:
                return index
            other = self.items[index - 1]
            if other.section is not entry.section:
                return index
            start: int | None = index - 1
            if isinstance(other, BlockHead) and self.block_of(index - 2) is None:
                return index  # above the first block's head it would leave the blocks
            if not isinstance(other, BlockHead):
                start = self.owner_of(index - 1)  # the previous exercise, with its variants
            if start is None:
                return index
            self.items[start:end] = self.items[index:end] + self.items[start:index]
            return start
        if end >= len(self.items) or self.items[end].section is not entry.section:
            return index
        after = end + 1 if isinstance(self.items[end], BlockHead) else self.group_end(end)
        self.items[index:after] = self.items[end:after] + self.items[index:end]
        return index + (after - end)

    def move_to_block(self, index: int, step: int) -> int:
        """Move an exercise (with its variants) to the end of the previous block or the start of
        the next one (a block's head moves its whole block); returns its new index."""
        if isinstance(self.items[index], BlockHead):
            return self._move_block(index, step)
        head = self.block_of(index)
        if head is None or isinstance(self.items[index], VariantEntry):
            return index
        end = self.group_end(index)
        group = self.items[index:end]
        if step < 0:
            if self.block_of(head - 1) is None:
                return index
            del self.items[index:end]
            self.items[head:head] = group
            return head
        next_head = self.block_end(head)
        if next_head >= len(self.items) or not isinstance(self.items[next_head], BlockHead):
            return index
        del self.items[index:end]
        at = next_head - len(group) + 1  # just after the next block's head
        self.items[at:at] = group
        return at

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
        """A copy of the entry after it: a block with its exercises, an exercise with its
        variants, a variant under a name of its own."""
        entry = self.items[index]
        if isinstance(entry, VariantEntry):
            copy = entry.copy()
            copy.set("name", entry.name() + COPY_SUFFIX)
            self.items.insert(index + 1, copy)
            return index + 1
        end = self.block_end(index) if isinstance(entry, BlockHead) else self.group_end(index)
        self.items[end:end] = [each.copy() for each in self.items[index:end]]
        return end

    def delete(self, index: int) -> int:
        """Remove an entry (a block with its exercises, an exercise with its variants); returns
        the index to select next (-1 when none are left)."""
        entry = self.items[index]
        if isinstance(entry, BlockHead):
            end = self.block_end(index)
        elif isinstance(entry, Item):
            end = self.group_end(index)
        else:
            end = index + 1
        del self.items[index:end]
        return min(index, len(self.items) - 1)
