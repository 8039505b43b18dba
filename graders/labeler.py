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
_EN_WHEN_ASKING = re.compile(
    r"^(?:(?:so|and|but)\s+)?when (?:do|does|did|is|are|was|were|will|would|can|could|should|have|has)\b"
)


def _is_leading_clause(clause: str) -> bool:
    """'if it broke down', 'when a problem comes up': the condition of a question, not a question itself."""
    return bool(_EN_LEADING_CLAUSE.match(clause)) and not _EN_WHEN_ASKING.match(clause)


_ZH_CLAUSE = re.compile(r"[,;]\s*|(?<=[吗呢])\s*")
_EN_SUPPOSE = re.compile(r"^(?:so,? |now,? |ok(?:ay)?,? )?(?:suppose|supposing|imagine|picture|say) (?!that's|so\b)")
_ZH_OPTIONS = re.compile(
    r"^(?:是|还是)(?!.*(?:哪|什么|怎么|多少|谁|几))[^,?]{1,12}(?:,[^,?]{1,12})*,?还是[^,?]{1,14}(?:呢|啊)?[?]?$"
)
_ZH_SPIN_CONTEXT = re.compile(r"如果|假如|(?<![主只需想重必])要是|万一|这样下去|长此以往|再这样|一直这样|照这样")


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
    end = sentence.rstrip()[-1:]
    if end == "?":
        return True
    if language == "zh":
        # A full stop after 什么/哪/多少 is a statement ("有什么优惠,我们再通知您."); a particle or A-not-A still asks.
        return _has(cues_zh.QUESTION_MARKED if end in ".!;:" else cues_zh.QUESTION, sentence)
    if end == "!":
        return False
    if _has(cues_en.INDIRECT_QUESTION, sentence) or _has(cues_en.TAG_QUESTION, sentence):
        return True
    if end == ".":
        # "Which deals with exactly what you need." opens like a question but is one only with inverted word order.
        return _has(cues_en.QUESTION_INVERTED, sentence)
    # Spoken questions often open with a clause ("so if it were fixed, how much would that help"): the
    # question word then starts a later comma segment. A leading "if/when" segment is that clause, not a question.
    segments = [seg.strip() for seg in _EN_SEGMENT.split(sentence) if seg.strip()]
    if segments and _has(cues_en.QUESTION_START, segments[0]):
        return not (len(segments) > 1 and _EN_LEADING_CLAUSE.match(segments[0]))
    return any(_has(cues_en.QUESTION_SEGMENT, seg) for seg in segments[1:])


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
    if language == "zh" and asking and _has(_ZH_SPIN_CONTEXT, sentence):
        # A conditional clause ("如果每天练半小时,对他帮助大吗") belongs to the question that follows it.
        return [sentence]
    return asking or [sentence]


def _is_closing_question(clause: str, c: ModuleType) -> bool:
    return bool(_has(c.ASK_COMMITMENT, clause) or _has(c.CONTACT, clause) or _next_step(clause, c, True))


_CONDITIONAL = re.compile(r"\bif\b|\bimagine\b|\bsuppose\b|如果|假如|(?<![主只需想重必])要是|万一")
_POSITIVE = re.compile(
    r"\b(?:help|helps|save|saves|saved|saving|worth|benefit|easier|better|relief|valuable|useful|matter|calmer|happier)\b|"
    r"帮助|帮到|省|值得|好处|轻松|方便|放心|有用|划算|意义"
)


def _hypothetical_value(clause: str, c: ModuleType) -> bool:
    """'If one card saved you 7,500, would you consider it?': the value of a solution, asked hypothetically.
    Such a question is need-payoff even though it mentions considering or joining."""
    return bool(_has(_CONDITIONAL, clause) and _has(c.NEED_PAYOFF, clause) and _has(_POSITIVE, clause))


_POLITE_IF = re.compile(
    r"\bif (?:you don't mind|you do not mind|i may|i might|i can|i could|that's ok|that's okay|it's ok|it's okay|"
    r"possible|so|not|you have a (?:moment|minute|sec)|you're happy to|you are happy to)\b"
    r"|如果(?:方便|可以|不介意|您不介意|是这样|这样)的话|如果是这样"
)
_IF_EN = re.compile(r"\b(?:if|suppose|supposing|imagine|say)\b")
_IF_ZH = re.compile(r"如果|假如|(?<![主只需想重必])要是|假设|万一")
_CONDITION_END_EN = re.compile(
    r",(?!\d)|\s[—–-]\s|\b(?:what|how)\b|\b(?:would|will|could|is|are|does|do)\s+(?:you|it|that|this|they|he|she|we|your)\b"
)
# A hypothetical that removes the problem asks what solving it is worth (need-payoff); one that keeps or worsens
# it asks what the problem leads to (implication). The condition's own words tell which.
_GAIN = re.compile(
    r"\b(?:could|can|were able|was able|managed|saved|disappeared|went away|gone|fixed|sorted|solved|cleared|"
    r"came back|no longer|never had to|didn't have to|did not have to|without|stopped|knew|guaranteed)\b|"
    r"(?<![可不才])能|可以|不用|不必|再也不|省下|省了|解决|补起来|顺利|都有|就有|收到|拿到|帮(?:您|你)|有(?:个|一个|一笔|笔|专人|专门|专业)"
)
_SETBACK = re.compile(
    r"\b(?:stays?|stayed|continues?|continued|keeps?|kept|carries on|goes on|still|doesn't|don't|didn't|isn't|aren't|"
    r"wasn't|won't|can't|never|again|worse|miss(?:es|ed)?|lost|loses?|fails?|failed|late|breaks?|broke|went wrong|"
    r"goes wrong|nothing changes|nobody|no one|locked|hacked|stolen|breached|crashed|down|sick|ill|injured|off work)\b"
    r"|不|没|还是|继续|再|影响|耽误|损失|落后|跟不上|万一|出事|出了|坏|慢|请假|超时"
)


