"""The persona schema: what a trainer writes in YAML to describe a simulated customer.

A persona has a public side (the fact sheet and call goal the trainee may read before the call) and a
hidden side (needs, urgent motive, objections) that the director reveals only when the trainee earns it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Language = Literal["en", "zh"]
Direction = Literal["inbound", "outbound"]
Difficulty = Literal["easy", "normal", "hard"]
SpinKind = Literal["situation", "problem", "implication", "need_payoff"]
FabeKind = Literal["feature", "advantage", "benefit", "evidence"]
CloseKind = Literal["summarize", "ask_commitment", "next_step", "contact"]
Stage = Literal["cognitive", "divergent", "convergent"]
ObjectionTrigger = Literal["price", "pitch", "commitment", "discovery"]
Volunteering = Literal["little", "some", "much"]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,48}$")]
Percent = Annotated[int, Field(ge=0, le=100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Customer(Strict):
    """Who the trainee is talking to."""

    name: Text
    background: Text
    personality: Text


class FactSheet(Strict):
    """The product and offer as the trainee may learn it before the call (FABE material)."""

    product: Text
    summary: Text
    features: list[Text] = Field(min_length=1)
    advantages: list[Text] = Field(min_length=1)
    benefits: list[Text] = Field(min_length=1)
    evidence: list[Text] = Field(min_length=1)
    price: Text
    terms: list[Text] = []


class CallGoal(Strict):
    """Primary and fallback goal of the call (seed 000)."""

    primary: Text
    fallback: Text


class Fact(Strict):
    """Something the customer tells whenever the trainee asks about it (situation, not hidden)."""

    topics: list[Text] = Field(min_length=1, description="Words that show the trainee asked about this.")
    answer: Text


class Need(Strict):
    """A hidden need: revealed only by the right kind of question on the right topic."""

    id: Slug
    summary: Text = Field(description="For trainers: what the need is.")
    topics: list[Text] = Field(min_length=1, description="Words that show the trainee asked about this.")
    drawn_by: list[SpinKind] = Field(min_length=1, description="Question kinds that draw it out.")
    reveal: Text = Field(description="What the customer says when the need is drawn out.")


class UrgentMotive(Strict):
    """Why the need is urgent (seed 004, milestone 1); drawn out once a need is on the table."""

    summary: Text
    topics: list[Text] = Field(min_length=1)
    drawn_by: list[SpinKind] = Field(min_length=1)
    reveal: Text


class Objection(Strict):
    """An objection the customer raises, and what the trainee must do to resolve it."""

    id: Slug
    trigger: ObjectionTrigger = Field(
        description="price: when a price is first named; pitch: at the first product presentation "
        "(neither is raised if that same turn already makes one of its resolving FABE statements, on its topics); "
        "commitment: when a decision is first asked for; discovery: after a few discovery questions."
    )
    line: Text = Field(description="What the customer says when raising it.")
    resolved_by: list[SpinKind | FabeKind | CloseKind] = Field(
        min_length=1, description="Any of these moves in the trainee's reply resolves it."
    )
    topics: list[Text] = Field(default=[], description="If given, the reply must also touch one of these.")
    resolved_line: Text = Field(description="What the customer says once it is resolved.")
    from_difficulty: Difficulty = Field(
        default="easy",
        description="The easiest difficulty at which the customer raises it (personas/difficulty.py): "
        "`hard` for an objection only a hard customer makes.",
    )


class Milestones(Strict):
    """The three milestones of seed 004, described for this customer."""

    need_with_motive: Text
    product_accepted: Text
    price_time_accepted: Text
    needs_required: int = Field(
        default=1, ge=1, description="How many hidden needs must be revealed, with the motive, for milestone 1."
    )


class StageProfile(Strict):
    """Ideal share of the call for each thinking stage (seed 002); the three shares sum to 1."""

    cognitive: Annotated[float, Field(ge=0, le=1)]
    divergent: Annotated[float, Field(ge=0, le=1)]
    convergent: Annotated[float, Field(ge=0, le=1)]

    @model_validator(mode="after")
    def _sums_to_one(self) -> StageProfile:
        total = self.cognitive + self.divergent + self.convergent
        if abs(total - 1) > 0.02:
            raise ValueError(f"the three shares must sum to 1 (they sum to {total:.2f})")
        return self


Lines = Annotated[list[Text], Field(min_length=1)]


class LineBank(Strict):
    """What the customer says for each kind of move. Placeholders: {name}, {product}, {price}."""

    greeting: Lines = Field(description="Answering the trainee's greeting or introduction.")
    small_talk: Lines
    confirm: Lines = Field(description="The trainee summed up correctly: yes, that's right.")
    listening: Lines | None = Field(
        default=None, description="A product point that changes nothing yet (default: the confirm lines)."
    )
    value_agreed: Lines | None = Field(
        default=None,
        description="A need-payoff question once the urgent motive is out: what solving it is worth to the customer "
        "(default: the confirm lines).",
    )
    answer_vague: Lines = Field(description="A discovery question on a topic this customer has nothing on.")
    clarify: Lines = Field(description="The trainee's turn made no sense or asked nothing.")
    pitch_too_early: Lines = Field(description="A product pitch before any need is known.")
    price_too_early: Lines = Field(description="A price named before any need is known.")
    ask_price: Lines = Field(description="The customer asks the price.")
    interested: Lines = Field(description="A benefit that hits a revealed need.")
    accept_product: Lines = Field(description="Milestone 2: the customer accepts product and company.")
    accept_price_time: Lines = Field(description="Milestone 3: the customer accepts price and timing.")
    agree: Lines = Field(description="Yes to the commitment: the deal.")
    intention: Lines = Field(description="Interested but not deciding now.")
    follow_up: Lines = Field(description="Not now; open to a later call or information.")
    not_interested: Lines = Field(description="A commitment asked for too early.")
    give_contact: Lines
    withhold_contact: Lines
    confirm_next_step: Lines
    objection_ignored: Lines = Field(description="The trainee talked past an open objection.")
    annoyed: Lines = Field(description="A rude or pushy turn.")
    impatient: Lines = Field(description="Patience is running out.")
    hang_up: Lines
    goodbye: Lines


class Persona(Strict):
    """A simulated customer for one call, in one language."""

    id: Slug
    language: Language
    direction: Direction
    difficulty: Difficulty = "normal"
    title: Text = Field(description="One line for lists: who calls whom about what.")
    customer: Customer
    fact_sheet: FactSheet
    call_goal: CallGoal
    facts: list[Fact] = Field(default=[], description="Situation facts the customer tells when asked.")
    needs: list[Need] = Field(min_length=1)
    urgent_motive: UrgentMotive
    objections: list[Objection] = []
    trust: Percent = Field(description="Starting trust in the caller, 0-100.")
    patience: Percent = Field(description="Starting patience, 0-100; at 0 the customer hangs up.")
    volunteers: Volunteering = Field(
        default="some",
        description="How much the customer offers unasked. much: a need comes out for any discovery question on "
        "its topics, and the urgent motive with it; some: only for the right kind of question; little: the motive "
        "only once every need the first milestone requires is out.",
    )
    milestones: Milestones
    stage_profile: StageProfile
    opening_line: Text | None = Field(default=None, description="Inbound calls: what the customer says first.")
    lines: LineBank

    @model_validator(mode="after")
    def _consistent(self) -> Persona:
        if self.direction == "inbound" and not self.opening_line:
            raise ValueError("an inbound persona needs an opening_line: the customer speaks first")
        for kind, ids in (("need", [n.id for n in self.needs]), ("objection", [o.id for o in self.objections])):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"{kind} ids must be unique; repeated: {', '.join(duplicates)}")
        if self.milestones.needs_required > len(self.needs):
            raise ValueError(
                f"milestones.needs_required is {self.milestones.needs_required} "
                f"but the persona has only {len(self.needs)} need(s)"
            )
        return self

    @property
    def key(self) -> str:
        """The id and language together: one persona file."""
        return f"{self.id}.{self.language}"
