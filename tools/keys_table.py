"""Rewrite the key table in docs/routines.md from the field schema (no make needed).

python tools/keys_table.py          rewrite docs/routines.md in place
python -m legtimer.core.schema      print the table only
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "routines.md"
START = "<!-- keys: generated from legtimer/core/schema.py by tools/keys_table.py -->\n"
END = "<!-- keys:end -->\n"


def with_table(text: str, table: str) -> str:
    """``text`` with everything between the two markers replaced by ``table``."""
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}{table}{END}{tail}"


def main() -> None:
    """Rewrite the table."""
    sys.path.insert(0, str(ROOT))
    from legtimer.core.schema import markdown_table

    DOC.write_text(with_table(DOC.read_text(encoding="utf-8"), markdown_table()), encoding="utf-8")
    print(f"rewrote the key table in {DOC}")


if __name__ == "__main__":
    main()
