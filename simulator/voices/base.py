"""The voice slot: renders the director's chosen move as the customer's words. It decides nothing."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from personas.schema import Persona
from simulator.state import Beat, Message


@dataclass(frozen=True)
class Utterance:
    """One beat with the persona text it may say (the only hidden facts a voice ever sees)."""

    kind: str
    text: str


@dataclass(frozen=True)
class VoiceRequest:
    """Everything a voice may use to speak one customer turn."""

    persona: Persona
    beats: tuple[Utterance, ...]
    recent: tuple[Message, ...]
    seed: str

    def offline_text(self) -> str:
        """The move rendered from the persona's own lines: the reference every voice falls back to."""
        return " ".join(u.text for u in self.beats)


class Voice(Protocol):
    """A customer voice. `speak` yields the reply in pieces (one piece for voices that do not stream)."""

    name: str

    def speak(self, request: VoiceRequest) -> Iterator[str]: ...


def render_beats(persona: Persona, beats: list[Beat], seed: str) -> tuple[Utterance, ...]:
    """Fill each beat from the persona: hidden facts by id, everything else from the line bank."""
    needs = {n.id: n for n in persona.needs}
    objections = {o.id: o for o in persona.objections}
    out = []
    for i, beat in enumerate(beats):
        if beat.kind == "opening":
            text = persona.opening_line or ""
        elif beat.kind == "reveal_need":
            text = needs[beat.ref].reveal
        elif beat.kind == "reveal_motive":
            text = persona.urgent_motive.reveal
        elif beat.kind == "fact":
            text = persona.facts[int(beat.ref or 0)].answer
        elif beat.kind == "raise_objection":
            text = objections[beat.ref].line
        elif beat.kind == "objection_resolved":
            text = objections[beat.ref].resolved_line
        else:
            lines = getattr(persona.lines, beat.kind) or persona.lines.confirm
            text = pick_line(lines, f"{seed}:{i}:{beat.kind}")
        out.append(Utterance(beat.kind, fill(text, persona)))
    return tuple(out)


def pick_line(lines: list[str], key: str) -> str:
    """A variant chosen by a stable hash, so a replayed call says the same thing."""
    return lines[zlib.crc32(key.encode()) % len(lines)]


def fill(text: str, persona: Persona) -> str:
    """Replace the line-bank placeholders; unknown braces are left as written."""
    values = {"name": persona.customer.name, "product": persona.fact_sheet.product, "price": persona.fact_sheet.price}
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text
