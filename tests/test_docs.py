"""docs/routines.md says what the loader does: its key table is the schema's own rendering."""

from __future__ import annotations

from legtimer.core.schema import markdown_table
from tests.conftest import ROOT, ROUTINES
from tools.keys_table import DOC, END, START, with_table


def test_the_key_table_in_the_docs_is_the_generated_one() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert START in text and END in text
    assert text == with_table(text, markdown_table()), (
        "docs/routines.md's key table differs from the schema: run `python tools/keys_table.py`"
    )


def test_the_table_names_the_bounds_the_loader_enforces() -> None:
    table = markdown_table()
    assert "| `seconds_per_rep` | defaults, exercise | number | more than 0, at most 60 |" in table
    assert (
        "| `sets` | exercise | whole number or list | 1 to 100, or a list of per-set tables |"
        in table
    )
    assert "| `every` | block | duration | longer than zero" in table


def test_tools_is_importable_from_the_root() -> None:
    assert (ROOT / "tools" / "keys_table.py").exists() and ROUTINES.exists()
