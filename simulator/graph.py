"""The call graph: opening -> (trainee -> direct -> speak)* -> finish.

The trainee's turn arrives through `interrupt()`; whoever compiles the graph chooses the checkpointer
(`simulator.session` uses SQLite). `graph` at the bottom is what `langgraph.json` points at.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Literal

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from graders.scorecard import grade
from graders.transcript import Transcript, Turn
from personas.schema import Persona
from simulator import director
from simulator.context import Context
from simulator.state import Beat, CallState, CustomerState, Message
from simulator.voices.base import VoiceRequest, render_beats

END_CALL = "/end"
RECENT_MESSAGES = 400  # the whole call: the LLM voice trims to its token budget itself, keeping a cacheable prefix


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _persona(state: CallState) -> Persona:
    return Persona.model_validate(state["persona"])


def _speak(state: CallState, beats: list[Beat], runtime: Runtime[Context]) -> Message:
    persona = _persona(state)
    transcript = state.get("transcript", [])
    seed = f"{state.get('thread_id', '')}:{len(transcript)}"
    request = VoiceRequest(persona, render_beats(persona, beats, seed), tuple(transcript[-RECENT_MESSAGES:]), seed)
    pieces: list[str] = []
    try:
        for piece in runtime.context.voice.speak(request):
            pieces.append(piece)
            runtime.stream_writer({"customer_piece": piece})  # stream_mode="custom" shows the reply as it comes
    except Exception:  # a failing voice must not stop the call: the persona's own line stands in
        logging.getLogger("salesim").exception("voice %s failed; using the persona's line", runtime.context.voice.name)
        pieces = []
    text = "".join(pieces).strip() or request.offline_text()
    return Message(role="customer", text=text, at=now())


def opening(state: CallState, runtime: Runtime[Context]) -> dict:
    """Set up the customer; an inbound customer speaks first."""
    if state.get("customer"):
        return {}
    customer, beats = director.opening(_persona(state))
    update: dict = {"customer": customer.model_dump()}
    if beats:
        update["transcript"] = [_speak(state, beats, runtime)]
    return update


def trainee(state: CallState) -> dict:
    """Wait for the trainee's line. Nothing happens before interrupt(): a resume re-runs this node."""
    text = interrupt({"awaiting": "trainee", "turns": len(state.get("transcript", []))})
    text = str(text or "").strip()
    if text == END_CALL:
        customer = CustomerState.model_validate(state["customer"])
        customer.ended_by = "trainee_ended"
        return {"customer": customer.model_dump()}
    return {"transcript": [Message(role="trainee", text=text, at=now())]}


def direct(state: CallState, runtime: Runtime[Context]) -> dict:
    """Let the director update the customer from the latest trainee line and choose the next move."""
    customer = CustomerState.model_validate(state["customer"])
    *before, latest = state["transcript"]
    previous = [m["text"] for m in before if m["role"] == "trainee"]
    decision = director.decide(_persona(state), customer, latest["text"], previous)
    updated = decision.customer
    if updated.ended_by is None and updated.turns >= runtime.context.max_turns:
        updated.ended_by = "turn_limit"
    return {"customer": updated.model_dump(), "move": [b.model_dump() for b in decision.beats]}


def speak(state: CallState, runtime: Runtime[Context]) -> dict:
    """Have the voice render the chosen move."""
    beats = [Beat.model_validate(b) for b in state.get("move", [])]
    return {"transcript": [_speak(state, beats, runtime)], "move": []}


def finish(state: CallState) -> dict:
    """The call is over: grade it with the persona it was played against."""
    messages = state.get("transcript", [])
    if not any(m["role"] == "trainee" for m in messages):
        return {"scorecard": None}
    transcript = Transcript(
        turns=[Turn(role=m["role"], text=m["text"], at=m["at"]) for m in messages], persona=state["persona"]["id"]
    )
    return {"scorecard": grade(transcript, _persona(state)).model_dump(mode="json")}


def after_trainee(state: CallState) -> Literal["direct", "finish"]:
    return "finish" if state["customer"].get("ended_by") else "direct"


def after_speak(state: CallState) -> Literal["trainee", "finish"]:
    return "finish" if state["customer"].get("ended_by") else "trainee"


def build() -> StateGraph:
    """The uncompiled call graph."""
    builder = StateGraph(CallState, context_schema=Context)
    builder.add_node("opening", opening)
    builder.add_node("trainee", trainee)
    builder.add_node("direct", direct)
    builder.add_node("speak", speak)
    builder.add_node("finish", finish)
    builder.add_edge(START, "opening")
    builder.add_edge("opening", "trainee")
    builder.add_conditional_edges("trainee", after_trainee)
    builder.add_edge("direct", "speak")
    builder.add_conditional_edges("speak", after_speak)
    builder.add_edge("finish", END)
    return builder


graph = build().compile(name="salesim-call")
