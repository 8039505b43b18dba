"""The cue patterns are built for speed (`graders.patterns.alternation`); they must match exactly what the plain
alternation of their parts matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graders.patterns import alternation, alternatives

PARTS = (
    r"\bhow (?:much|many) (?:time|money)\b|\bwhat (?:does|did) (?:that|it) cost\b",
    r"(?:\bif\b|\bsuppose\b) (?:it|that) (?:stays?|keeps?)\b",
    r"^(?:so,? )?is (?:this|that) (?!right\b)\w+\W*$",
    r"\d[\d,]*\+? (?:offices|sites)\b|[$€£]\s*\d",
    r"\b(?:a|b)[|(]\)|\bx\\|y",
    r"(?<!不)满意吗$|([\u4e00-\u9fff])不\1",
    r"(?:\bgood|\bbad) (?:time|moment)(?=\?)",
    r"^(?:\w+ )?so (?:it|that)\b|^(?:is|did) (?:that|it) (?:cost|keeps?)\b.*\?$",
)
WORDS = [
    "how",
    "much",
    "many",
    "time",
    "money",
    "what",
    "does",
    "did",
    "that",
    "it",
    "cost",
    "if",
    "suppose",
    "stays",
    "keeps",
    "so",
    "so,",
    "is",
    "this",
    "right",
    "fine",
    "12,000+",
    "offices",
    "sites",
    "$ 5",
    "a|)",
    "b(",
    "x\\",
    "y",
    "满意吗",
    "不满意吗",
    "好不好",
    "大不大",
    "good",
    "bad",
    "moment?",
    "?",
    ".",
    "Gina",
]


def plain(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=9), st.sampled_from([" ", ""]))
def test_the_fast_alternation_matches_exactly_what_the_plain_one_does(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for size in (1, 2, len(PARTS)):
        parts = PARTS[:size]
        assert bool(alternation(*parts).search(text)) == bool(plain(*parts).search(text)), (parts, text)


def test_groups_that_wrap_a_whole_alternative_are_opened_and_others_are_kept() -> None:
    assert alternatives(r"(?:a|(?:b|c))|d") == ["a", "b", "c", "d"]
    assert alternatives(r"(?:a)b(?:c)|(?:x|y)?") == ["(?:a)b(?:c)", "(?:x|y)?"]
    assert alternatives(r"[(|]x|\(y\|z\)") == ["[(|]x", r"\(y\|z\)"]
