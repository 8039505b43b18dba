"""What a call carries from turn to turn. Plain JSON-able data, so every checkpoint is readable."""

from __future__ import annotations

import operator
from typing import Annotated, Literal

from pydantic import BaseModel, Field
from typing_extensions import TypedDict

Role = Literal["trainee", "customer"]
Outcome = Literal["deal", "intention", "follow_up", "refusal"]
EndedBy = Literal["trainee_ended", "customer_hung_up", "turn_limit"]
Milestone = Literal["need_with_motive", "product_accepted", "price_time_accepted"]
MILESTONES: tuple[Milestone, ...] = ("need_with_motive", "product_accepted", "price_time_accepted")


class Message(TypedDict):
    """One line of the transcript."""

    role: Role
    text: str
    at: str  # ISO 8601 wall-clock time, UTC


class Beat(BaseModel):
    """One part of the customer's next move: a line-bank kind, or a persona fact to reveal by id."""

    kind: str
    ref: str | None = None


class CustomerState(BaseModel):
    """The customer's side of the call, owned by the director alone."""

    trust: int = Field(ge=0, le=100)
    patience: int = Field(ge=0, le=100)
    turns: int = 0
    revealed_needs: list[str] = []
    motive_revealed: bool = False
    facts_told: list[int] = []
    raised_objections: list[str] = []
    resolved_objections: list[str] = []
    objection_pressed: int = 0  # turns the open objection has gone unanswered
    milestones: list[Milestone] = []
    discovery_questions: int = 0
    pitched: bool = False
    price_named: bool = False
    benefits_hit: list[str] = []
    evidence_given: bool = False
    commitment_asked: int = 0
    agreed: bool = False
    offered: Outcome | None = None
    next_step_agreed: bool = False
    contact_given: bool = False
    ended_by: EndedBy | None = None

    @property
    def open_objection(self) -> str | None:
        """The objection the customer is waiting to hear answered, if any."""
        return next((o for o in self.raised_objections if o not in self.resolved_objections), None)

    @property
    def mood(self) -> Literal["warm", "open", "guarded", "irritated"]:
        """What the trainee can hear in the customer's voice; never the hidden needs."""
        if self.patience < 25 or self.trust < 20:
            return "irritated"
        if self.trust >= 70:
            return "warm"
        return "open" if self.trust >= 45 else "guarded"

    @property
    def outcome(self) -> Outcome:
        """The call's outcome code (seed 000) as things stand."""
        if self.agreed:
            return "deal"
        if "product_accepted" in self.milestones or self.offered == "intention":
            return "intention"
        if self.next_step_agreed or self.contact_given or self.milestones or self.offered == "follow_up":
            return "follow_up"
        return "refusal"


class CallState(TypedDict, total=False):
    """The graph's state: the persona as played, the transcript, the customer and the next move."""

    persona: dict
    thread_id: str
    transcript: Annotated[list[Message], operator.add]
    customer: dict
    move: list[dict]
    scorecard: dict | None
