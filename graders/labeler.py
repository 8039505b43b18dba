"""The one turn labeler: reads a trainee turn and says what it did (shared/LABELS.md).

The customer's director and the scorecard both call `label_turn`, so they never disagree about a turn.
It is deterministic, offline and rule-based: each sentence is checked against cue patterns for its
language (`cues_en`, `cues_zh`; Traditional Chinese is folded to Simplified first).
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

from graders import cues_en, cues_zh
from graders.labels import TurnLabels
from graders.sentiment import negative_words
from graders.text import detect_language, normalise, split_sentences
from personas.schema import Stage

_EN_CLAUSE = re.compile(
    r"\s+[—–-]\s+|,?\s+(?:and|or|also|plus)\s+(?=(?:what|how|which|who|when|where|why|do|does|did|is|are|can|could|would|will|have|has)\b)"
    r"|;\s*|,\s+(?=(?:what|how|which|who|when|where|why)\b)"
)
_EN_SEGMENT = re.compile(r",\s+|:\s+|\s+[—–]\s+")
_EN_LEADING_CLAUSE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|well|now)\s+)?(?:if|when|whenever|once|after|before|since|while)\b"
)
_ZH_CLAUSE = re.compile(r"[,;]\s*|(?<=[吗呢])\s*")
_ZH_SPIN_CONTEXT = re.compile(r"如果|假如|要是|万一")


# (pattern id, text) -> found. One turn asks the same pattern about the same clause several times (a one-clause
# question is both a clause and a sentence), and the searches are most of the grading time.
_SEEN: dict[tuple[int, str], bool] = {}
_SEEN_LIMIT = 200_000


def _has(pattern: re.Pattern[str], text: str) -> bool:
    key = (id(pattern), text)  # id, not the pattern: hashing a pattern hashes its whole compiled code
    found = _SEEN.get(key)
    if found is None:
        if len(_SEEN) >= _SEEN_LIMIT:
            _SEEN.clear()
        found = _SEEN[key] = pattern.search(text) is not None
    return found


def clear_caches() -> None:
    """Forget every remembered reading (benchmarks measure cold labelling)."""
    _SEEN.clear()
    label_turn.cache_clear()
    rule_labels.cache_clear()
    normalise.cache_clear()


def _cues(language: str) -> ModuleType:
    return cues_zh if language == "zh" else cues_en


def is_question(sentence: str, language: str) -> bool:
    """Does this normalised sentence ask something (with or without a question mark)?"""
    if sentence.rstrip().endswith("?"):
        return True
    if language == "zh":
        return _has(cues_zh.QUESTION, sentence)
    if sentence.rstrip().endswith("!"):
        return False
    if _has(cues_en.INDIRECT_QUESTION, sentence) or _has(cues_en.TAG_QUESTION, sentence):
        return True
    # Spoken questions often open with a clause ("so if it were fixed, how much would that help"): the
    # question word then starts a later comma segment. A leading "if/when" segment is that clause, not a question.
    segments = [seg.strip() for seg in _EN_SEGMENT.split(sentence) if seg.strip()]
    if segments and _has(cues_en.QUESTION_START, segments[0]):
        return not (len(segments) > 1 and _EN_LEADING_CLAUSE.match(segments[0]))
    return any(_has(cues_en.QUESTION_SEGMENT, seg) for seg in segments[1:])


def _question_clauses(sentence: str, language: str) -> list[str]:
    splitter = _ZH_CLAUSE if language == "zh" else _EN_CLAUSE
    clauses = [c for c in splitter.split(sentence) if c and re.search(r"\w", c)]
    asking = [c for c in clauses if is_question(c, language)]
    if language == "zh" and asking and _has(_ZH_SPIN_CONTEXT, sentence):
        # A conditional clause ("如果每天练半小时,对他帮助大吗") belongs to the question that follows it.
        return [sentence]
    return asking or [sentence]


def _is_closing_question(clause: str, c: ModuleType) -> bool:
    return bool(_has(c.ASK_COMMITMENT, clause) or _has(c.CONTACT, clause) or _next_step(clause, c, True))


_CONDITIONAL = re.compile(r"\bif\b|\bimagine\b|\bsuppose\b|如果|假如|要是|万一")
_POSITIVE = re.compile(
    r"\b(?:help|helps|save|saves|saved|saving|worth|benefit|easier|better|relief|valuable|useful|matter|calmer|happier)\b|"
    r"帮助|帮到|省|值得|好处|轻松|方便|放心|有用|划算|意义"
)


def _hypothetical_value(clause: str, c: ModuleType) -> bool:
    """'If one card saved you 7,500, would you consider it?': the value of a solution, asked hypothetically.
    Such a question is need-payoff even though it mentions considering or joining."""
    return bool(_has(_CONDITIONAL, clause) and _has(c.NEED_PAYOFF, clause) and _has(_POSITIVE, clause))


def spin_kind(clause: str, language: str) -> str | None:
    """The SPIN type of one question clause, or None for questions of no SPIN kind."""
    c = _cues(language)
    if _has(c.NOT_SPIN_QUESTION, clause) or _has(c.RUDE, clause):
        return None
    if _hypothetical_value(clause, c) and not _has(c.IMPLICATION, clause):
        return "need_payoff"
    if _is_closing_question(clause, c):
        return None
    if _has(c.SUMMARIZE, clause) and (_has(c.TAG, clause) or not _has(c.PROBLEM, clause)):
        return None  # "so X is the weak subject, right?" checks understanding; it asks nothing new
    payoff, implication = _has(c.NEED_PAYOFF, clause), _has(c.IMPLICATION, clause)
    if payoff and implication:
        # Both read: a consequence of the problem unless the question is about a gain.
        return "need_payoff" if _has(_POSITIVE, clause) else "implication"
    if payoff:
        return "need_payoff"
    if implication:
        return "implication"
    if _has(c.PROBLEM, clause) or negative_words(clause):
        return "problem"
    return "situation"


def _next_step(sentence: str, c: ModuleType, asked: bool) -> bool:
    """A concrete action with a time, proposed or asked about (a time alone or an action alone is not)."""
    if not _has(c.TIME, sentence):
        return False
    if _has(c.NEXT_STEP_FIXED, sentence):
        return True
    if asked:
        return bool(_has(c.ACTION, sentence) or _has(c.SLOT, sentence))
    return _has(c.ACTION, sentence)


def _fabe(sentence: str, c: ModuleType, asked: bool) -> set[str]:
    # Product statements are statements: a question, or a summary read back to the customer, restates
    # rather than presents (its figures are the customer's, not the product's).
    if asked or _has(c.SUMMARIZE, sentence):
        return set()
    found = set()
    if _has(c.EVIDENCE, sentence):
        found.add("evidence")
    if _has(c.BENEFIT, sentence):
        found.add("benefit")
    if _has(c.ADVANTAGE, sentence):
        found.add("advantage")
    if _has(c.FEATURE, sentence):
        found.add("feature")
    return found


def _stage(spin: set[str], fabe: set[str], close: set[str], signals: dict[str, bool]) -> Stage | None:
    votes = {
        "cognitive": 2 * len(spin & {"situation", "problem"}),
        "divergent": 2 * len(spin & {"implication", "need_payoff"}) + signals["options"],
        "convergent": 2 * len(close - {"summarize"}) + 2 * len(fabe) + signals["price"] + signals["objection"],
    }
    if "summarize" in close:
        votes["convergent" if (fabe or close - {"summarize"}) else "cognitive"] += 2
    best = max(votes.values())
    if best == 0:
        return "cognitive" if signals["asked"] else None  # a real question, not "is now a good time?"
    # Ties go to the later stage: a turn that already presents or closes mainly serves that.
    for stage in ("convergent", "divergent", "cognitive"):
        if votes[stage] == best:
            return stage  # type: ignore[return-value]
    return None


@lru_cache(maxsize=8192)
def label_turn(text: str) -> TurnLabels:
    """Label one trainee turn: SPIN, FABE and close sets, its thinking stage, and director signals.

    The language is read from the text itself, so a trainee who switches language is still understood.
    """
    return rule_labels(text)


def label_turns(texts: list[str]) -> list[TurnLabels]:
    """Label many turns (the grader's path)."""
    return [label_turn(t) for t in texts]


@lru_cache(maxsize=8192)
def rule_labels(text: str) -> TurnLabels:
    """The cue rules' reading of a turn (uncached callers: the accuracy and speed benchmarks)."""
    norm = normalise(text)
    language = detect_language(norm)
    c = _cues(language)
    spin: set[str] = set()
    fabe: set[str] = set()
    close: set[str] = set()
    questions = 0
    real_questions = 0
    weak_situation = False
    for sentence in split_sentences(norm):
        asked = is_question(sentence, language)
        if asked:
            for clause in _question_clauses(sentence, language):
                questions += 1
                real_questions += not _has(c.ETIQUETTE, clause)
                kind = spin_kind(clause, language)
                if kind == "situation" and not _has(c.SITUATION, clause):
                    weak_situation = True
                elif kind:
                    spin.add(kind)
        if asked and _has(c.ETIQUETTE, sentence):
            continue  # "is now a good time?", "who am I speaking to?": no product talk, no closing move
        fabe |= _fabe(sentence, c, asked)
        if _has(c.SUMMARIZE, sentence):
            close.add("summarize")
        if _has(c.ASK_COMMITMENT, sentence) and not (asked and _hypothetical_value(sentence, c)):
            close.add("ask_commitment")
        # A question asks about one thing per clause: "when do you need it, and what's your number?" is no
        # next step just because a time and an action both occur somewhere in it.
        parts = _question_clauses(sentence, language) if asked and language == "en" else [sentence]
        if not sentence.startswith("if ") and any(_next_step(part, c, asked) for part in parts):
            close.add("next_step")
        if _has(c.CONTACT, sentence):
            close.add("contact")
    if weak_situation and not spin:
        # A question with no sharper cue is a situation question only when nothing sharper was asked.
        spin.add("situation")
    signals = {
        "options": _has(c.OPTIONS, norm),
        "price": _has(c.PRICE, norm),
        "objection": _has(c.OBJECTION_HANDLING, norm),
        "asked": real_questions > 0,
    }
    return TurnLabels(
        spin=frozenset(spin),
        fabe=frozenset(fabe),
        close=frozenset(close),
        stage=_stage(spin, fabe, close, signals),
        questions=questions,
        mentions_price=signals["price"],
        rude=_has(c.RUDE, norm),
        greeting=_has(c.GREETING, norm),
        goodbye=_has(c.GOODBYE, norm),
        introduces_self=_has(c.INTRODUCES_SELF, norm),
    )
