"""The one turn labeler: reads a trainee turn and says what it did (shared/LABELS.md).

The customer's director and the scorecard both call `label_turn`, so they never disagree about a turn.
It is deterministic, offline and rule-based: each sentence is checked against cue patterns for its
language (`cues_en`, `cues_zh`; Traditional Chinese is folded to Simplified first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from graders import cues_en, cues_zh, hypothetical, learned
from graders.labels import TurnLabels
from graders.memo import forget, has
from graders.sentiment import negative_words
from graders.text import detect_language, normalise, split_sentences
from personas.schema import Stage

# The learned layer tells apart the first turns of a call; from this one on, a turn is "late in the call".
CONTEXT_POSITIONS = 12
SUMMARY = frozenset({"summarize"})
_EN_CLAUSE = re.compile(
    r"\s+[—–-]\s+|,?\s+(?:and|or|also|plus)\s+(?=(?:what|how|which|who|when|where|why|do|does|did|is|are|can|could|would|will|have|has)\b)"
    r"|;\s*|,\s+(?=(?:what|how|which|who|when|where|why)\b)"
)
_EN_SEGMENT = re.compile(r",\s+|:\s+|\s+[—–]\s+")
_EN_LEADING_CLAUSE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|well|now)\s+)?(?:if|when|whenever|once|after|before|since|while)\b"
)
_EN_WHEN_ASKING = re.compile(
    r"^(?:(?:so|and|but)\s+)?when (?:do|does|did|is|are|was|were|will|would|can|could|should|have|has)\b"
)


def _is_leading_clause(clause: str) -> bool:
    """'if it broke down', 'when a problem comes up': the condition of a question, not a question itself."""
    return bool(_EN_LEADING_CLAUSE.match(clause)) and not _EN_WHEN_ASKING.match(clause)


_ZH_CLAUSE = re.compile(r"[,;]\s*|(?<=[吗呢])\s*")
_ZH_OPTIONS = re.compile(
    r"^(?:是|还是)(?!.*(?:哪|什么|怎么|多少|谁|几))[^,?]{1,12}(?:,[^,?]{1,12})*,?还是[^,?]{1,14}(?:呢|啊)?[?]?$"
)


def clear_caches() -> None:
    """Forget every remembered reading (benchmarks measure cold labelling)."""
    forget()
    _LABELLED.clear()
    _SO_FAR.clear()
    read_turn.cache_clear()
    normalise.cache_clear()


def _cues(language: str) -> ModuleType:
    return cues_zh if language == "zh" else cues_en


def is_question(sentence: str, language: str) -> bool:
    """Does this normalised sentence ask something (with or without a question mark)?"""
    end = sentence.rstrip()[-1:]
    if end == "?":
        return True
    if language == "zh":
        # A full stop after 什么/哪/多少 is a statement ("有什么优惠,我们再通知您."); a particle or A-not-A still asks.
        return has(cues_zh.QUESTION_MARKED if end in ".!;:" else cues_zh.QUESTION, sentence)
    if end == "!":
        return False
    if has(cues_en.INDIRECT_QUESTION, sentence) or has(cues_en.TAG_QUESTION, sentence):
        return True
    if end == ".":
        # "Which deals with exactly what you need." opens like a question but is one only with inverted word order.
        return has(cues_en.QUESTION_INVERTED, sentence)
    # Spoken questions often open with a clause ("so if it were fixed, how much would that help"): the
    # question word then starts a later comma segment. A leading "if/when" segment is that clause, not a question.
    segments = [seg.strip() for seg in _EN_SEGMENT.split(sentence) if seg.strip()]
    if segments and has(cues_en.QUESTION_START, segments[0]):
        return not (len(segments) > 1 and _EN_LEADING_CLAUSE.match(segments[0]))
    return any(has(cues_en.QUESTION_SEGMENT, seg) for seg in segments[1:])


def _question_clauses(sentence: str, language: str) -> list[str]:
    splitter = _ZH_CLAUSE if language == "zh" else _EN_CLAUSE
    clauses = [c for c in splitter.split(sentence) if c and re.search(r"\w", c)]
    asking = []
    condition = ""
    for clause in clauses:
        if language == "en" and _is_leading_clause(clause.strip()) and clause is not clauses[-1]:
            condition = clause.strip()
        elif is_question(clause, language):
            if language == "zh" and asking and _ZH_OPTIONS.match(clause.strip()):
                continue  # "打哪个电话比较好,是您本人的还是您爱人的": the options spell out the question before
            # "so if you knew someone was watching, how would that change..." asks one thing, with its condition
            asking.append(f"{condition}, {clause}" if condition else clause)
            condition = ""
    if language == "zh" and asking and has(cues_zh.SPIN_CONTEXT, sentence):
        # A conditional clause ("如果每天练半小时,对他帮助大吗") belongs to the question that follows it.
        return [sentence]
    return asking or [sentence]


def _is_closing_question(clause: str, c: ModuleType) -> bool:
    return bool(has(c.ASK_COMMITMENT, clause) or has(c.CONTACT, clause) or _next_step(clause, c, True))


def spin_kind(clause: str, language: str) -> str | None:
    """The SPIN type of one question clause, or None for questions of no SPIN kind."""
    c = _cues(language)
    clause = c.POLITE_IF.sub(" ", clause)  # "if you don't mind me asking" is manners, not a hypothetical
    if has(c.NOT_SPIN_QUESTION, clause) or has(c.RUDE, clause) or has(c.CHOICE, clause):
        return None
    if hypothetical.weighs_a_gain(clause, c):
        return "need_payoff"
    if hypothetical.asks_value(clause, c) and not has(c.IMPLICATION, clause):
        return "need_payoff"
    if _is_closing_question(clause, c):
        return None  # closing: convergent, not discovery
    if has(c.SUMMARIZE, clause) and (has(c.TAG, clause) or not has(c.PROBLEM, clause)):
        return None  # "so X is the weak subject, right?" checks understanding; it asks nothing new
    by_condition = hypothetical.kind(clause, c)
    if by_condition:
        return by_condition
    payoff, implication = has(c.NEED_PAYOFF, clause), has(c.IMPLICATION, clause)
    if payoff and implication:
        # Both read: a consequence of the problem unless the question is about a gain.
        return "need_payoff" if has(c.POSITIVE, clause) else "implication"
    if payoff:
        return "need_payoff"
    if implication:
        return "implication"
    if has(c.PROBLEM, clause) or negative_words(clause):
        return "problem"
    return "situation"


def _next_step(sentence: str, c: ModuleType, asked: bool) -> bool:
    """A concrete action with a time, proposed or asked about (a time alone or an action alone is not)."""
    if not has(c.TIME, sentence) or not has(c.TIME, c.VAGUE_TIME.sub(" ", sentence)):
        return False
    if has(c.NEXT_STEP_FIXED, sentence):
        return True
    if has(c.PAST_OR_DUE, sentence) and not has(c.FUTURE, sentence):
        return False  # "you left an enquiry on Sunday", "what made you call today?": nothing arranged
    if asked:
        return bool(has(c.ACTION, sentence) or has(c.SLOT, sentence))
    return has(c.ACTION, sentence)


def _proposes_step(sentence: str, c: ModuleType, asked: bool, language: str) -> bool:
    """Does this sentence propose or fix a next step? English questions are read a clause at a time: "when do
    you need it, and what's your number?" has a time word and an action word but proposes nothing."""
    if sentence.startswith("if "):
        return False
    if not asked or language != "en":
        return _next_step(sentence, c, asked)
    clauses = [clause for clause in _EN_CLAUSE.split(sentence) if clause and clause.strip()]
    if any(_next_step(clause, c, is_question(clause, language)) for clause in clauses):
        return True
    # "I have Thursday at 5:30 or Saturday at 10 - which works for you?": times offered, then a choice asked
    return has(c.TIME, c.TIME_ASKED.sub(" ", sentence)) and has(c.SLOT, sentence)


