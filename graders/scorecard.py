"""The scorecard: every trainee turn labelled, then SPIN, FABE, stages, milestones, close, talk metrics,
a score out of 100 and findings that cite their turns. Same transcript in, same scorecard out."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from graders.checks import close_checks, inbound_checks, needs_stated_by_customer, tied_benefits
from graders.coaching import better_line
from graders.labeler import label_turns
from graders.labels import FABE_KINDS, SPIN_KINDS, STAGES, TurnLabels
from graders.metrics import count_tokens, longest_monologue, shares, speaking_seconds, turn_stages
from graders.transcript import Transcript
from personas.schema import Persona

Share = Annotated[float, Field(ge=0, le=1)]
GONG_TALK_SHARE = 0.43
GONG_QUESTIONS = (11, 14)
IDEAL_PROFILES = {
    "outbound": {"cognitive": 0.4, "divergent": 0.4, "convergent": 0.2},
    "inbound": {"cognitive": 0.2, "divergent": 0.2, "convergent": 0.6},
}
WEIGHTS = {"spin": 25, "fabe": 20, "stages": 15, "close": 25, "talk": 15}


class Quote(BaseModel):
    """A turn cited as evidence."""

    index: int = Field(ge=0, description="Position of the turn in the input transcript.")
    text: str


class LabelledTurn(BaseModel):
    index: int
    role: Literal["trainee", "customer"]
    text: str
    labels: dict | None = Field(description="The four LABELS.md labels; null for customer turns.")
    stage: str | None = Field(description="The stage this turn counts toward in the stage shares.")


class SpinSection(BaseModel):
    counts: dict[str, int]
    quotes: dict[str, list[Quote]]
    order: list[str] = Field(description="SPIN kinds in the order they first appeared.")
    order_followed: bool = Field(description="First uses came as situation -> problem -> implication -> need-payoff.")
    implication_used: bool
    need_payoff_used: bool


class FabeSection(BaseModel):
    used: dict[str, list[Quote]]
    customer_needs: list[Quote] = Field(description="Customer turns that stated a need.")
    benefits_tied_to_needs: list[Quote]
    benefits_not_tied: list[Quote]


class StageSection(BaseModel):
    by_turns: dict[str, Share]
    by_tokens: dict[str, Share]
    by_speaking_time: dict[str, Share]
    ideal: dict[str, Share]
    ideal_source: Literal["persona", "call_type"]
    distance: Share = Field(description="Total variation distance between speaking-time shares and the ideal.")


class Check(BaseModel):
    done: bool
    turns: list[Quote] = []
    note: str = ""


class MilestoneSection(BaseModel):
    known: bool = Field(description="False when the persona is unknown, so milestones cannot be replayed.")
    reached: list[str] = []
    at_turn: dict[str, int] = {}
    outcome: str | None = None


class TalkSection(BaseModel):
    trainee_talk_share: Share
    reference_talk_share: Share = GONG_TALK_SHARE
    questions: int
    reference_questions: tuple[int, int] = GONG_QUESTIONS
    longest_monologue_seconds: float
    longest_monologue_turns: list[int]


class Part(BaseModel):
    name: str
    weight: int
    score: Share
    points: float


class Finding(BaseModel):
    kind: Literal["strength", "miss"]
    code: str
    message: str
    turns: list[int] = Field(description="Turn indices the finding is based on.")
    better_line: str | None = None


class Scorecard(BaseModel):
    """What the trainee did well and badly in one call, with evidence."""

    persona: str | None
    language: str
    direction: str
    score: int = Field(ge=0, le=100)
    parts: list[Part]
    spin: SpinSection
    fabe: FabeSection
    stages: StageSection
    milestones: MilestoneSection
    close: dict[str, Check]
    inbound: dict[str, Check] | None = Field(description="Seed 003 script checks and mistakes; inbound calls only.")
    talk: TalkSection
    findings: list[Finding]
    turns: list[LabelledTurn]


def _quote(transcript: Transcript, index: int) -> Quote:
    return Quote(index=index, text=transcript.turns[index].text)


def grade(transcript: Transcript, persona: Persona | None = None) -> Scorecard:
    """Grade one call. With the persona, milestones are replayed and the ideal stage profile is its own."""
    turns = transcript.turns
    trainee = [i for i, t in enumerate(turns) if t.role == "trainee"]
    labels = dict(zip(trainee, label_turns([turns[i].text for i in trainee]), strict=True))
    stages = turn_stages(turns, labels)
    direction = persona.direction if persona else transcript.call_direction
    language = persona.language if persona else transcript.lang

    spin = _spin(transcript, labels)
    needs = needs_stated_by_customer(transcript, persona)
    tied, untied = tied_benefits(transcript, labels, needs, persona)
    fabe = FabeSection(
        used={k: [_quote(transcript, i) for i, lab in labels.items() if k in lab.fabe] for k in FABE_KINDS},
        customer_needs=[_quote(transcript, i) for i in needs],
        benefits_tied_to_needs=[_quote(transcript, i) for i in tied],
        benefits_not_tied=[_quote(transcript, i) for i in untied],
    )
    seconds = [speaking_seconds(t.text) for t in turns]  # estimated once; stages and talk both use it
    stage = _stages(transcript, stages, seconds, persona, direction)
    close = close_checks(transcript, labels)
    inbound = inbound_checks(transcript, labels) if direction == "inbound" else None
    talk = _talk(transcript, labels, seconds)
    milestones = _milestones(transcript, persona)

    parts = _parts(spin, fabe, stage, close, talk)
    findings = _findings(transcript, labels, spin, fabe, stage, close, inbound, talk, persona, language)
    return Scorecard(
        persona=persona.id if persona else transcript.persona,
        language=language,
        direction=direction,
        score=round(sum(p.points for p in parts)),
        parts=parts,
        spin=spin,
        fabe=fabe,
        stages=stage,
        milestones=milestones,
        close=close,
        inbound=inbound,
        talk=talk,
        findings=findings,
        turns=[
            LabelledTurn(
                index=i, role=t.role, text=t.text, labels=labels[i].contract() if i in labels else None, stage=stages[i]
            )
            for i, t in enumerate(turns)
        ],
    )


def _spin(transcript: Transcript, labels: dict[int, TurnLabels]) -> SpinSection:
    quotes = {k: [_quote(transcript, i) for i, lab in labels.items() if k in lab.spin] for k in SPIN_KINDS}
    order: list[str] = []
    for lab in labels.values():
        order += [k for k in SPIN_KINDS if k in lab.spin and k not in order]
    ranks = [SPIN_KINDS.index(k) for k in order]  # type: ignore[arg-type]
    return SpinSection(
        counts={k: len(v) for k, v in quotes.items()},
        quotes=quotes,
        order=order,
        order_followed=len(order) >= 2 and ranks == sorted(ranks),
        implication_used=bool(quotes["implication"]),
        need_payoff_used=bool(quotes["need_payoff"]),
    )


def _stages(
    transcript: Transcript, stages: list[str | None], seconds: list[float], persona: Persona | None, direction: str
) -> StageSection:
    texts = [t.text for t in transcript.turns]
    by_time = shares(seconds, stages)
    ideal = persona.stage_profile.model_dump() if persona else IDEAL_PROFILES[direction]
    return StageSection(
        by_turns=shares([1.0] * len(texts), stages),
        by_tokens=shares([float(count_tokens(t)) for t in texts], stages),
        by_speaking_time=by_time,
        ideal=ideal,
        ideal_source="persona" if persona else "call_type",
        distance=round(sum(abs(by_time[s] - ideal[s]) for s in STAGES) / 2, 3),
    )


def _talk(transcript: Transcript, labels: dict[int, TurnLabels], seconds: list[float]) -> TalkSection:
    by_role = {"trainee": 0.0, "customer": 0.0}
    for turn, said in zip(transcript.turns, seconds, strict=True):
        by_role[turn.role] += said
    total = sum(by_role.values())
    longest, stretch = longest_monologue(transcript.turns, seconds)
    return TalkSection(
        trainee_talk_share=round(by_role["trainee"] / total, 3) if total else 0.0,
        questions=sum(lab.questions for lab in labels.values()),
        longest_monologue_seconds=longest,
        longest_monologue_turns=stretch,
    )


def _milestones(transcript: Transcript, persona: Persona | None) -> MilestoneSection:
    if persona is None:
        return MilestoneSection(known=False)
    from simulator import director  # the same director that played the customer replays the call

    state, _ = director.opening(persona)
    at_turn: dict[str, int] = {}
    said: list[str] = []
    for i, turn in enumerate(transcript.turns):
        if turn.role != "trainee":
            continue
        state = director.decide(persona, state, turn.text, said).customer
        said.append(turn.text)
        for milestone in state.milestones:
            at_turn.setdefault(milestone, i)
    return MilestoneSection(known=True, reached=list(state.milestones), at_turn=at_turn, outcome=state.outcome)


def _parts(
    spin: SpinSection, fabe: FabeSection, stage: StageSection, close: dict[str, Check], talk: TalkSection
) -> list[Part]:
    spin_score = 0.2 * sum(1 for k in SPIN_KINDS if spin.counts[k]) + (0.2 if spin.order_followed else 0.0)
    fabe_score = 0.15 * sum(1 for k in FABE_KINDS if fabe.used[k]) + (0.4 if fabe.benefits_tied_to_needs else 0.0)
    stage_score = 1 - stage.distance
    close_score = sum(0.25 for c in close.values() if c.done)
    talk_fit = max(0.0, 1 - 2 * abs(talk.trainee_talk_share - GONG_TALK_SHARE))
    question_fit = min(1.0, talk.questions / GONG_QUESTIONS[0])
    scores = {
        "spin": spin_score,
        "fabe": fabe_score,
        "stages": stage_score,
        "close": close_score,
        "talk": 0.5 * talk_fit + 0.5 * question_fit,
    }
    return [
        Part(
            name=name,
            weight=weight,
            score=round(min(1.0, scores[name]), 3),
            points=round(weight * min(1.0, scores[name]), 1),
        )
        for name, weight in WEIGHTS.items()
    ]


def _findings(
    transcript: Transcript,
    labels: dict[int, TurnLabels],
    spin: SpinSection,
    fabe: FabeSection,
    stage: StageSection,
    close: dict[str, Check],
    inbound: dict[str, Check] | None,
    talk: TalkSection,
    persona: Persona | None,
    language: str,
) -> list[Finding]:
    trainee_turns = list(labels)
    found: list[Finding] = []

    def miss(code: str, message: str, turns: list[int]) -> None:
        found.append(
            Finding(
                kind="miss", code=code, message=message, turns=turns, better_line=better_line(code, language, persona)
            )
        )

    def strength(code: str, message: str, quotes: list[Quote]) -> None:
        found.append(Finding(kind="strength", code=code, message=message, turns=[q.index for q in quotes]))

    for kind, code in (
        ("situation", "no_situation"),
        ("problem", "no_problem"),
        ("implication", "no_implication"),
        ("need_payoff", "no_need_payoff"),
    ):
        if spin.quotes[kind]:
            strength(f"used_{kind}", f"Asked {kind.replace('_', '-')} questions.", spin.quotes[kind])
        else:
            miss(code, f"No {kind.replace('_', '-')} question in the call.", trainee_turns[:3])
    if len(spin.order) >= 2 and not spin.order_followed:
        firsts = [spin.quotes[k][0].index for k in spin.order]
        miss("spin_order", f"SPIN questions came out of order: {' -> '.join(spin.order)}.", firsts)
    for kind in ("feature", "advantage", "evidence"):
        if not fabe.used[kind]:
            miss(f"no_{kind}", f"The product was never given its {kind}.", trainee_turns[-3:])
    if fabe.benefits_tied_to_needs:
        strength("benefit_tied", "Tied benefits to needs the customer stated.", fabe.benefits_tied_to_needs)
    elif fabe.benefits_not_tied:
        miss(
            "benefit_untied",
            "Benefits were not tied to a need the customer stated.",
            [q.index for q in fabe.benefits_not_tied],
        )
    elif not fabe.used["benefit"]:
        miss("no_benefit", "No benefit: the customer never heard what they would gain.", trainee_turns[-3:])
    close_codes = {
        "summarize": "no_summary",
        "ask_commitment": "no_commitment",
        "next_step": "vague_next_step",
        "contact": "no_contact",
    }
    for name, check in close.items():
        if check.done:
            strength(f"close_{name}", f"Close: {name.replace('_', ' ')}.", check.turns)
        else:
            miss(close_codes[name], check.note or f"Close: no {name.replace('_', ' ')}.", trainee_turns[-2:])
    for name, check in (inbound or {}).items():
        if name.startswith("mistake_") and check.done:
            miss(name.removeprefix("mistake_"), check.note, [q.index for q in check.turns])
    if talk.trainee_talk_share > 0.6:
        miss(
            "talk_too_much",
            f"You talked {talk.trainee_talk_share:.0%} of the time (top reps: about 43%).",
            talk.longest_monologue_turns,
        )
    if talk.questions < GONG_QUESTIONS[0] // 2:
        miss("too_few_questions", f"Only {talk.questions} questions (discovery calls: 11-14).", trainee_turns)
    if stage.distance > 0.35:
        miss(
            "stage_balance",
            "Time in the three thinking stages is far from the ideal for this call type "
            f"(distance {stage.distance:.2f}).",
            trainee_turns,
        )
    return found
