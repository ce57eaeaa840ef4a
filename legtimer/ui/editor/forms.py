"""The selected entry's form: an exercise's, a block's or a variant's, filled from the draft.

The exercise form is composed with the screen; a block's and a variant's are mounted the first
time one is needed (a routine without them keeps a smaller screen, which answers each keystroke
sooner). A variant's empty fields show its exercise's values, grey. A mixin of the editor
screen, which composes the containers these fill.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Checkbox, Static

from legtimer.core.routine import Section
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.entries import SETS_KEY, BlockHead, Editable, Entry, Item, VariantEntry
from legtimer.ui.editor.fields import FieldInput, FieldWidget, field_row, make_widget, show_value
from legtimer.ui.editor.refs import (
    BLOCK_FORM,
    ITEM_FORM,
    SET_FORM,
    VARIANT_FORM,
    FieldRef,
)
from legtimer.ui.editor.setgrid import PerSetToggle, SetGrid, sets_row
from legtimer.ui.editor.status import ErrorLines, plural
from legtimer.ui.editor.variantform import (
    VARIANT_HELP,
    inherited,
    per_side,
    show_inherited,
)

BLOCK_HELP = (
    "A block: its exercises, rounds times. every = EMOM (a round starts each interval); "
    "time_cap = AMRAP (the circuit loops until the cap); neither = rounds with rests."
)
FORMS: dict[type[Entry], tuple[FieldRef, ...]] = {
    Item: ITEM_FORM,
    BlockHead: BLOCK_FORM,
    VariantEntry: VARIANT_FORM,
}
"""Each kind of entry's fields."""


