"""Close checks, the inbound script checks and mistakes of seed 003, and needs-to-benefits tying."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graders.labels import TurnLabels
from graders.text import mentions_any, normalise
from graders.transcript import Transcript
from personas.schema import Persona

if TYPE_CHECKING:
    from graders.scorecard import Check

MAX_CLARIFYING_QUESTIONS = 7
_NEED_WORDS = re.compile(
    r"\b(?:need|want|looking for|worr|problem|struggl|difficult|issue|concern|hard|can't|cannot|won't|doesn't|"
    r"isn't|not enough|too (?:much|expensive|slow)|trouble|headache|afraid|hope|wish|must|have to)\b|"
    r"需要|想要|希望|担心|问题|头痛|头疼|困难|麻烦|不满意|不够|不行|上不去|着急|急|必须|得|怕|没办法|不知道怎么"
)
_STOP = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "this",
        "that",
        "you",
        "your",
        "i",
        "my",
        "we",
        "our",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "me",
        "him",
        "them",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "so",
        "just",
        "not",
        "no",
        "yes",
        "very",
        "really",
        "about",
        "what",
        "how",
        "which",
        "who",
        "when",
        "where",
        "why",
        "if",
        "then",
        "than",
        "there",
        "here",
        "as",
        "from",
    ]
)
_WORD = re.compile(r"[a-z][a-z']{2,}")
_CUSTOMER_QUESTION = re.compile(r"\?|吗|多少|怎么|什么|哪|几")


def _check(done: bool, transcript: Transcript, indices: list[int], note: str = "") -> Check:
    from graders.scorecard import Check, Quote

    return Check(done=done, turns=[Quote(index=i, text=transcript.turns[i].text) for i in indices], note=note)


def close_checks(transcript: Transcript, labels: dict[int, TurnLabels]) -> dict[str, Check]:
    """Summary, commitment asked, next step with a concrete time, contact details."""
    found = {
        k: [i for i, lab in labels.items() if k in lab.close]
        for k in ("summarize", "ask_commitment", "next_step", "contact")
    }
    return {
        "summarize": _check(
            bool(found["summarize"]), transcript, found["summarize"], "No summary of what was learned or agreed."
        ),
        "ask_commitment": _check(
            bool(found["ask_commitment"]), transcript, found["ask_commitment"], "The decision was never asked for."
        ),
        "next_step": _check(
            bool(found["next_step"]), transcript, found["next_step"], "No concrete next step with a day and time."
        ),
        "contact": _check(bool(found["contact"]), transcript, found["contact"], "No contact details taken."),
    }


def inbound_checks(transcript: Transcript, labels: dict[int, TurnLabels]) -> dict[str, Check]:
    """Seed 003's inbound script steps and its eight common mistakes (a `mistake_*` that is done is a miss)."""
    trainee = list(labels)
    first = trainee[:1]
    price_turns = [i for i, lab in labels.items() if lab.mentions_price and lab.fabe]
    question_turns = [i for i, lab in labels.items() if lab.spin]
    first_price = price_turns[0] if price_turns else None
    asked_before_price = [i for i in question_turns if first_price is None or i <= first_price]
    first_pitch = next((i for i, lab in labels.items() if lab.fabe and not lab.mentions_price), None)
    clarifying = [i for i in question_turns if first_pitch is None or i < first_pitch]
    summaries = [i for i, lab in labels.items() if "summarize" in lab.close]
    objections = [i for i, t in enumerate(transcript.turns) if t.role == "customer" and _is_objection(t.text)]
    unanswered = [i for i in objections if not _answered(i, labels)]
    customer_questions = sum(1 for t in transcript.turns if t.role == "customer" and _CUSTOMER_QUESTION.search(t.text))
    trainee_questions = sum(lab.questions for lab in labels.values())
    silent_run = _auto_informer_run(transcript, labels)
    commitment = [i for i, lab in labels.items() if "ask_commitment" in lab.close or "next_step" in lab.close]
    asked_name = [i for i in trainee if _asks_name(transcript.turns[i].text)]
    return {
        "greeted_with_name": _check(
            bool(first) and labels[first[0]].introduces_self,
            transcript,
            first,
            "Open with the company, line of business and your name.",
        ),
        "asked_callers_name": _check(bool(asked_name), transcript, asked_name[:1]),
        "clarifying_questions_within_7": _check(
            0 < len(clarifying) <= MAX_CLARIFYING_QUESTIONS,
            transcript,
            clarifying,
            f"{len(clarifying)} clarifying questions before presenting (aim: 1-7).",
        ),
        "summarised_before_presenting": _check(
            any(first_pitch is None or s < first_pitch for s in summaries), transcript, summaries[:1]
        ),
        "mistake_no_goal": _check(
            not commitment, transcript, trainee[-1:], "No goal: no next step or decision asked for."
        ),
        "mistake_initiative_lost": _check(
            customer_questions > trainee_questions,
            transcript,
            trainee[:3],
            f"The caller asked {customer_questions} questions, you asked {trainee_questions}.",
        ),
        "mistake_auto_informer": _check(
            len(silent_run) >= 3,
            transcript,
            silent_run,
            "Auto-informer: several answers in a row without a question back.",
        ),
        "mistake_no_contacts": _check(
            not any("contact" in lab.close for lab in labels.values()),
            transcript,
            trainee[-1:],
            "No contact details taken.",
        ),
        "mistake_no_information": _check(
            not question_turns, transcript, trainee[:2], "No information gathered: no situation or problem questions."
        ),
        "mistake_price_too_early": _check(
            first_price is not None and not asked_before_price,
            transcript,
            [first_price] if first_price is not None else [],
            "Price given before a single question about the caller's needs.",
        ),
        "mistake_weak_objection_handling": _check(
            bool(unanswered),
            transcript,
            unanswered,
            "An objection was not answered with evidence, a benefit or a question.",
        ),
        "mistake_vague_next_step": _check(
            bool(commitment) and not any("next_step" in labels[i].close for i in commitment),
            transcript,
            commitment,
            "The next step had no concrete day and time.",
        ),
    }


