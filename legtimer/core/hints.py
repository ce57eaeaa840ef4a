"""What an unknown key most likely meant: a typo's nearest key, or where another app's idea goes.

Only a file with problems needs these, so `check` of a good file never runs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from legtimer.core.schema import Table


def suggest(key: str, allowed: Iterable[str]) -> str | None:
    """The allowed key a typo most likely meant ("rset" -> "rest", "exercises" -> "exercise").

    Fewest edits wins (a swap of two letters counts as one), then difflib's similarity, then
    the schema's order, so the same typo always gets the same suggestion.
    """
    import difflib  # only when something is wrong: keeps `check` of a good file fast

    options = list(allowed)
    close = set(difflib.get_close_matches(key, options, n=5, cutoff=0.6))
    near = {o for o in options if _edits(key.lower(), o) <= max(1, len(o) // 3)}
    ranked = sorted(
        [o for o in options if o in close or o in near],
        key=lambda o: (_edits(key.lower(), o), -difflib.SequenceMatcher(None, key, o).ratio()),
    )
    return ranked[0] if ranked else None


def _edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insert, delete, change, or swap neighbours."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


ALIASES = {"weight": "load", "kg": "load", "lbs": "load", "time": "duration", "seconds": "duration"}
"""Words from other apps for a per-set key."""


def belongs_elsewhere(key: str, kind: Table | None) -> str | None:
    """Where an idea from another app goes in this format, when ``key`` is one of those."""
    lower = key.lower()
    if lower in ("superset", "circuit", "group", "giant_set", "supersets", "circuits"):
        return "to pair or circle exercises, put them in one [[block]] with rounds"
    if lower in ("rounds", "rest_between_rounds") and kind in (Table.EXERCISE, Table.DEFAULTS):
        return f"{key} belongs in [routine] or a [[block]]"
    if lower in ("emom", "amrap", "interval"):
        return 'write a [[block]] with every = "1m" (EMOM) or time_cap = "10m" (AMRAP)'
    return None
