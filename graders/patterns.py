"""Building the cue patterns: many readable alternatives in, one fast regular expression out."""

from __future__ import annotations

import re
from itertools import pairwise


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern, with a group that wraps a whole alternative opened up."""
    found: list[str] = []
    for part in _split_top_level(source):
        inner = _unwrap(part)
        found += alternatives(inner) if inner is not None else [part]
    return found


def alternation(*parts: str) -> re.Pattern[str]:
    """One pattern matching any of `parts`. Python's engine tries every alternative at every position, and most
    cue alternatives start at a word boundary or at the start of the text, so `\\b` and `^` are each checked once
    per position instead of once per alternative (a third of the labeler's time on English). What matches is
    unchanged."""
    flat = [alt for part in parts for alt in alternatives(part)]
    pieces = []
    for anchor in (r"\b", "^"):
        anchored = [alt[len(anchor) :] for alt in flat if alt.startswith(anchor)]
        if anchored:
            pieces.append(anchor + "(?:" + "|".join(anchored) + ")")
    pieces += [f"(?:{alt})" for alt in flat if not alt.startswith((r"\b", "^"))]
    return re.compile("|".join(pieces))


def _structure(source: str) -> list[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character that is syntax: not escaped, not in a class."""
    out, depth, escaped, in_class = [], 0, False, False
    for index, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            out.append((index, ch, depth))
    return out


def _split_top_level(source: str) -> list[str]:
    cuts = [index for index, ch, depth in _structure(source) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1 : b] for a, b in pairwise(bounds)]


def _unwrap(part: str) -> str | None:
    """The inside of `(?:...)` when that group is the whole alternative, else None."""
    if not (part.startswith("(?:") and part.endswith(")")):
        return None
    closes = [index for index, ch, depth in _structure(part) if ch == ")" and depth == 0]
    return part[3:-1] if closes and closes[0] == len(part) - 1 else None
