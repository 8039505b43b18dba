"""The session API both front ends use: start, say, end, view and list calls. No logic of its own
beyond checking input; the graph and the director do the work."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command
from pydantic import BaseModel

from graders.feedback import coach
from graders.scorecard import Scorecard
from personas.difficulty import at_difficulty
from personas.library import get_persona
from personas.schema import Difficulty, Persona
from simulator.context import Context
from simulator.graph import END_CALL, build
from simulator.llm import LLMClient
from simulator.settings import Settings
from simulator.state import CustomerState, Message, Milestone, Outcome
from simulator.voices.base import Voice
from simulator.voices.offline import OfflineVoice


class CallError(Exception):
    """A request the call cannot take; the message says what to do instead."""


class CallView(BaseModel):
    """A call as a front end shows it."""

    thread_id: str
    persona: str
    language: str
    direction: str
    title: str
    difficulty: str = "normal"
    transcript: list[Message]
    finished: bool
    outcome: Outcome
    ended_by: str | None
    milestones: list[Milestone]
    mood: str
    scorecard: dict | None = None

    def as_record(self) -> dict:
        """The `salesim practice --json` shape; `turns` is the transcript format the grader reads."""
        record = {
            "persona": self.persona,
            "language": self.language,
            "direction": self.direction,
            "outcome": self.outcome,
            "ended_by": self.ended_by,
            "milestones": self.milestones,
            "turns": [dict(m) for m in self.transcript],
        }
        if self.scorecard is not None:
            record["scorecard"] = self.scorecard
        return record


class Simulator:
    """Runs calls through the graph with a SQLite checkpointer, so every turn survives a crash."""

    def __init__(
        self,
        settings: Settings | None = None,
        voice: Voice | None = None,
        db_path: Path | None = None,
    ):
        self.settings = settings or Settings()
        path = db_path or self.settings.db_path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False)
        saver = SqliteSaver(self._conn)
        saver.setup()
        self.graph = build().compile(checkpointer=saver)
        self.context = Context(voice=voice or OfflineVoice(), max_turns=self.settings.max_turns)

    def close(self) -> None:
        self._conn.close()

    def _config(self, thread_id: str) -> dict:
        return {"configurable": {"thread_id": thread_id}}

    def start(
        self, persona_id: str, language: str, thread_id: str | None = None, difficulty: Difficulty | None = None
    ) -> CallView:
        """Begin a call; an inbound customer's opening line is already in the transcript.

        `difficulty` plays the customer easier or harder (personas/difficulty.py); by default as written."""
        persona = get_persona(persona_id, language, (self.settings.user_persona_dir,))
        if difficulty is not None:
            persona = at_difficulty(persona, difficulty)
        thread_id = thread_id or uuid.uuid4().hex[:12]
        if self.graph.get_state(self._config(thread_id)).values:
            raise CallError(f"call '{thread_id}' already exists; resume it or pick another id")
        self.graph.invoke(
            {"persona": persona.model_dump(mode="json"), "thread_id": thread_id, "transcript": []},
            self._config(thread_id),
            context=self.context,
        )
        return self.view(thread_id)

    def say(self, thread_id: str, text: str) -> CallView:
        """Play one trainee line and return the call with the customer's reply."""
        text = (text or "").strip()
        if not text:
            raise CallError("the line is empty: type what you would say to the customer")
        limit = self.settings.max_message_chars
        if len(text) > limit:
            raise CallError(f"the line has {len(text)} characters; the limit is {limit}. Say it in shorter turns")
        if text == END_CALL:
            return self.end(thread_id)
        return self._resume(thread_id, text)

    def end(self, thread_id: str) -> CallView:
        """The trainee hangs up."""
        return self._resume(thread_id, END_CALL)

    def _resume(self, thread_id: str, value: str) -> CallView:
        config = self._config(thread_id)
        snapshot = self.graph.get_state(config)
        if not snapshot.values:
            raise CallError(f"no call with id '{thread_id}'. Start one, or list calls with `salesim calls`")
        if snapshot.next != ("trainee",):
            raise CallError(f"call '{thread_id}' has ended; start a new call to practise again")
        self.graph.invoke(Command(resume=value), config, context=self.context)
        return self.view(thread_id)

    def view(self, thread_id: str) -> CallView:
        """The call as it stands now."""
        snapshot = self.graph.get_state(self._config(thread_id))
        values = snapshot.values
        if not values:
            raise CallError(f"no call with id '{thread_id}'")
        persona = values["persona"]
        customer = CustomerState.model_validate(values["customer"])
        return CallView(
            thread_id=thread_id,
            persona=persona["id"],
            language=persona["language"],
            direction=persona["direction"],
            title=persona["title"],
            difficulty=persona.get("difficulty", "normal"),
            transcript=values.get("transcript", []),
            finished=not snapshot.next,
            outcome=customer.outcome,
            ended_by=customer.ended_by,
            milestones=customer.milestones,
            mood=customer.mood,
            scorecard=values.get("scorecard"),
        )

    def coached_scorecard(self, thread_id: str, client: LLMClient) -> dict | None:
        """A finished call's scorecard with its better lines and a coach's summary worded by the model, for the
        persona as played; the labels and scores stay the grader's. None while the call goes on."""
        snapshot = self.graph.get_state(self._config(thread_id))
        card = snapshot.values.get("scorecard") if snapshot.values else None
        if snapshot.next or not card:
            return None
        played = Persona.model_validate(snapshot.values["persona"])
        return coach(Scorecard.model_validate(card), client, played).model_dump(mode="json")

    def thread_ids(self) -> list[str]:
        """Every call in the store, newest first."""
        rows = self._conn.execute(
            "SELECT thread_id, MAX(rowid) FROM checkpoints GROUP BY thread_id ORDER BY MAX(rowid) DESC"
        ).fetchall()
        return [row[0] for row in rows]
