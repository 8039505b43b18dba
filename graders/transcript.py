"""The transcript format the grader reads (what `salesim practice --json` writes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graders.text import MAX_TURN_CHARS, detect_language


class Turn(BaseModel):
    """One line of a call."""

    model_config = ConfigDict(extra="ignore")

    role: Literal["trainee", "customer"]
    text: str = Field(max_length=MAX_TURN_CHARS)
    at: str | None = Field(default=None, description="ISO 8601 time the line was said, if known.")


class Transcript(BaseModel):
    """A call to grade: its turns, and what is known about it."""

    model_config = ConfigDict(extra="ignore")

    turns: list[Turn] = Field(min_length=1)
    language: Literal["en", "zh"] | None = None
    direction: Literal["inbound", "outbound"] | None = None
    persona: str | None = Field(default=None, description="Persona id, to grade against its profile.")

    @property
    def lang(self) -> str:
        """The declared language, or the one the trainee's words are in."""
        return self.language or detect_language(" ".join(t.text for t in self.turns[:6]))

    @property
    def call_direction(self) -> str:
        """Declared direction; otherwise inbound when the customer speaks first."""
        return self.direction or ("inbound" if self.turns[0].role == "customer" else "outbound")


class TranscriptError(ValueError):
    """A transcript that cannot be read; names the file, the line and the problem."""

    def __init__(self, file: str, line: int | None, problem: str):
        self.file, self.line, self.problem = file, line, problem
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class LoadedTranscript:
    """A transcript and where it came from."""

    transcript: Transcript
    file: str
    line: int | None


def _problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the object"
    return f'{where}: {first["msg"]} (expected {{"turns": [{{"role", "text", "at"?}}], ...}})'


def parse_transcript(data: object, file: str = "<input>", line: int | None = None) -> Transcript:
    """Validate one decoded transcript object."""
    if not isinstance(data, dict):
        raise TranscriptError(file, line, "expected a JSON object with a 'turns' list")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(file, line, _problem(exc)) from None


def read_transcripts(path: Path) -> Iterator[LoadedTranscript | TranscriptError]:
    """Every transcript in a JSON or JSON Lines file; a bad one is yielded as its error, the rest still come."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield TranscriptError(name, None, f"cannot read the file: {exc}")
        return
    stripped = text.strip()
    if not stripped:
        yield TranscriptError(name, None, "the file is empty")
        return
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    if whole is not None:
        try:
            yield LoadedTranscript(parse_transcript(whole, name), name, None)
        except TranscriptError as exc:
            yield exc
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield TranscriptError(name, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield LoadedTranscript(parse_transcript(data, name, number), name, number)
        except TranscriptError as exc:
            yield exc
