"""Text normalisation shared by every reader of trainee and customer turns."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from graders import cantonese

_T2S = opencc.OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff]")
_FULLWIDTH = str.maketrans("？！，。；：（）", "?!,.;:()")
# A full stop ends a sentence unless a letter or digit follows at once ("okafor-group.com", "e.g."); Chinese
# full stops (folded to ".") are followed by no space at all.
_SENTENCE_END = re.compile(r"(?<=[?!;\n])\s*|(?<=\.)(?![a-z0-9])\s*")
_DECIMAL_DOT = re.compile(r"(?<=\d)\.(?=\d)|(?<=\b(?:mr|ms|dr|st|no))\.|(?<=\bmrs)\.")
MAX_TURN_CHARS = 4000
# Chat and dialect spellings of the words English cues are written with ("do u have", "d'you", "y'all", Scots
# "didnae"): read as the standard word, so a trainee who types as they speak is understood.
_EN_SPOKEN = {
    "u": "you",
    "ur": "your",
    "ya": "you",
    "ye": "you",
    "yer": "your",
    "yous": "you",
    "youse": "you",
    "y'all": "you",
    "yall": "you",
    "d'you": "do you",
    "d'ya": "do you",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "lemme": "let me",
    "gimme": "give me",
    "cannae": "can't",
    "didnae": "didn't",
    "dinnae": "don't",
    "isnae": "isn't",
    "wouldnae": "wouldn't",
    "fae": "from",
}
# Not "U.S.", and not a name after a title ("Mrs Ye", "Mr. Ya").
_EN_SPOKEN_WORD = re.compile(
    r"(?<![\w'.])(?<!mr )(?<!ms )(?<!mrs )(?<!miss )(?<!mr\. )(?<!ms\. )(?<!mrs\. )(?<!dr\. )(?<!dr )"
    r"(?:" + "|".join(map(re.escape, _EN_SPOKEN)) + r")(?![\w']|\.\w)"
)


def detect_language(text: str) -> str:
    """'zh' when the text has Chinese characters, else 'en'."""
    return "zh" if _CJK.search(text) else "en"


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Fold Traditional to Simplified (and written Cantonese to Mandarin), full-width punctuation to ASCII, case and
    quotes, whitespace, chat spellings to standard English ("do u" to "do you")."""
    text = _plain(text)
    if _CJK.search(text):
        return cantonese.fold(text)
    return _EN_SPOKEN_WORD.sub(lambda m: _EN_SPOKEN[m.group()], text)


def is_written_cantonese(text: str) -> bool:
    """Is this turn written in Cantonese (which normalise() reads as Mandarin)?"""
    return cantonese.is_cantonese(_plain(text))


def _plain(text: str) -> str:
    text = text[:MAX_TURN_CHARS]
    if _CJK.search(text):
        text = _T2S.convert(text).replace("。", ".").replace("、", ",")
    text = text.translate(_FULLWIDTH).replace("\u2019", "'").replace("\u2018", "'").lower()
    return re.sub(r"[ \t]+", " ", text).strip()


def split_sentences(norm: str) -> list[str]:
    """Split a normalised turn into sentences, keeping each one's end mark (decimals stay whole)."""
    protected = _DECIMAL_DOT.sub("\x00", norm)
    parts = [p.strip().replace("\x00", ".") for p in _SENTENCE_END.split(protected)]
    return [p for p in parts if p and re.search(r"\w", p)]


@lru_cache(maxsize=1024)
def _topic_pattern(topics: tuple[str, ...]) -> re.Pattern[str]:
    # English topics match at the start of a word ("satisf" finds "satisfied", "he" does not find "the");
    # Chinese has no word boundaries, so its topics match anywhere.
    parts = [
        re.escape(t) if _CJK.search(t) else r"(?<![a-z0-9])" + re.escape(t)
        for t in sorted({normalise(topic) for topic in topics if topic.strip()}, key=len, reverse=True)
    ]
    return re.compile("|".join(parts) or r"(?!x)x")


def mentions_any(norm: str, topics: list[str] | tuple[str, ...]) -> bool:
    """True when any topic word (normalised the same way) occurs in the normalised text."""
    return bool(_topic_pattern(tuple(topics)).search(norm))
