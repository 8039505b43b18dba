"""Trainee bots for self-play: scripted salespeople of known skill that play the customer through the real graph.

Each bot is built from a `Brief` (the persona's public side) and a run number, and answers the call so far with
its next line (None: it hangs up). None of them can see a persona's needs, motive or objections.
"""

from __future__ import annotations

from typing import Literal, Protocol

from simulator.bots.brief import Brief
from simulator.bots.good import GoodBot
from simulator.bots.rude import RudeBot
from simulator.bots.weak import WeakBot
from simulator.state import Message

TraineeKind = Literal["good", "weak", "rude"]
TRAINEES: tuple[TraineeKind, ...] = ("good", "weak", "rude")


class TraineeBot(Protocol):
    kind: str

    def next_line(self, transcript: list[Message]) -> str | None: ...


def make_bot(kind: TraineeKind, brief: Brief, run: int = 0) -> TraineeBot:
    """A trainee bot of this kind for the call in `brief`."""
    bots = {"good": GoodBot, "weak": WeakBot, "rude": RudeBot}
    if kind not in bots:
        raise ValueError(f"unknown trainee '{kind}': use one of {', '.join(TRAINEES)}")
    return bots[kind](brief, run)


__all__ = ["TRAINEES", "Brief", "TraineeBot", "TraineeKind", "make_bot"]
