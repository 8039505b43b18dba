"""The four labels of a trainee turn (shared/LABELS.md) plus the signals the director reads."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from personas.schema import CloseKind, FabeKind, SpinKind, Stage

SPIN_KINDS: tuple[SpinKind, ...] = ("situation", "problem", "implication", "need_payoff")
FABE_KINDS: tuple[FabeKind, ...] = ("feature", "advantage", "benefit", "evidence")
CLOSE_KINDS: tuple[CloseKind, ...] = ("summarize", "ask_commitment", "next_step", "contact")
STAGES: tuple[Stage, ...] = ("cognitive", "divergent", "convergent")
GROUPS: dict[str, tuple[str, ...]] = {"spin": SPIN_KINDS, "fabe": FABE_KINDS, "close": CLOSE_KINDS}


class TurnLabels(BaseModel):
    """What one trainee turn did, as the grader and the customer's director both read it."""

    model_config = ConfigDict(frozen=True)

    spin: frozenset[SpinKind] = frozenset()
    fabe: frozenset[FabeKind] = frozenset()
    close: frozenset[CloseKind] = frozenset()
    stage: Stage | None = None
    questions: int = Field(default=0, ge=0, description="How many questions the turn asks.")
    mentions_price: bool = False
    rude: bool = False
    greeting: bool = False
    goodbye: bool = False
    introduces_self: bool = Field(default=False, description="Says who is calling: name or company.")
    manners_only: bool = Field(
        default=False, description="Asks only for manners' sake: how are you, is now a good time, who is speaking."
    )

    def contract(self) -> dict:
        """The four labels in the exact shape of shared/LABELS.md, sorted for stable output."""
        return {
            "spin": [k for k in SPIN_KINDS if k in self.spin],
            "fabe": [k for k in FABE_KINDS if k in self.fabe],
            "close": [k for k in CLOSE_KINDS if k in self.close],
            "stage": self.stage,
        }

    @property
    def presents_product(self) -> bool:
        return bool(self.fabe)
