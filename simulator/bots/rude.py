"""The rude trainee bot: pushes for the sale and ignores whatever the customer says."""

from __future__ import annotations

from simulator.bots.brief import Brief
from simulator.bots.good import short_name
from simulator.bots.phrases import RUDE
from simulator.state import Message


class RudeBot:
    """Pressure and put-downs from the first line; never asks, never answers."""

    kind = "rude"

    def __init__(self, brief: Brief, run: int = 0):
        fs = brief.fact_sheet
        lines = [line.format(product=short_name(fs.product)) for line in RUDE[brief.language]]
        self.lines = iter(lines[run % 2 :] + lines[: run % 2])

    def next_line(self, transcript: list[Message]) -> str | None:
        return next(self.lines, None)