def _condition(clause: str, language: str) -> str | None:
    """The 'if ...' part of a hypothetical question, or None when it has none."""
    if language == "zh":
        found = _IF_ZH.search(clause)
        if not found:
            return None
        # everything from 如果 up to the clause that asks: "如果每个月能省下房租,又不用绑约,对您帮助大不大"
        parts = re.split(r",(?!\d)", clause[found.start():])
        return ",".join(parts[:-1] or parts)[:40]
    found = _IF_EN.search(clause)
    if not found:
        return None
    rest = clause[found.end():]
    end = _CONDITION_END_EN.search(rest, 1)
    return rest[: end.start()] if end else rest


def _hypothetical_kind(clause: str, language: str) -> str | None:
    """need_payoff or implication for a hypothetical question whose condition says which; None otherwise."""
    condition = _condition(clause, language)
    if not condition:
        return None
    if _has(_GAIN, condition):
        return "need_payoff"
    # HowNet's negative words are too broad for this (关上 counts), so Chinese relies on the setback words alone
    if _has(_SETBACK, condition) or (language == "en" and negative_words(condition)):
        return "implication"
    return None


_VALUE_ASK = re.compile(
    r"\bwould you (?:consider|be interested)|\bworth (?:a look|considering|it|something)|\binterested\b"
    r"|考虑|感兴趣|值得|值不值"
)


def _weighs_a_gain(clause: str, c: ModuleType, language: str) -> bool:
    """'If a card saved you 7,500, would you consider it?': the customer weighs a solution's value (need-payoff),
    which reads like a commitment ask but asks for no decision yet."""
    return _has(_VALUE_ASK, clause) and _hypothetical_kind(clause, language) == "need_payoff"


def spin_kind(clause: str, language: str) -> str | None:
    """The SPIN type of one question clause, or None for questions of no SPIN kind."""
    c = _cues(language)
    clause = _POLITE_IF.sub(" ", clause)  # "if you don't mind me asking" is manners, not a hypothetical
    if _has(c.NOT_SPIN_QUESTION, clause) or _has(c.RUDE, clause) or _has(c.CHOICE, clause):
        return None
    if _weighs_a_gain(clause, c, language):
        return "need_payoff"
    if _hypothetical_value(clause, c) and not _has(c.IMPLICATION, clause):
        return "need_payoff"
    if _is_closing_question(clause, c):
        return None  # closing: convergent, not discovery
    if _has(c.SUMMARIZE, clause) and (_has(c.TAG, clause) or not _has(c.PROBLEM, clause)):
        return None  # "so X is the weak subject, right?" checks understanding; it asks nothing new
    hypothetical = _hypothetical_kind(clause, language)
    if hypothetical:
        return hypothetical
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
    if _has(c.PAST_OR_DUE, sentence) and not _has(c.FUTURE, sentence):
        return False  # "you left an enquiry on Sunday", "your service is due next month": nothing arranged
    return _has(c.ACTION, sentence)


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
    return _has(c.TIME, c.TIME_ASKED.sub(" ", sentence)) and _has(c.SLOT, sentence)


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
    previous_asked = False
    supposing = ""
    for sentence in split_sentences(norm):
        asked = is_question(sentence, language)
        if not asked and language == "en" and _EN_SUPPOSE.match(sentence):
            supposing = sentence  # "Suppose you could see every van on a map. How many extra jobs..."
            continue
        # "哪里让您不满意?是暴牙,牙缝,还是咬合不正呢?": the options spell out the question before
        options_only = previous_asked and language == "zh" and bool(_ZH_OPTIONS.match(sentence))
        previous_asked = asked
        if asked and not options_only:
            for clause in _question_clauses(sentence, language):
                questions += 1
                real_questions += not _has(c.ETIQUETTE, clause)
                kind = spin_kind(f"if {supposing[:-1]}, {clause}" if supposing else clause, language)
                supposing = ""
                if kind == "situation" and not _has(c.SITUATION, clause):
                    # without a situation cue, only a question about the customer's world reads as one
                    weak_situation = weak_situation or _has(c.ABOUT_CUSTOMER, sentence)
                elif kind:
                    spin.add(kind)
        if asked and _has(c.ETIQUETTE, sentence) and not _has(c.CONTACT, sentence):
            continue  # "is now a good time?", "who am I speaking to?": no product talk, no closing move
        fabe |= _fabe(sentence, c, asked)
        if _has(c.SUMMARIZE, sentence):
            close.add("summarize")
        # A question asks about one thing per clause: "when do you need it, and what's your number?" is no
        # next step just because a time and an action both occur somewhere in it.
        step = _proposes_step(sentence, c, asked, language)
        contact = _has(c.CONTACT, sentence)
        if _has(c.ASK_COMMITMENT, sentence) and not (
            asked and (_hypothetical_value(sentence, c) or _weighs_a_gain(sentence, c, language))
        ):
            # "I'll call you back Friday at 3, OK?" asks leave to arrange a step, not for the decision
            only_a_tag = not _has(c.ASK_COMMITMENT, c.AGREEMENT_TAG.sub(" ", sentence))
            if not ((step or contact) and only_a_tag and not _has(c.DECISION, sentence)):
                close.add("ask_commitment")
        if step:
            close.add("next_step")
        if contact:
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