def _fabe(sentence: str, c: ModuleType, asked: bool) -> set[str]:
    # Product statements are statements: a question, or a summary read back to the customer, restates
    # rather than presents (its figures are the customer's, not the product's).
    if asked or has(c.SUMMARIZE, sentence):
        return set()
    found = set()
    if has(c.EVIDENCE, sentence):
        found.add("evidence")
    if has(c.BENEFIT, sentence):
        found.add("benefit")
    if has(c.ADVANTAGE, sentence):
        found.add("advantage")
    if has(c.FEATURE, sentence):
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


def label_turn(text: str, previous: Sequence[str] | None = None) -> TurnLabels:
    """Label one trainee turn: SPIN, FABE and close sets, its thinking stage, and director signals.

    `previous` is the trainee's earlier turns in the same call, in order (empty for the first turn); leave it out
    for a line read on its own. The language is read from the text itself, so a trainee who switches language is
    still understood. The cue rules read it first; the learned layer (graders/learned.py), when shipped, has the
    last word, and it reads the call so far as well as the turn.
    """
    return _label(text, None if previous is None else call_context(previous))


def label_turns(texts: Sequence[str]) -> list[TurnLabels]:
    """Label every trainee turn of one call, in order (the grader's path: the same labels the director saw)."""
    return _decide(texts, _contexts_and_end(texts)[0])


