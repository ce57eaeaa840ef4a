"""The editor's keys, declared once: the list's, the per-set rows', the screen's, and the command
palette's names for them (README's editor key table says the same)."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType


class EditorKey(NamedTuple):
    """One editor action: its keys, its Footer label, and its name in the command palette."""

    keys: str
    """Textual key names, comma-separated; "" for a palette-only action."""
    action: str
    """The editor screen's action."""
    footer: str
    name: str = ""
    """Its name in the command palette ("" keeps it out)."""
    help: str = ""
    show: bool = True
    key_display: str | None = None
    priority: bool = False


LIST_KEYS: tuple[EditorKey, ...] = (
    EditorKey(
        "a", "add_item", "Add", "Add entry", "a new entry after the selected one, in its section"
    ),
    EditorKey(
        "w", "add_section('warmup')", "+Warm-up", "Add warm-up", "a new warm-up entry at the end"
    ),
    EditorKey(
        "e",
        "add_section('exercise')",
        "+Exercise",
        "Add exercise",
        "a new exercise at the end of the main list (with blocks: of the selected block)",
    ),
    EditorKey(
        "o", "add_section('cooldown')", "+Cool-down", "Add cool-down", "a new cool-down entry"
    ),
    EditorKey(
        "b",
        "add_block",
        "+Block",
        "Add block",
        'a new block after the selected one; without blocks yet, the exercises become block "Main"',
    ),
    EditorKey(
        "v",
        "add_variant",
        "+Variant",
        "Add variant",
        "a new variant of the selected exercise (swap, easier or harder), after its others",
    ),
    EditorKey(
        "c",
        "duplicate_item",
        "Copy",
        "Copy entry",
        "a copy of the selected entry, block (with its exercises) or exercise (with its variants)",
    ),
    EditorKey(
        "x,delete",
        "delete_item",
        "Delete",
        "Delete entry",
        "remove the selected entry (a block with its exercises, an exercise with its variants; "
        "ctrl+z brings it back)",
    ),
    EditorKey(
        "K,ctrl+up",
        "move_item(-1)",
        "Up",
        "Move up",
        "move the entry up (into the previous block at the top of one); a block moves whole, "
        "a variant among its exercise's",
    ),
    EditorKey(
        "J,ctrl+down",
        "move_item(1)",
        "Down",
        "Move down",
        "move the entry down (into the next block at the end of one); a block moves whole, "
        "a variant among its exercise's",
    ),
    EditorKey(
        "left_square_bracket",
        "move_to_block(-1)",
        "To prev block",
        "Move to previous block",
        "move the exercise to the end of the previous block",
        show=False,
        key_display="[",
    ),
    EditorKey(
        "right_square_bracket",
        "move_to_block(1)",
        "To next block",
        "Move to next block",
        "move the exercise to the start of the next block",
        show=False,
        key_display="]",
    ),
    EditorKey("right", "focus_form", "Form", show=False),
)
"""Keys of the entry list (they act on the highlighted entry)."""

SET_KEYS: tuple[EditorKey, ...] = (
    EditorKey(
        "",
        "toggle_per_set",
        "",
        "Sets: one row per set / a number",
        "switch the selected exercise between a number of sets and a row for each set",
    ),
    EditorKey(
        "ctrl+n",
        "add_set",
        "Add set",
        "Add set",
        "a copy of the per-set row you are in, just after it",
    ),
    EditorKey(
        "ctrl+r",
        "remove_set",
        "Remove set",
        "Remove set",
        "remove the per-set row you are in (ctrl+z brings it back)",
    ),
    EditorKey("up", "set_row(-1)", "", show=False),
    EditorKey("down", "set_row(1)", "", show=False),
)
"""Keys inside the per-set rows."""

SCREEN_KEYS: tuple[EditorKey, ...] = (
    EditorKey("ctrl+s", "save", "Save", "Save", "save the routine"),
    EditorKey(
        "ctrl+t", "try_it", "Try it", "Try it", "run the workout as it stands, without saving"
    ),
    EditorKey("ctrl+z", "undo", "Undo", "Undo", "undo the last change", priority=True),
    EditorKey("ctrl+y", "redo", "Redo", "Redo", "redo what was undone", priority=True),
    EditorKey("escape", "quit", "Quit"),
)
"""Keys anywhere in the editor."""


def bindings(keys: tuple[EditorKey, ...], prefix: str = "") -> list[BindingType]:
    """Textual bindings for ``keys``; ``prefix`` ("screen.") sends them to the screen."""
    return [
        Binding(
            key.keys,
            prefix + key.action,
            key.footer,
            show=key.show,
            key_display=key.key_display,
            priority=key.priority,
        )
        for key in keys
        if key.keys
    ]


PALETTE: tuple[tuple[str, str, str], ...] = tuple(
    (key.name, key.help, key.action) for key in (*LIST_KEYS, *SET_KEYS, *SCREEN_KEYS) if key.name
)
"""(name, help, screen action) for each command in the palette."""