class EntryForms(Screen[None]):
    """Shows the selected entry's form; the screen composes its containers."""

    draft: Draft
    current: int
    error_lines: ErrorLines
    per_set: PerSetToggle
    set_grid: SetGrid
    variant_per_set: PerSetToggle
    variant_set_grid: SetGrid
    form_title: Static
    variants_line: Static
    item_form: Widget
    block_form: Widget
    variant_form: Widget
    _widgets: dict[FieldRef, FieldWidget]

    def _selected(self) -> int | None:
        return self.current if 0 <= self.current < len(self.draft.items) else None

    def _make(self, ref: FieldRef) -> FieldWidget:
        raw = self.draft.raw(ref.scope, self._selected())
        widget = self._widgets[ref] = make_widget(ref, raw.get(ref.key, "") if raw else "")
        return widget

    def _widget(self, ref: FieldRef) -> FieldWidget:
        return self._widgets[ref]

    def _build_block_form(self) -> AwaitMount | None:
        """Mount a block's fields, the first time a block is needed (a routine without blocks
        keeps a smaller screen, which answers each keystroke sooner)."""
        if self.block_form.children:
            return None
        self.error_lines.forget()  # found again, with the block's
        return self.block_form.mount(
            Static(BLOCK_HELP, classes="hint", markup=False),
            *(field_row(self._make(ref)) for ref in BLOCK_FORM),
        )

    def _build_variant_form(self) -> AwaitMount | None:
        """Mount a variant's fields, the first time a variant is needed."""
        if self.variant_form.children:
            return None
        self.error_lines.forget()
        return self.variant_form.mount(
            Static(VARIANT_HELP, classes="hint", markup=False),
            *self.form_rows(VARIANT_FORM, self.variant_per_set, self.variant_set_grid),
        )

    def form_rows(
        self, refs: tuple[FieldRef, ...], toggle: PerSetToggle, grid: SetGrid
    ) -> list[Widget]:
        """An exercise's or a variant's fields, each a row; the sets field with its rows."""
        rows: list[Widget] = []
        for ref in refs:
            widget = self._make(ref)
            if ref.key == SETS_KEY and isinstance(widget, FieldInput):
                rows.append(sets_row(widget, toggle, grid))
            else:
                rows.append(field_row(widget))
        return rows

    def _form_refs(self) -> tuple[FieldRef, ...]:
        """The fields of the form shown: an exercise's, a block's or a variant's."""
        index = self._selected()
        if index is None:
            return ITEM_FORM
        return FORMS[type(self.draft.items[index])]

    def load_form(self) -> None:
        """Fill the form from the selected entry (or hide it when the list is empty)."""
        form = self.query_one("#editor-form")
        index = self._selected()
        if index is None:
            form.display = False
            return
        form.display = True
        entry = self.draft.items[index]
        if isinstance(entry, BlockHead):
            self._build_block_form()
        elif isinstance(entry, VariantEntry):
            self._build_variant_form()
        _show(self.item_form, isinstance(entry, Item))
        _show(self.block_form, isinstance(entry, BlockHead))
        _show(self.variant_form, isinstance(entry, VariantEntry))
        self.form_title.update(self._form_title(index), layout=False)
        for ref in self._form_refs():
            show_value(self._widget(ref), entry.raw.get(ref.key, ""))
        if isinstance(entry, Item):
            self._show_variant_names(index)
        elif isinstance(entry, VariantEntry):
            self._show_inherited(index)
        if isinstance(entry, Editable):
            self._show_sets(index)
            self._sync_first_side()

    def _show_variant_names(self, index: int) -> None:
        """The line above an exercise's fields: its variants, and the key that adds one."""
        names = [f"{v.name()} ({v.role()})" for v in self.draft.variants_of(index)]
        text = (
            f"Variants: {', '.join(names)} · under it in the list · v adds one"
            if names
            else "No variants · v adds one (a swap, an easier or a harder exercise)"
        )
        self.variants_line.update(text)
        self.variants_line.set_class(False, "-empty")

    def _show_inherited(self, index: int) -> None:
        """Each empty field of a variant shows its exercise's value, grey."""
        owner = self.draft.item(self.draft.owner_of(index))
        if owner is None:
            return
        for ref in VARIANT_FORM:
            if ref.inherits:
                show_inherited(self._widget(ref), inherited(self.draft, owner, ref))

    def _sync_first_side(self) -> None:
        """The first side is a per-side exercise's only: the choice is off for the others."""
        index = self._selected()
        if index is None or isinstance(self.draft.items[index], BlockHead):
            return
        ref = next(ref for ref in self._form_refs() if ref.key == "first_side")
        widget = self._widget(ref)
        off = not per_side(self.draft, index)
        if widget.disabled != off:
            widget.disabled = off
            widget.tooltip = "per-side exercises only: tick Per side first" if off else None

    def _sets_of(self, entry: Editable) -> tuple[PerSetToggle, SetGrid]:
        """The "one row per set" toggle and the rows of the form that shows ``entry``."""
        if isinstance(entry, VariantEntry):
            return self.variant_per_set, self.variant_set_grid
        return self.per_set, self.set_grid

    def shown_grid(self) -> SetGrid | None:
        """The rows of the form shown (None: a block's head, or nothing selected)."""
        entry = self.draft.with_sets(self._selected())
        return self._sets_of(entry)[1] if entry is not None else None

    def _show_sets(self, index: int) -> None:
        """The sets field: a number, or the rows (the number then counts them)."""
        entry = self.draft.with_sets(index)
        if entry is None:
            return
        toggle, grid = self._sets_of(entry)
        per_set = entry.sets_list is not None
        with toggle.prevent(Checkbox.Changed):
            toggle.value = per_set
        count = self._widget(next(ref for ref in entry.FORM if ref.key == SETS_KEY))
        show_value(count, entry.raw.get(SETS_KEY, ""))
        count.disabled = per_set
        grid.show(entry.sets_list, self._set_placeholders(index))

    def _set_placeholders(self, index: int) -> dict[str, str]:
        """What an empty cell of a row means: the exercise's value (a variant's: its own, else
        its exercise's), or the default."""
        entry = self.draft.items[index]
        owner = self.draft.item(self.draft.owner_of(index))
        sources = [entry.raw]
        if isinstance(entry, VariantEntry) and owner is not None:
            sources.append(owner.raw)
        sources.append(self.draft.defaults)
        return {
            ref.key: next(
                (text for raw in sources if (text := str(raw.get(ref.key, "")).strip())), ""
            )
            for ref in SET_FORM
        }

    def _form_title(self, index: int) -> str:
        entry = self.draft.items[index]
        if isinstance(entry, BlockHead):
            return f"{entry.label()} · {plural(self.draft.block_size(index), 'exercise')}"
        if isinstance(entry, VariantEntry):
            owner = self.draft.item(self.draft.owner_of(index))
            relation = entry.relation(owner.name() if owner else "?")
            return f"VARIANT · {entry.name()} · {relation}"
        head = self.draft.block_of(index) if entry.section is Section.MAIN else None
        if head is None:
            return entry.label()
        return f"{entry.label()} · in block {self.draft.items[head].name()}"


def _show(widget: Widget, shown: bool) -> None:
    """Show or hide a part of the form (no layout when it is already so)."""
    if widget.display != shown:
        widget.display = shown
