"""Hypothetical questions. A condition that keeps or worsens the problem ("if it keeps breaking down, …") asks what
the problem leads to (implication); one that removes it ("if it were fixed, …") asks what solving it is worth
(need-payoff). The condition's own words tell which. `c` is the language's cue module (cues_en or cues_zh)."""

from __future__ import annotations

import re
from types import ModuleType

from graders.memo import has
from graders.sentiment import negative_words


def condition(clause: str, c: ModuleType) -> str | None:
    """The 'if ...' part of a hypothetical question, or None when it has none."""
    found = c.IF.search(clause)
    if not found:
        return None
    if c.LANGUAGE == "zh":
        # everything from 如果 up to the clause that asks: "如果每个月能省下房租,又不用绑约,对您帮助大不大"
        parts = re.split(r",(?!\d)", clause[found.start() :])
        return ",".join(parts[:-1] or parts)[:40]
    rest = clause[found.end() :]
    end = c.CONDITION_END.search(rest, 1)
    return rest[: end.start()] if end else rest


def kind(clause: str, c: ModuleType) -> str | None:
    """need_payoff or implication for a hypothetical question whose condition says which; None otherwise."""
    text = condition(clause, c)
    if not text:
        return None
    if has(c.GAIN, text):
        return "need_payoff"
    # HowNet's negative words are too broad for this (关上 counts), so Chinese relies on the setback words alone
    if has(c.SETBACK, text) or (c.LANGUAGE == "en" and negative_words(text)):
        return "implication"
    return None


def asks_value(clause: str, c: ModuleType) -> bool:
    """'If one card saved you 7,500, would that be worth a look?': the value of a solution, asked hypothetically.
    Such a question is need-payoff even though it mentions considering or joining."""
    return has(c.CONDITIONAL, clause) and has(c.NEED_PAYOFF, clause) and has(c.POSITIVE, clause)


def weighs_a_gain(clause: str, c: ModuleType) -> bool:
    """'If a card saved you 7,500, would you consider it?': the customer weighs a solution's value (need-payoff),
    which reads like a commitment ask but asks for no decision yet."""
    return has(c.VALUE_ASK, clause) and kind(clause, c) == "need_payoff"
