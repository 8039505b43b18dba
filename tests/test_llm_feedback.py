"""LLM-assisted feedback: a model may word the scorecard's better lines and a coach's summary, through structured
output that pydantic validates; the labels, findings and score stay the deterministic grader's."""

from __future__ import annotations

import json

import pytest
from fake_openai import SUMMARY, FakeOpenAI, Step, coach_json

from graders.feedback import CoachNotes, coach
from graders.scorecard import Scorecard, grade
from graders.transcript import Transcript, Turn
from personas.library import get_persona
from simulator.llm import LLMClient, LLMConfig

CALL = [
    ("customer", "Hello, that English-learning machine on TV, how much is it?"),
    ("trainee", "It has 3,000 dialogues and a speaking coach. It costs 1,280 yuan."),
    ("customer", "1,280? That's a lot for a gadget. Why is it so expensive?"),
    ("trainee", "Shall I place the order for you now?"),
    ("customer", "I'm not ready to buy anything yet."),
]


@pytest.fixture
def card() -> Scorecard:
    persona = get_persona("tv-parent", "en")
    turns = [Turn(role=r, text=t, at=f"2026-01-01T00:00:0{i}Z") for i, (r, t) in enumerate(CALL)]
    return grade(Transcript(turns=turns, persona="tv-parent"), persona)


def client(server: FakeOpenAI, retries: int = 1) -> LLMClient:
    return LLMClient(
        LLMConfig(base_url=server.url, api_key=None, model="fake-model", timeout=5, retries=retries, backoff=0.01)
    )


def test_the_model_words_the_better_lines_and_summary_but_the_grades_stay(card: Scorecard) -> None:
    with FakeOpenAI(coach_json) as server:
        coached = coach(card, client(server), get_persona("tv-parent", "en"))
        request = server.requests[0]
    assert coached.wording == "llm" and coached.coach_summary == SUMMARY
    misses = [f for f in coached.findings if f.kind == "miss"]
    assert misses and all(f.better_line.startswith(f"Model line for {f.code}") for f in misses)
    same = {"findings", "coach_summary", "wording"}
    assert coached.model_dump(exclude=same) == card.model_dump(exclude={"findings"})  # labels and scores untouched
    assert [f.model_dump(exclude={"better_line"}) for f in coached.findings] == [
        f.model_dump(exclude={"better_line"}) for f in card.findings
    ]
    schema = request["response_format"]
    assert schema["type"] == "json_schema" and schema["json_schema"]["schema"] == CoachNotes.model_json_schema()


@pytest.mark.parametrize(
    "reply",
    [
        "this is not JSON at all",
        json.dumps({"summary": "x" * 700, "better_lines": []}),  # longer than the bound
        json.dumps({"summary": SUMMARY, "better_lines": [], "score": 100}),  # a field the model may not write
    ],
)
def test_a_reply_that_fails_validation_leaves_the_rules_wording(card: Scorecard, reply: str) -> None:
    with FakeOpenAI(lambda request: reply) as server:
        coached = coach(card, client(server), get_persona("tv-parent", "en"))
        assert len(server.requests) == 2  # retried once, then given up
    assert coached.wording == "rules" and coached.coach_summary is None
    assert coached.model_dump(exclude={"coach_summary", "wording"}) == card.model_dump()


def test_lines_for_unknown_misses_or_in_the_wrong_language_are_dropped(card: Scorecard) -> None:
    codes = [f.code for f in card.findings if f.kind == "miss"]
    lines = [
        {"code": "made_up_code", "line": "Buy it now!"},
        {"code": codes[0], "line": "请问您的孩子现在是怎么学英语的?"},
        {"code": codes[1], "line": "How does your son practise at home at the moment?"},
    ]
    with FakeOpenAI(
        lambda request: json.dumps({"summary": "你这通电话做得不错,下次先多问几个问题。", "better_lines": lines})
    ) as server:
        coached = coach(card, client(server), get_persona("tv-parent", "en"))
    by_code = {f.code: f.better_line for f in coached.findings}
    assert by_code[codes[1]] == "How does your son practise at home at the moment?"
    assert by_code[codes[0]] == next(f.better_line for f in card.findings if f.code == codes[0])
    assert coached.coach_summary is None  # Chinese summary for an English call


def test_a_server_without_json_schema_support_gets_json_mode(card: Scorecard) -> None:
    with FakeOpenAI(coach_json) as server:
        server.script(Step(status=400))
        coached = coach(card, client(server), get_persona("tv-parent", "en"))
        formats = [r["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object"] and coached.wording == "llm"


def test_without_a_model_or_when_it_fails_the_scorecard_is_the_graders(card: Scorecard) -> None:
    assert coach(card, None).model_dump(exclude={"coach_summary", "wording"}) == card.model_dump()
    with FakeOpenAI(coach_json) as server:
        server.script(*[Step(status=500)] * 2)
        assert coach(card, client(server)).wording == "rules"
