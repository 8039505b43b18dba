"""LLM-assisted wording for a scorecard: better lines for its misses and a short coach's summary, written by a
model through structured output that pydantic validates. Findings, labels and scores stay the deterministic
grader's: the model only words them, so the same transcript always gets the same grades."""

from __future__ import annotations

from string import Template
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from graders.metrics import count_tokens
from graders.scorecard import Finding, Scorecard
from personas.schema import Persona
from simulator.llm import LLMClient, LLMError, load_prompt
from simulator.voices.guards import numbers, wrong_language

LANGUAGE_NAMES = {"en": "English", "zh": "Simplified Chinese"}
TURN_CHARS = 300
MAX_LINES = 30
REPLY_TOKENS = 900
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]


class BetterLine(BaseModel):
    """A line the trainee could have said instead, for one miss."""

    model_config = ConfigDict(extra="forbid")
    code: Annotated[str, StringConstraints(max_length=40)] = Field(description="The miss code, exactly as given.")
    line: Line = Field(description="What the trainee could have said, in the call's language.")


class CoachNotes(BaseModel):
    """Everything the model may write about a call, and nothing else."""

    model_config = ConfigDict(extra="forbid")
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=600)] = Field(
        description="Two to four sentences to the trainee."
    )
    better_lines: list[BetterLine] = Field(default=[], max_length=MAX_LINES)


class CoachedScorecard(Scorecard):
    """A scorecard with the wording of its better lines possibly from a model, and a coach's summary."""

    coach_summary: str | None = Field(default=None, description="A model's short summary for the trainee.")
    wording: Literal["rules", "llm"] = Field(default="rules", description="Who wrote the better lines.")


def coach(card: Scorecard, client: LLMClient | None, persona: Persona | None = None) -> CoachedScorecard:
    """The scorecard with model-written better lines and summary where they pass validation; else as graded."""
    plain = CoachedScorecard(**card.model_dump())
    misses = [f for f in card.findings if f.kind == "miss"]
    if client is None or not card.turns:
        return plain
    messages = _messages(card, persona, client.config.context_tokens)
    try:
        notes = client.structured(messages, CoachNotes, max_tokens=REPLY_TOKENS)
    except LLMError:
        return plain
    allowed = numbers("\n".join(m["content"] for m in messages))
    codes, lines = {f.code for f in misses}, {}
    for item in notes.better_lines:
        if item.code in codes and item.code not in lines and not wrong_language(item.line, card.language):
            lines[item.code] = item.line
    summary = notes.summary
    if wrong_language(summary, card.language) or not numbers(summary) <= allowed:
        summary = None
    if not lines and summary is None:
        return plain
    findings = [_reworded(f, lines.get(f.code)) for f in card.findings]
    return plain.model_copy(update={"findings": findings, "coach_summary": summary, "wording": "llm"})


def _reworded(finding: Finding, line: str | None) -> Finding:
    return finding.model_copy(update={"better_line": line}) if line and finding.kind == "miss" else finding


def _messages(card: Scorecard, persona: Persona | None, context_tokens: int) -> list[dict]:
    language = LANGUAGE_NAMES.get(card.language, card.language)
    system = Template(load_prompt("feedback.md")).substitute(language=language)
    misses = list({f.code: f for f in card.findings if f.kind == "miss"}.values())[:MAX_LINES]
    strengths = [f for f in card.findings if f.kind == "strength"]
    turns = [f"[{t.index}] {t.role}: {_clip(t.text)}" for t in card.turns]
    values = {
        "title": persona.title if persona else card.persona or "unknown persona",
        "direction": card.direction,
        "language": language,
        "product": persona.fact_sheet.product if persona else "unknown",
        "price": persona.fact_sheet.price if persona else "unknown",
        "outcome": card.milestones.outcome or "unknown",
        "milestones": ", ".join(card.milestones.reached) or "none",
        "score": card.score,
        "strengths": "\n".join(f"- {f.message}" for f in strengths) or "- none",
        "misses": "\n".join(f"- {f.code}: {f.message} {f.turns} - {f.better_line or ''}" for f in misses) or "- none",
    }
    template = Template(load_prompt("feedback_call.md"))
    frame = count_tokens(system) + count_tokens(template.substitute(values, transcript=""))
    budget = context_tokens - REPLY_TOKENS - frame
    while turns and sum(count_tokens(t) + 1 for t in turns) > budget:
        turns.pop(0)  # the end of a call says more about the close than its greeting does
    user = template.substitute(values, transcript="\n".join(turns))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _clip(text: str) -> str:
    return text if len(text) <= TURN_CHARS else text[: TURN_CHARS - 1] + "…"