def call_context(previous: Sequence[str]) -> frozenset[str]:
    """What the learned layer knows of the call before a turn: the turn's position, what the rules read in the
    turn just before it, and which kinds of question, statement and summary came earlier."""
    key = tuple(previous)
    known = _SO_FAR.get(key)
    if known is None:
        # The director asks after every turn with one more turn than before: extend the call it last asked
        # about rather than read the whole call again (which made a replayed call quadratic in its length).
        before = _SO_FAR.get(key[:-1]) if key else None
        known = _after(before, key[-1]) if before is not None else _contexts_and_end(key)[1]
        if len(_SO_FAR) >= _LABELLED_LIMIT:
            _SO_FAR.clear()
        _SO_FAR[key] = known
    return known.context


class _CallSoFar(NamedTuple):
    """The call up to some turn, as the learned layer sees it."""

    position: int  # turns so far
    seen: frozenset[str]  # what kinds of question, statement and summary came
    context: frozenset[str]  # call_context() of the turn that comes next


def _context_of(position: int, seen: frozenset[str], last: TurnLabels | None) -> frozenset[str]:
    features = {f"ctx:pos={min(position + 1, CONTEXT_POSITIONS)}", *seen}
    if last is not None:
        features.update(f"ctx:prev={kind}" for kind in last.spin | last.fabe | last.close)
        features.add(f"ctx:prev=stage={last.stage or 'none'}")
    return frozenset(features)


def _after(so_far: _CallSoFar, text: str) -> _CallSoFar:
    """The call with one more trainee turn."""
    last = read_turn(text).labels
    seen = so_far.seen | {f"ctx:seen={kind}" for kind in last.spin | last.fabe | (last.close & SUMMARY)}
    position = so_far.position + 1
    return _CallSoFar(position, seen, _context_of(position, seen, last))


def _contexts_and_end(texts: Sequence[str]) -> tuple[list[frozenset[str]], _CallSoFar]:
    """call_context() before each turn of a call, in one pass, and the call after its last turn."""
    so_far = _CallSoFar(0, frozenset(), _context_of(0, frozenset(), None))
    out = []
    for text in texts:
        out.append(so_far.context)
        so_far = _after(so_far, text)
    return out, so_far


TurnKey = tuple[str, frozenset[str] | None]  # a turn's text and what the layer knows of the call before it
# The director labels a call turn by turn and the grader reads the same turns again when it ends: it reuses what
# was decided rather than scoring them again.
_LABELLED: dict[TurnKey, TurnLabels] = {}
_LABELLED_LIMIT = 8192
_SO_FAR: dict[tuple[str, ...], _CallSoFar] = {}  # call_context() by the trainee turns before


def _label(text: str, context: frozenset[str] | None) -> TurnLabels:
    return _decide([text], [context])[0]


def _decide(texts: Sequence[str], contexts: Sequence[frozenset[str] | None]) -> list[TurnLabels]:
    """The rules' reading of each turn, with the learned layer's last word: remembered turns as they were decided,
    the others scored together (numpy's cost per call outweighs the arithmetic of one turn)."""
    keys = list(zip(texts, contexts, strict=True))
    known = {key: _LABELLED[key] for key in keys if key in _LABELLED}
    missing = [key for key in dict.fromkeys(keys) if key not in known]
    if missing:
        if len(_LABELLED) + len(missing) > _LABELLED_LIMIT:
            _LABELLED.clear()
        for key, labels in zip(missing, _score(missing), strict=True):
            known[key] = _LABELLED[key] = labels
    return [known[key] for key in keys]


def _score(keys: list[TurnKey]) -> list[TurnLabels]:
    readings = [read_turn(text) for text, _ in keys]
    linear = learned.layer()
    if linear is None:
        return [reading.labels for reading in readings]
    rows = [
        linear.turn_rows(r.sentences, r.asked, r.language, r.labels, context or frozenset())
        for r, (_, context) in zip(readings, keys, strict=True)
    ]
    return [linear.decide(r.labels, totals) for r, totals in zip(readings, linear.totals_each(rows), strict=True)]


