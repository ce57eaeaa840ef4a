"""Find the line a TOML key or table sits on, since tomllib does not say.

A light scan, not a parser: it tracks table headers and ``key =`` lines outside multi-line
strings. Good enough to point a person at the right line of their routine file. The scan runs
only when a problem asks for a line: a good file is never scanned.
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

    def __init__(self, text: str | None = None) -> None:
        self._text = text
        """The document, until the first lookup scans it (None: nothing to scan)."""
        self._headers: dict[TableId, int] = {}
        self._keys: dict[TableId, dict[str, int]] = {}
        self._lines: list[str] = []
        """The document's lines, once scanned (to find an item inside a multi-line array)."""

    @classmethod
    def scan(cls, text: str) -> LineIndex:
        """Index a TOML document's text (scanned when a line is first asked for)."""
        return cls(text)

    @property
    def headers(self) -> dict[TableId, int]:
        """The line of each table header."""
        self._scan()
        return self._headers

    @property
    def keys(self) -> dict[TableId, dict[str, int]]:
        """The line of each key, per table."""
        self._scan()
        return self._keys

    def _scan(self) -> None:
        text, self._text = self._text, None
        if text is None:
            return
        headers, keys = self._headers, self._keys
        counts: dict[str, int] = {}
        current: TableId = ("", 0)
        keys[current] = {}
        in_string: str | None = None
        self._lines = text.splitlines()
        for number, line in enumerate(self._lines, start=1):
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
                headers.setdefault(current, number)
                keys.setdefault(current, {})
                continue
            key = _KEY.match(line)
            if key:
                keys[current].setdefault(_unquote(key.group(1)), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    def line_of(self, table: TableId, key: str | None = None) -> int | None:
        """The line of ``key`` in ``table``, else the table's header, else None."""
        self._scan()
        if key is not None:
            found = self._keys.get(table, {}).get(key)
            if found is not None:
                return found
        header = self._headers.get(table)
        if header is not None:
            return header
        # Written as an inline value (exercise = [...]) rather than a header.
        return self._keys.get(("", 0), {}).get(table[0])

    def item_line(self, table: TableId, key: str, item: int) -> int | None:
        """The line where inline table number ``item`` (1-based) of array ``key`` opens.

        ``sets = [{...}, {...}]`` on several lines: a problem in the third set points at the
        third set's line, not at ``sets =``. Falls back to the key's line.
        """
        start = self.line_of(table, key)
        if start is None:
            return None
        depth, seen = 0, 0
        for number in range(start, len(self._lines) + 1):
            line = self._lines[number - 1]
            if number == start:
                line = line.split("=", 1)[-1]
            for char in _brackets(line):
                if char in "[{":
                    depth += 1
                    if char == "{" and depth == 2:
                        seen += 1
                        if seen == item:
                            return number
                elif char in "]}":
                    depth -= 1
                    if depth == 0:
                        return start
        return start


_STRING_OR_COMMENT = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'|#.*""")


def _brackets(line: str) -> str:
    """The line without its strings and comment: a ``{`` in a note opens no set."""
    return _STRING_OR_COMMENT.sub("", line)


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        return name[1:-1]
    return name
