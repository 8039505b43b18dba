"""Run settings for one call graph invocation (not checkpointed: supply them again on resume)."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.voices.base import Voice
from simulator.voices.offline import OfflineVoice


@dataclass
class Context:
    """How the call is run: who speaks for the customer and how long a call may go on."""

    voice: Voice = field(default_factory=OfflineVoice)
    """Renders the director's moves as the customer's words."""

    max_turns: int = 30
    """Trainee turns before the call ends with `turn_limit`."""