def layer_features(text: str, previous: Sequence[str] | None = None) -> set[str]:
    """The learned layer's features of a turn, read off the rules' reading (the trainer computes the same)."""
    reading = read_turn(text)
    context = frozenset() if previous is None else call_context(previous)
    return learned.turn_features(reading.sentences, reading.asked, reading.language, reading.labels, context)


class Reading(NamedTuple):
    """The cue rules' labels of a turn, with the sentences they read and which of them ask something."""

    labels: TurnLabels
    sentences: list[str]
    asked: list[bool]
    language: str


def rule_labels(text: str) -> TurnLabels:
    """The cue rules' labels alone, before the learned layer."""
    return read_turn(text).labels


@lru_cache(maxsize=8192)
def read_turn(text: str) -> Reading:
    """The cue rules' reading of a turn: each sentence checked against its language's cue patterns."""
    norm = normalise(text)
    language = detect_language(norm)
    c = _cues(language)
    spin: set[str] = set()
    fabe: set[str] = set()
    close: set[str] = set()
    questions = 0
    real_questions = 0
    weak_situation = False
    previous_asked = False
    supposing = ""
    sentences = split_sentences(norm)
    asked_flags = [is_question(sentence, language) for sentence in sentences]
    for sentence, asked in zip(sentences, asked_flags, strict=True):
        if not asked and language == "en" and cues_en.SUPPOSE.match(sentence):
            supposing = sentence  # "Suppose you could see every van on a map. How many extra jobs..."
            continue
        # "哪里让您不满意?是暴牙,牙缝,还是咬合不正呢?": the options spell out the question before
        options_only = previous_asked and language == "zh" and bool(_ZH_OPTIONS.match(sentence))
        previous_asked = asked
        if asked and not options_only:
            booking = _is_closing_question(sentence, c)
            for clause in _question_clauses(sentence, language):
                questions += 1
                real_questions += not has(c.ETIQUETTE, clause)
                kind = spin_kind(f"if {supposing[:-1]}, {clause}" if supposing else clause, language)
                supposing = ""
                if booking and kind == "situation":
                    kind = None  # "Thursday at 10 or Friday at 2, which suits you?" asks for a slot, not about them
                if kind == "situation" and not has(c.SITUATION, clause):
                    # without a situation cue, only a question about the customer's world reads as one
                    weak_situation = weak_situation or has(c.ABOUT_CUSTOMER, sentence)
                elif kind:
                    spin.add(kind)
        if asked and has(c.ETIQUETTE, sentence) and not has(c.CONTACT, sentence):
            continue  # "is now a good time?", "who am I speaking to?": no product talk, no closing move
        fabe |= _fabe(sentence, c, asked)
        if has(c.SUMMARIZE, sentence):
            close.add("summarize")
        # A question asks about one thing per clause: "when do you need it, and what's your number?" is no
        # next step just because a time and an action both occur somewhere in it.
        step = _proposes_step(sentence, c, asked, language)
        contact = has(c.CONTACT, sentence)
        if has(c.ASK_COMMITMENT, sentence) and not (
            asked and (hypothetical.asks_value(sentence, c) or hypothetical.weighs_a_gain(sentence, c))
        ):
            # "I'll call you back Friday at 3, OK?" asks leave to arrange a step, not for the decision
            only_a_tag = not has(c.ASK_COMMITMENT, c.AGREEMENT_TAG.sub(" ", sentence))
            if not ((step or contact) and only_a_tag and not has(c.DECISION, sentence)):
                close.add("ask_commitment")
        if step:
            close.add("next_step")
        if contact:
            close.add("contact")
    if weak_situation and not spin:
        # A question with no sharper cue is a situation question only when nothing sharper was asked.
        spin.add("situation")
    signals = {
        "options": has(c.OPTIONS, norm),
        "price": has(c.PRICE, norm),
        "objection": has(c.OBJECTION_HANDLING, norm),
        "asked": real_questions > 0,
    }
    labels = TurnLabels(
        spin=frozenset(spin),
        fabe=frozenset(fabe),
        close=frozenset(close),
        stage=_stage(spin, fabe, close, signals),
        questions=questions,
        mentions_price=signals["price"],
        rude=has(c.RUDE, norm),
        greeting=has(c.GREETING, norm),
        goodbye=has(c.GOODBYE, norm),
        introduces_self=has(c.INTRODUCES_SELF, norm),
        manners_only=questions > 0 and real_questions == 0,
    )
    return Reading(labels, sentences, asked_flags, language)
