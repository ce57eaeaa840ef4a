"""What a variant's form shows besides its own values: its exercise's, grey, in each empty field.

A variant takes every key it leaves out from its exercise (core/loader_variants.py), so an empty
field is not "nothing": it shows what the variant will do, as a per-set row's empty cell does.
"""

from __future__ import annotations

from legtimer.core.schema import Kind
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.entries import Item, VariantEntry
from legtimer.ui.editor.fields import FieldArea, FieldChoice, FieldInput, FieldWidget
from legtimer.ui.editor.refs import DEFAULT, FieldRef, as_exercise

VARIANT_HELP = (
    "Stands in for its exercise. Order counts: v cycles the variants in it during a workout, "
    "and a missing item swaps in the first swap that fits (else the first easier one); K / J "
    "reorder. Empty: as the exercise (grey); none: empty on purpose."
)


def inherited(draft: Draft, exercise: Item, ref: FieldRef) -> str:
    """The exercise's value for a variant's field, as text ("" when it has none to show)."""
    key = ref.key
    if key == "sets" and exercise.sets_list is not None:
        return f"{len(exercise.sets_list)}, one row per set"
    own = exercise.raw.get(key, "")
    if isinstance(own, bool):  # a checkbox (per_side)
        return "yes" if own else "no"
    text = str(own).strip()
    if text == DEFAULT:  # a setting left to [defaults], or progression left as it is
        text = "" if ref.spec.is_setting else ("yes" if ref.spec.default else "no")
    if not text and ref.spec.is_setting:
        text = str(draft.defaults.get(key, "")).strip()
    if not text and key in ("reps", "duration") and exercise.sets_list is not None:
        return "each set's own"
    if not text and ref.spec.kind is Kind.TEXT_LIST:
        return "none"
    if not text and ref.spec.default not in (None, "", ()):
        text = str(ref.spec.default)  # sets: 1
    return " ".join(text.split())


def show_inherited(widget: FieldWidget, text: str) -> None:
    """Put the exercise's value where an empty field shows it: grey text, or the first choice."""
    if isinstance(widget, FieldChoice):
        widget.show_inherited(text)
    elif isinstance(widget, FieldInput | FieldArea):
        placeholder = as_exercise(text)
        if widget.placeholder != placeholder:
            widget.placeholder = placeholder


def per_side(draft: Draft, index: int) -> bool:
    """Whether the exercise or variant at ``index`` works each side in turn (so it has a first
    side): a variant says so itself or takes it from its exercise."""
    entry = draft.items[index]
    if isinstance(entry, VariantEntry):
        own = entry.raw.get("per_side")
        if own in ("yes", "no"):
            return str(own) == "yes"
        owner = draft.owner_of(index)
        entry = draft.items[owner] if owner is not None else entry
    return isinstance(entry, Item) and entry.raw.get("per_side") is True