def _asks_name(text: str) -> bool:
    return bool(
        re.search(r"your name|may i ask who|who am i speaking|how should i address|怎么称呼|贵姓|您姓", normalise(text))
    )


def _is_objection(text: str) -> bool:
    return bool(
        re.search(
            r"expensive|too much|think about it|not sure|why should|how do i know|boss|husband|wife|"
            r"discount|cheaper|贵|考虑考虑|想一想|想想|再说|老板|老公|老婆|折扣|便宜|凭什么|怎么知道",
            normalise(text),
        )
    )


def _answered(customer_index: int, labels: dict[int, TurnLabels]) -> bool:
    reply = next((i for i in labels if i > customer_index), None)
    if reply is None:
        return True
    lab = labels[reply]
    return bool(lab.fabe & {"evidence", "benefit", "advantage"} or lab.spin or lab.close & {"summarize", "next_step"})


def _auto_informer_run(transcript: Transcript, labels: dict[int, TurnLabels]) -> list[int]:
    """Longest run of trainee turns that answer a customer's question without asking anything back."""
    best: list[int] = []
    run: list[int] = []
    for i, lab in labels.items():
        asked_by_customer = (
            i > 0
            and transcript.turns[i - 1].role == "customer"
            and bool(_CUSTOMER_QUESTION.search(transcript.turns[i - 1].text))
        )
        if not asked_by_customer:
            continue
        run = [*run, i] if lab.questions == 0 and not lab.close else []
        best = run if len(run) > len(best) else best
    return best


def needs_stated_by_customer(transcript: Transcript, persona: Persona | None) -> list[int]:
    """Customer turns that state a need: a persona's revealed need or motive, or need wording."""
    found = []
    reveal_texts = [n.reveal for n in persona.needs] + [persona.urgent_motive.reveal] if persona else []
    for i, turn in enumerate(transcript.turns):
        if turn.role != "customer":
            continue
        if any(r and r[:30] in turn.text for r in reveal_texts) or _NEED_WORDS.search(normalise(turn.text)):
            found.append(i)
    return found


def tied_benefits(
    transcript: Transcript, labels: dict[int, TurnLabels], needs: list[int], persona: Persona | None
) -> tuple[list[int], list[int]]:
    """Benefit turns that echo a need the customer stated before them, and those that do not."""
    tied, untied = [], []
    for i, lab in labels.items():
        if "benefit" not in lab.fabe:
            continue
        earlier = [n for n in needs if n < i]
        text = normalise(transcript.turns[i].text)
        persona_hit = persona is not None and earlier and any(mentions_any(text, need.topics) for need in persona.needs)
        if persona_hit or any(_overlap(text, normalise(transcript.turns[n].text)) for n in earlier):
            tied.append(i)
        else:
            untied.append(i)
    return tied, untied


def _overlap(a: str, b: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", a + b):
        grams = lambda s: {s[k : k + 2] for k in range(len(s) - 1) if re.match(r"[\u3400-\u9fff]{2}", s[k : k + 2])}  # noqa: E731
        common = grams(a) & grams(b) - {"我们", "您的", "你们", "这个", "一个", "可以", "就是", "没有", "什么"}
        return len(common) >= 2
    words = lambda s: {w for w in _WORD.findall(s) if w not in _STOP}  # noqa: E731
    return len(words(a) & words(b)) >= 2
