"""The editor screen: the entry list, the selected entry's form, the routine and its defaults.

It owns the draft, checks it once per change, keeps the undo history, and sends what the person
asks for (save, try, quit) up to the app as messages. The list holds warm-up, exercises or
blocks (each head followed by its exercises) and cool-down, each exercise followed by its
variants; a block's head and a variant each have a form of their own, mounted when first needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Checkbox,
    Footer,
    Input,
    OptionList,
    Select,
    Static,
    TextArea,
)

from legtimer.core.errors import Problem
from legtimer.core.routine import Routine, Section
from legtimer.ui.editor.commands import EditorCommands
from legtimer.ui.editor.draft import BLOCK_ROUND_KEYS, Draft
from legtimer.ui.editor.edits import DraftEdits
from legtimer.ui.editor.entries import BlockHead, VariantEntry
from legtimer.ui.editor.fields import FieldWidget, field_row, show_value
from legtimer.ui.editor.keys import LIST_KEYS, SCREEN_KEYS, bindings
from legtimer.ui.editor.messages import QuitRequested, RoutineSaved, SaveRequested, TryRequested
from legtimer.ui.editor.problems import FORM_ERROR, VARIANTS_ERROR, error_lines
from legtimer.ui.editor.refs import (
    DEFAULTS_FORM,
    ITEM_FORM,
    ROUTINE_FORM,
    SET_FORM,
    FieldRef,
    Scope,
)
from legtimer.ui.editor.setgrid import PerSetToggle, SetCell, SetGrid
from legtimer.ui.editor.status import ErrorLines, StatusLine, plural
from legtimer.ui.editor.undo import Undo

LIST_HELP = (
    "ENTRIES  a add · w/e/o/b +warm-up/exercise/cool-down/block · v +variant · c copy · "
    "x delete · K/J move · [ ] to the previous/next block · enter edit"
)
SET_KEYS_OF_ITEM = frozenset(ref.key for ref in SET_FORM)
ENTRY_SCOPES = (Scope.ITEM, Scope.BLOCK, Scope.VARIANT)
"""Fields of the selected entry (the others are the routine's and its defaults')."""


class ItemList(OptionList):
    """The warm-up, exercise, block and cool-down entries; list keys act on the highlighted one.

    An OptionList draws its lines itself, so a 1,000-entry routine is one widget, not 2,000:
    renaming an entry then costs one line, not a layout of the whole list.
    """

    BINDINGS = bindings(LIST_KEYS, "screen.")


class EditorScreen(DraftEdits):
    """Edits one routine's draft; saving, trying and quitting are asked of the app."""

    AUTO_FOCUS = "#items"
    COMMANDS = Screen.COMMANDS | {EditorCommands}
    BINDINGS = bindings(SCREEN_KEYS)

    def __init__(self, routine: Routine, path: Path, note: str = "") -> None:
        super().__init__()
        self.draft = Draft.from_routine(routine)
        self.path = path
        self.note = note
        self.current = 0 if self.draft.items else -1
        self.routine: Routine | None = None
        self.problems: list[Problem] = []
        self.undo_history = Undo(self.draft)
        self._saved_data = self.draft.data()
        self._sent_data: dict[str, Any] | None = None
        self._data = self._saved_data
        self._widgets: dict[FieldRef, FieldWidget] = {}
        self.error_lines = ErrorLines(lambda: self.query(".error").results(Static))
        self.per_set = PerSetToggle()
        self.set_grid = SetGrid()
        self.variant_per_set = PerSetToggle("variant")
        self.variant_set_grid = SetGrid("variant")
        # Widgets a keystroke touches, kept at hand (a query walks the whole screen).
        self.entry_list = ItemList(*self._list_items(), id="items")
        self.form_title = Static("", id="form-title", markup=False)
        self.status = StatusLine()
        self.variants_line = Static("", id="item-variants", classes="hint -empty", markup=False)
        self.item_form = Vertical(id="item-form")
        self.block_form = Vertical(id="block-form")
        self.variant_form = Vertical(id="variant-form")

    @property
    def dirty(self) -> bool:
        """True when the draft differs from what was last saved (or loaded)."""
        return self._data != self._saved_data

    def compose(self) -> ComposeResult:
        """List, then the selected entry's form, then routine and defaults: also the Tab order."""
        yield Static(self._title(), id="editor-title", markup=False)
        with Grid(id="editor"):
            with VerticalScroll(id="editor-left", can_focus=False):
                yield Static(LIST_HELP, classes="section-title")
                yield self.entry_list
            with VerticalScroll(id="editor-form", can_focus=False):
                yield self.form_title
                yield Static("", id=FORM_ERROR, classes="error -empty", markup=False)
                with self.item_form:
                    yield self.variants_line
                    yield Static("", id=VARIANTS_ERROR, classes="error -empty", markup=False)
                    yield from self.form_rows(ITEM_FORM, self.per_set, self.set_grid)
                yield self.block_form  # its fields come with the first block
                yield self.variant_form  # and these with the first variant
            with VerticalScroll(id="editor-settings", can_focus=False):
                yield Static("ROUTINE", classes="section-title")
                for ref in ROUTINE_FORM:
                    yield field_row(self._make(ref))
                yield Static(
                    "DEFAULTS (every exercise, unless it says otherwise)", classes="section-title"
                )
                for ref in DEFAULTS_FORM:
                    yield field_row(self._make(ref))
        yield self.status
        yield Footer()

    def _title(self) -> str:
        return f"Editing {self.path}{self.note}"

    def _list_items(self) -> list[Content]:
        lines = []
        in_block = False
        for entry in self.draft.items:
            if isinstance(entry, BlockHead):
                in_block = True
            elif entry.section is not Section.MAIN:
                in_block = False
            lines.append(Content(entry.label(in_block)))
        return lines

    async def on_mount(self) -> None:
        """Select the first entry and check everything once."""
        building = self._build_block_form() if self.draft.has_blocks() else None
        if building is not None:
            await building
        has_variants = any(isinstance(entry, VariantEntry) for entry in self.draft.items)
        building = self._build_variant_form() if has_variants else None
        if building is not None:
            await building
        if self.draft.items:
            self.entry_list.highlighted = 0
        self.load_form()
        self._sync_round_fields()
        self.revalidate()

    # ---- keeping the draft in step with the widgets ------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    @on(Select.Changed)
    def _field_changed(
        self, event: Input.Changed | TextArea.Changed | Checkbox.Changed | Select.Changed
    ) -> None:
        """A person changed a field: store it (one undo step per field) and re-check."""
        widget = event.control
        ref: FieldRef | None = getattr(widget, "ref", None)
        if ref is None:
            return
        value = _value_of(widget)
        if isinstance(event, Input.Changed) and event.value != value:
            return  # stale: the form has moved to another entry since (its value was flushed)
        if isinstance(widget, SetCell):
            self._store_cell(widget.row, ref.key, value)
        else:
            self._store(ref, value)

    def _store(self, ref: FieldRef, value: Any) -> None:
        index = self.current if ref.scope in ENTRY_SCOPES else None
        raw = self.draft.raw(ref.scope, index)
        if raw is None or raw.get(ref.key) == value:
            return
        self.undo_history.before_change(typing_in=(ref, index))
        self.draft.set(ref, index, value)
        if ref.scope in ENTRY_SCOPES and ref.key in ("name", "role"):
            self._relabel(self.current)
        if ref.key == "per_side" and ref.scope in ENTRY_SCOPES:
            self._sync_first_side()
        entry = self.draft.with_sets(index)
        if entry is not None and entry.sets_list is not None and ref.key in SET_KEYS_OF_ITEM:
            self._sets_of(entry)[1].show(entry.sets_list, self._set_placeholders(self.current))
        self.revalidate()

    def _store_cell(self, row: int, key: str, value: Any) -> None:
        item = self.draft.with_sets(self._selected())
        if item is None or item.sets_list is None or not 0 <= row < len(item.sets_list):
            return
        if item.sets_list[row].get(key) == value:
            return
        self.undo_history.before_change(typing_in=("set", row, key, self.current))
        item.set_cell(row, key, value)
        self.revalidate()

    @on(Checkbox.Changed, ".per-set")
    def _per_set_toggled(self, event: Checkbox.Changed) -> None:
        """Ticking "one row per set" gives the exercise (or variant) a row per set; unticking,
        a number."""
        item = self.draft.with_sets(self._selected())
        if item is not None and (item.sets_list is not None) != event.value:
            self.action_toggle_per_set()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Moving in the list shows that entry's form."""
        index = event.option_index
        if index != self.current:
            self._flush_form()
            self.current = index
            self.load_form()
            self.show_problems()

    def _flush_form(self) -> None:
        """Store what the form shows into the entry it belongs to, before showing another.

        Changed messages are queued: a fast typist can move to the next entry before the last
        keystrokes' messages arrive, and they must not land on the entry shown by then.
        """
        if self._selected() is None:
            return
        for ref in self._form_refs():
            self._store(ref, _value_of(self._widget(ref)))
        grid = self.shown_grid()
        if grid is not None and grid.display:
            for cell in grid.visible_cells():
                self._store_cell(cell.row, cell.ref.key, cell.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an entry goes to its first field."""
        self.action_focus_form()

    def action_focus_form(self) -> None:
        """→ / Enter: edit the selected entry or block, starting at its name."""
        if self._selected() is not None:
            self._widget(self._form_refs()[0]).focus()

    def load_settings(self) -> None:
        """Show the routine's and the defaults' values."""
        for ref in (*ROUTINE_FORM, *DEFAULTS_FORM):
            raw = self.draft.raw(ref.scope, None)
            show_value(self._widget(ref), raw.get(ref.key, "") if raw is not None else "")

    def _relabel(self, index: int) -> None:
        items = self.entry_list
        if 0 <= index < items.option_count:
            entry = self.draft.items[index]
            in_block = not isinstance(entry, BlockHead) and (
                entry.section is Section.MAIN and self.draft.block_of(index) is not None
            )
            items.replace_option_prompt_at_index(index, Content(entry.label(in_block)))
            if index == self.current:
                self.form_title.update(self._form_title(index), layout=False)

    def _sync_round_fields(self) -> None:
        """[routine] rounds are the main list's: with blocks each block has its own."""
        blocks = self.draft.has_blocks()
        for ref in ROUTINE_FORM:
            if ref.key in BLOCK_ROUND_KEYS:
                widget = self._widget(ref)
                widget.disabled = blocks
                widget.tooltip = "with blocks, each block has its own" if blocks else None

    async def rebuild_list(self, select: int, focus_name: bool = False) -> None:
        """Redraw the list after a list edit or an undo, and select ``select``."""
        items = self.entry_list
        items.set_options(self._list_items())
        self.current = select
        if 0 <= select < len(self.draft.items):
            items.highlighted = select
        self.load_form()
        self._sync_round_fields()
        self.revalidate()
        name = self._widget(self._form_refs()[0])
        if focus_name and 0 <= select < len(self.draft.items) and isinstance(name, Input):
            # A new entry: its placeholder name is selected, so typing replaces it.
            name.focus()
            name.select_all()
        else:
            items.focus()

    # ---- checking ----------------------------------------------------------------------------

    def revalidate(self) -> None:
        """Check the draft once; show each problem beside its field, and the total."""
        self._data = self.draft.data()
        self.routine, self.problems = self.draft.check(self._data, str(self.path))
        self.show_problems()
        self.status.show(self.routine, self.problems, lambda: self.dirty)

    def show_problems(self) -> None:
        """Error lines under the fields they are about."""
        lines = self.error_lines.ids()
        self.error_lines.show(error_lines(self.draft, self.problems, self._selected(), lines))

    def field_errors(self) -> dict[str, str]:
        """Widget id -> the error shown under it ("form-error" for the entry as a whole)."""
        return self.error_lines.shown()

    # ---- asking the app ----------------------------------------------------------------------

    def action_save(self) -> None:
        """ctrl+s: ask the app to save, unless something is invalid."""
        if self.routine is None:
            first = self.problems[0]
            where = f"{first.where}: " if first.where else ""
            self.notify(
                f"Not saved: {plural(len(self.problems), 'problem')} to fix first. "
                f"{where}{first.message}",
                severity="error",
                markup=False,
            )
            return
        self._sent_data = self._data
        self.post_message(SaveRequested(self.routine))

    def on_routine_saved(self, message: RoutineSaved) -> None:
        """The app saved what was sent: that is now the clean state."""
        if self._sent_data is not None:
            self._saved_data = self._sent_data
        self.path, self.note = message.path, ""
        self.query_one("#editor-title", Static).update(self._title())
        self.revalidate()

    def action_try_it(self) -> None:
        """ctrl+t: ask the app to run the routine as it stands."""
        if self.routine is None:
            self.notify("Fix the problems first, then try it.", severity="error")
            return
        self.post_message(TryRequested(self.routine))

    def action_quit(self) -> None:
        """esc / ctrl+q: ask the app to leave (it asks first when there are unsaved changes)."""
        self.post_message(QuitRequested(self.dirty))


def _value_of(widget: object) -> Any:
    """What a form widget holds right now, as the draft stores it."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, Select):
        return str(widget.value)
    if isinstance(widget, Input):
        return widget.value
    return None
