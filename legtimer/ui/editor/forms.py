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
from legtimer.ui.editor.entries import BlockHead, Entry, Item, VariantEntry
from legtimer.ui.editor.fields import FieldWidget, field_row, make_widget, show_value
from legtimer.ui.editor.refs import (
    BLOCK_FORM,
    ITEM_FORM,
    SET_FORM,
    VARIANT_FORM,
    FieldRef,
)
from legtimer.ui.editor.setgrid import PerSetToggle, SetGrid
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
    form_title: Static
    variants_line: Static
    kept_rows: Static
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
        rows: list[Widget] = [Static(VARIANT_HELP, classes="hint", markup=False)]
        for ref in VARIANT_FORM:
            rows.append(field_row(self._make(ref)))
            if ref.key == "sets":
                rows.append(self.kept_rows)
        return self.variant_form.mount(*rows)

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
            self._show_sets(entry)
            self._show_variant_names(index)
        elif isinstance(entry, VariantEntry):
            self._show_inherited(index, entry)
        if not isinstance(entry, BlockHead):
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

    def _show_inherited(self, index: int, variant: VariantEntry) -> None:
        """Each empty field of a variant shows its exercise's value, grey."""
        owner = self.draft.item(self.draft.owner_of(index))
        if owner is None:
            return
        for ref in VARIANT_FORM:
            if ref.inherits:
                show_inherited(self._widget(ref), inherited(self.draft, owner, ref))
        rows = "sets" in variant.originals and isinstance(variant.originals["sets"], list)
        self.kept_rows.set_class(not rows, "-empty")

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

    def _show_sets(self, item: Item) -> None:
        """The sets field: a number, or the rows (the number then counts them)."""
        per_set = item.sets_list is not None
        with self.per_set.prevent(Checkbox.Changed):
            self.per_set.value = per_set
        count = self._widget(next(ref for ref in ITEM_FORM if ref.key == "sets"))
        show_value(count, item.raw.get("sets", ""))
        count.disabled = per_set
        self.set_grid.show(item.sets_list, self._set_placeholders(item))

    def _set_placeholders(self, item: Item) -> dict[str, str]:
        """What an empty cell of a row means: the exercise's value (or its default)."""
        out = {}
        for ref in SET_FORM:
            own = str(item.raw.get(ref.key, "")).strip()
            out[ref.key] = own or str(self.draft.defaults.get(ref.key, "")).strip()
        return out

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
