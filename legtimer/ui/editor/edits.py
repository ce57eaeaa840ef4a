"""What the editor's keys do to the draft: list edits (entries, blocks, variants), per-set rows,
undo.

Each action is one undo step; the screen redraws what changed. A mixin of the editor screen,
which holds the draft, the list and the form these act on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

from legtimer.core.routine import Section
from legtimer.ui.editor.draft import FIRST_BLOCK_NAME, MAX_SETS, Draft
from legtimer.ui.editor.entries import BlockHead, VariantEntry
from legtimer.ui.editor.forms import EntryForms
from legtimer.ui.editor.refs import SET_FORM
from legtimer.ui.editor.setgrid import SetCell
from legtimer.ui.editor.status import plural
from legtimer.ui.editor.undo import Undo


class DraftEdits(EntryForms):
    """The list's, the per-set rows' and undo's actions, on the editor screen's draft."""

    draft: Draft
    undo_history: Undo

    if TYPE_CHECKING:

        async def rebuild_list(self, select: int, focus_name: bool = False) -> None: ...
        def revalidate(self) -> None: ...
        def load_settings(self) -> None: ...

    async def action_add_item(self) -> None:
        """a: a new entry after the selected one, in the same section (first in a block); on a
        variant, another variant after it."""
        index = self._selected()
        if index is not None and isinstance(self.draft.items[index], VariantEntry):
            await self.action_add_variant()
            return
        self.undo_history.before_change()
        await self.rebuild_list(self.draft.add(index), focus_name=True)

    async def action_add_variant(self) -> None:
        """v: a new variant of the selected exercise, after its others (or after the selected
        variant); its name is ready to type."""
        index = self._selected()
        if index is None or isinstance(self.draft.items[index], BlockHead):
            self.notify("Select an exercise to give it a variant")
            return
        building = self._build_variant_form()
        if building is not None:
            await building
        self.undo_history.before_change()
        at = self.draft.add_variant(index)
        if at is not None:
            await self.rebuild_list(at, focus_name=True)

    async def action_add_section(self, section: str) -> None:
        """w / e / o: a new warm-up, exercise (in the selected block) or cool-down entry."""
        self.undo_history.before_change()
        at = self.draft.add(self._selected(), Section(section))
        await self.rebuild_list(at, focus_name=True)

    async def action_add_block(self) -> None:
        """b: a new block; a routine without blocks first has its exercises wrapped in one."""
        building = self._build_block_form()
        if building is not None:
            await building
        self.undo_history.before_change()
        at, wrapped = self.draft.add_block(self._selected())
        if wrapped:
            self.load_settings()  # its rounds moved from [routine] to the block
        await self.rebuild_list(at, focus_name=True)
        if wrapped:
            self.notify(
                f'Your exercises are now block "{FIRST_BLOCK_NAME}": type its name. '
                "b again adds another block · ctrl+z to undo",
                markup=False,
            )

    async def action_duplicate_item(self) -> None:
        """c: a copy of the selected entry (a block: with its exercises)."""
        index = self._selected()
        if index is not None:
            self.undo_history.before_change()
            await self.rebuild_list(self.draft.duplicate(index))

    async def action_delete_item(self) -> None:
        """x: remove the selected entry, or a block with its exercises (undoable)."""
        index = self._selected()
        if index is None:
            return
        entry = self.draft.items[index]
        what = entry.name()
        if isinstance(entry, BlockHead):
            count = self.draft.block_size(index)
            what = f"block {what}" + (f" and its {plural(count, 'exercise')}" if count else "")
        elif isinstance(entry, VariantEntry):
            owner = self.draft.item(self.draft.owner_of(index))
            what = f"variant {what}" + (f" of {owner.name()}" if owner else "")
        elif count := len(self.draft.variants_of(index)):
            what += f" and its {plural(count, 'variant')}"
        self.undo_history.before_change()
        await self.rebuild_list(self.draft.delete(index))
        self.notify(f"Deleted {what} · ctrl+z to undo", markup=False)

    async def action_move_item(self, step: int) -> None:
        """K / J: move the selected entry up or down (across a block's head into the next
        block); a block's head moves the whole block, an exercise its variants, and a variant
        moves among its exercise's (their order is the order `v` offers them in)."""
        index = self._selected()
        if index is None:
            return
        moved = await self._list_edit(lambda: self.draft.move(index, step), index)
        if not moved and isinstance(self.draft.items[index], VariantEntry):
            self.notify(
                f"Already the {'first' if step < 0 else 'last'} variant: "
                "a variant stays with its exercise"
            )

    async def action_move_to_block(self, step: int) -> None:
        """[ / ]: move the selected exercise to the previous or next block."""
        index = self._selected()
        if index is None:
            return
        if isinstance(self.draft.items[index], VariantEntry):
            self.notify("A variant stays with its exercise: move the exercise instead")
            return
        if self.draft.block_of(index) is None:
            self.notify("Only an exercise in a block can move to another block")
            return
        moved = await self._list_edit(lambda: self.draft.move_to_block(index, step), index)
        if not moved:
            self.notify("No block " + ("before" if step < 0 else "after") + " this one")

    async def _list_edit(self, edit: Callable[[], int], index: int) -> bool:
        """Run a move as one undo step; a move that changes nothing leaves no step."""
        snapshot = self.draft.snapshot()
        moved_to: int = edit()
        if moved_to == index:
            return False
        self.undo_history.record(snapshot)
        await self.rebuild_list(moved_to)
        return True

    # ---- per-set rows --------------------------------------------------------------------------

    def action_toggle_per_set(self) -> None:
        """Switch the selected exercise or variant between a number of sets and one row per
        set."""
        index = self._selected()
        item = self.draft.with_sets(index)
        if item is None or index is None:
            self.notify("Select an exercise first")
            return
        self.undo_history.before_change()
        self.draft.toggle_per_set(index)
        self._show_sets(index)
        self.revalidate()

    def _focused_cell(self) -> SetCell | None:
        focused = self.focused
        return focused if isinstance(focused, SetCell) else None

    def action_add_set(self) -> None:
        """ctrl+n: a copy of the row being edited, just after it."""
        index = self._selected()
        item = self.draft.with_sets(index)
        if item is None or index is None or item.sets_list is None:
            self.notify('Tick "one row per set" first (under Sets)')
            return
        if len(item.sets_list) >= MAX_SETS:
            self.notify(f"An exercise has at most {MAX_SETS} sets")
            return
        cell = self._focused_cell()
        self.undo_history.before_change()
        row = self.draft.add_set(index, cell.row if cell else None)
        self._show_sets(index)
        self.revalidate()
        if row is not None:
            self._focus_cell(row, cell.ref.key if cell else SET_FORM[0].key)

    def action_remove_set(self) -> None:
        """ctrl+r: remove the row being edited (the only row stays)."""
        index = self._selected()
        item = self.draft.with_sets(index)
        if item is None or index is None or item.sets_list is None:
            self.notify('Tick "one row per set" first (under Sets)')
            return
        if len(item.sets_list) <= 1:
            self.notify('One set is left: untick "one row per set" to use a number instead')
            return
        cell = self._focused_cell()
        row = cell.row if cell else len(item.sets_list) - 1
        self.undo_history.before_change()
        shown = self.draft.remove_set(index, row)
        self._show_sets(index)
        self.revalidate()
        self.notify(f"Removed set {row + 1} · ctrl+z to undo")
        if shown is not None and cell is not None:
            self._focus_cell(shown, cell.ref.key)

    def action_set_row(self, step: int) -> None:
        """↑ / ↓ in a row: the same column of the row above or below."""
        cell = self._focused_cell()
        if cell is not None:
            self._focus_cell(cell.row + step, cell.ref.key)

    def _focus_cell(self, row: int, key: str) -> None:
        def focus() -> None:
            grid = self.shown_grid()
            target = grid.cell(row, key) if grid is not None else None
            if target is not None:
                target.focus()

        self.call_after_refresh(focus)

    async def action_undo(self) -> None:
        """ctrl+z: undo the last change to the draft."""
        if self.undo_history.undo():
            await self._after_history()
        else:
            self.notify("Nothing to undo")

    async def action_redo(self) -> None:
        """ctrl+y: redo what was undone."""
        if self.undo_history.redo():
            await self._after_history()
        else:
            self.notify("Nothing to redo")

    async def _after_history(self) -> None:
        focused = self.focused
        self.load_settings()
        select = min(max(self.current, 0), len(self.draft.items) - 1)
        await self.rebuild_list(select)
        if focused is not None and focused.is_attached and _shown(focused):
            focused.focus()


def _shown(widget: Widget) -> bool:
    """The widget and every container it is in are displayed."""
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return True
