"""Remembered pattern searches: one turn asks the same cue pattern about the same clause several times (a
one-clause question is both a clause and a sentence), and the searches are most of the grading time."""

from __future__ import annotations

import re

_SEEN: dict[tuple[int, str], bool] = {}
_SEEN_LIMIT = 200_000


def has(pattern: re.Pattern[str], text: str) -> bool:
    """Does `pattern` occur in `text`? Remembered per (pattern, text)."""
    key = (id(pattern), text)  # id, not the pattern: hashing a pattern hashes its whole compiled code
    found = _SEEN.get(key)
    if found is None:
        if len(_SEEN) >= _SEEN_LIMIT:
            _SEEN.clear()
        found = _SEEN[key] = pattern.search(text) is not None
    return found


def forget() -> None:
    """Forget every remembered search (benchmarks measure cold labelling)."""
    _SEEN.clear()
