"""The weak trainee bot: the classic losing call of seed 000. It names the price first, reads out the fact
sheet and asks for the order, without a single question about the customer."""

from __future__ import annotations

from simulator.bots.brief import Brief
from simulator.bots.phrases import WEAK
from simulator.bots.phrases import WEAK_ALTERNATE as ALTERNATE
from simulator.state import Message


class WeakBot:
    """Price first, then a feature dump and early closes; it does not listen, but it is polite."""

    kind = "weak"

    def __init__(self, brief: Brief, run: int = 0):
        fs = brief.fact_sheet
        sep = "; " if brief.language == "en" else ";"
        values = {
            "product": fs.product,
            "price": fs.price,
            "features": sep.join(f.rstrip(".。") for f in fs.features),
            "advantages": sep.join(a.rstrip(".。") for a in fs.advantages),
            "evidence": sep.join(e.rstrip(".。") for e in fs.evidence),
            "terms": sep.join(t.rstrip(".。") for t in fs.terms) or fs.price,
        }
        lines = [line.format(**values) for line in WEAK[brief.language]]
        if run % 2:  # another run, the same habits in a slightly different order
            lines[1], lines[2] = (
                ALTERNATE[brief.language][0].format(**values),
                ALTERNATE[brief.language][1].format(**values),
            )
        self.lines = iter(lines)

    def next_line(self, transcript: list[Message]) -> str | None:
        return next(self.lines, None)
