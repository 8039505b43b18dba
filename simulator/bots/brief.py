"""What a trainee bot may know before the call: the public side of a persona and nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from personas.schema import CallGoal, FactSheet, Persona


@dataclass(frozen=True)
class Brief:
    """The fact sheet, the call goal and who is calling whom. Needs, motive and objections stay hidden:
    a bot is built from a Brief, never from the persona, so it cannot peek."""

    persona: str
    language: str
    direction: str
    title: str
    fact_sheet: FactSheet
    call_goal: CallGoal
    customer_name: str | None
    """Outbound calls only: the name on the call list. An inbound caller has to be asked."""

    @classmethod
    def of(cls, persona: Persona) -> Brief:
        return cls(
            persona=persona.id,
            language=persona.language,
            direction=persona.direction,
            title=persona.title,
            fact_sheet=persona.fact_sheet,
            call_goal=persona.call_goal,
            customer_name=persona.customer.name if persona.direction == "outbound" else None,
        )
