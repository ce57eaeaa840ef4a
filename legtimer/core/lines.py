"""Find the line a TOML key or table sits on, since tomllib does not say.

A light scan, not a parser: it tracks table headers and ``key =`` lines outside multi-line
strings. Good enough to point a person at the right line of their routine file.
"""

from __future__ import annotations

import re

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]\[]+?)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*[=.]""")

TableId = tuple[str, int]
"""A table name and which occurrence of it (0-based; always 0 for plain tables)."""


class LineIndex:
    """Lines of table headers and of the keys inside each table."""

    def __init__(self) -> None:
        self.headers: dict[TableId, int] = {}
        self.keys: dict[TableId, dict[str, int]] = {}

    @classmethod
    def scan(cls, text: str) -> LineIndex:
        """Index a TOML document's text."""
        index = cls()
        counts: dict[str, int] = {}
        current: TableId = ("", 0)
        index.keys[current] = {}
        in_string: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string is not None:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            header = _ARRAY_HEADER.match(line) or _TABLE_HEADER.match(line)
            if header:
                name = _unquote(header.group(1))
                is_array = header.re is _ARRAY_HEADER
                occurrence = counts.get(name, 0)
                counts[name] = occurrence + 1 if is_array else occurrence
                current = (name, occurrence)
                index.headers.setdefault(current, number)
                index.keys.setdefault(current, {})
                continue
            key = _KEY.match(line)
            if key:
                index.keys[current].setdefault(_unquote(key.group(1)), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break
        return index

    def line_of(self, table: TableId, key: str | None = None) -> int | None:
        """The line of ``key`` in ``table``, else the table's header, else None."""
        if key is not None:
            found = self.keys.get(table, {}).get(key)
            if found is not None:
                return found
        header = self.headers.get(table)
        if header is not None:
            return header
        # Written as an inline value (exercise = [...]) rather than a header.
        return self.keys.get(("", 0), {}).get(table[0])


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        return name[1:-1]
    return name
