"""Which error line of the form each problem from the loader belongs under, and its words there.

Problems name tables as the file does (("block", 1), ("block.exercise", 4)); the draft knows
which entry each table is. A problem of a per-set row is shown on its exercise, saying which
set it is about; a variant's under the variant's own field, and on its exercise too (naming the
variant), since renaming the exercise can be what caused it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from legtimer.core.errors import Problem
from legtimer.ui.editor.draft import Draft
from legtimer.ui.editor.entries import BlockHead, VariantEntry
from legtimer.ui.editor.refs import SCOPE_OF_TABLE, Scope

FORM_ERROR = "form-error"
"""The error line of the selected entry as a whole."""
VARIANTS_ERROR = "item-variants-error"
"""The error line under the selected exercise's variants."""

_SET = re.compile(r"\bset (\d+)$")
_VARIANT = re.compile(r"\b(variant \d+.*)$")


def error_lines(
    draft: Draft, problems: list[Problem], index: int | None, known: Collection[str]
) -> dict[str, list[str]]:
    """Error line id -> the messages shown on it, for the entry at ``index`` and the settings.

    Args:
        draft: the draft the problems are about.
        problems: from the loader.
        index: the selected entry (None: none).
        known: the ids of the error lines the screen has.
    """
    current = draft.position(index) if index is not None else None
    entry = draft.items[index] if index is not None else None
    scope = (
        Scope.BLOCK
        if isinstance(entry, BlockHead)
        else Scope.VARIANT
        if isinstance(entry, VariantEntry)
        else Scope.ITEM
    )
    shown: dict[str, list[str]] = {}
    for problem in problems:
        table = problem.table
        if table is None:
            continue
        target: str | None = None
        message = problem.message
        settings = SCOPE_OF_TABLE.get(table[0])
        if settings is not None:
            target = f"{settings.value}-{problem.key}-error" if problem.key else FORM_ERROR
        elif table == current:
            target = f"{scope.value}-{problem.key}-error" if problem.key else FORM_ERROR
            found = _SET.search(problem.where)
            if found and problem.key == "sets":
                message = f"Set {found.group(1)}: {message}"
        elif (
            table[0].endswith(".variant")
            and index is not None
            and draft.variant_owner(table) == index
        ):
            target = VARIANTS_ERROR
            found = _VARIANT.search(problem.where)
            if found:
                message = f"{found.group(1)[0].upper()}{found.group(1)[1:]}: {message}"
        if target is None:
            continue
        if target not in known:
            target = FORM_ERROR
        shown.setdefault(target, []).append(message)
    return shown
