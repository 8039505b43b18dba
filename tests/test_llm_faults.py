"""A model server that is slow, rate-limited, failing, down or talking nonsense: every fault is retried with
backoff, then the turn falls back to the persona's own line, the call goes on and no turn is lost. What people
are told says what to fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, Step, llm_voice, play, quoted_move, request_for

from simulator.llm import LLMClient, LLMConfig, LLMError
from simulator.session import Simulator
from simulator.settings import Settings
from simulator.voices.local import free_port

LINES = [
    "Good morning, this is Anna from the hotel's customer service centre. Is this Mr. Lin?",
    "Could I ask which of our services you were most satisfied with, and what could be better?",
    "Roughly how much do you spend with us in a year?",
    "Thank you, goodbye.",
]
ONE_OFF_FAULTS = {
    "slow": Step(delay=3),
    "rate limited": Step(status=429, headers={"retry-after": "0.05"}),
    "server error": Step(status=503),
    "garbage": Step(garbage=True),
    "empty reply": Step(reply=""),
    "dropped connection": Step(drop=True),
}


@pytest.fixture
def server():
    with FakeOpenAI(quoted_move) as fake:
        yield fake


def client(url: str, **config: object) -> LLMClient:
    settings = {"timeout": 0.5, "retries": 2, "backoff": 0.01, **config}
    return LLMClient(LLMConfig(base_url=url, api_key=None, model="fake-model", **settings))  # type: ignore[arg-type]


@pytest.mark.parametrize("fault", list(ONE_OFF_FAULTS))
def test_a_fault_that_passes_is_retried_and_the_model_still_answers(server: FakeOpenAI, fault: str) -> None:
    server.script(ONE_OFF_FAULTS[fault])
    reply = client(server.url).stream([{"role": "user", "content": "Hello?"}])
    assert "".join(reply) == "Well, "  # quoted_move with no move: the model's own words came through
    assert reply.attempts == 2 and len(server.requests) == 2


@pytest.mark.parametrize("fault", ["slow", "rate limited", "server error", "garbage", "empty reply"])
def test_a_fault_that_persists_costs_one_turn_its_model_line_and_nothing_else(
    home: Path, server: FakeOpenAI, fault: str
) -> None:
    offline = Simulator(Settings(home=home), db_path=home / "offline.sqlite")
    expected = play(offline, "hotel-member", "en", LINES, "call-1")
    warnings: list[str] = []
    voice = llm_voice(server.url, warnings, timeout=0.5)
    sim = Simulator(Settings(home=home), voice=voice)
    view = sim.say(sim.start("hotel-member", "en", "call-1").thread_id, LINES[0])
    server.script(*[ONE_OFF_FAULTS[fault]] * 3)  # the first try and both retries
    for line in LINES[1:]:
        view = sim.say(view.thread_id, line) if not view.finished else view

    customer = [m["text"] for m in view.transcript if m["role"] == "customer"]
    offline = [m["text"] for m in expected.transcript if m["role"] == "customer"]
    assert [m["role"] for m in view.transcript] == [m["role"] for m in expected.transcript]
    assert customer[1] == offline[1]  # the failed turn: the persona's own line
    assert customer[0].startswith("Well, ") and customer[2].startswith("Well, ")  # the model before and after
    assert view.outcome == expected.outcome
    assert len(warnings) == 1 and "This turn uses the persona's own line" in warnings[0]
    assert voice.stats[1].attempts == 3


def test_a_server_that_is_down_leaves_the_call_offline_and_says_what_to_set(home: Path) -> None:
    warnings: list[str] = []
    voice = llm_voice(f"http://127.0.0.1:{free_port()}/v1", warnings)
    started = time.monotonic()
    view = play(Simulator(Settings(home=home), voice=voice), "tv-parent", "en", LINES, "call-1")
    expected = play(Simulator(Settings(home=home), db_path=home / "offline.sqlite"), "tv-parent", "en", LINES, "call-1")
    assert [m["text"] for m in view.transcript] == [m["text"] for m in expected.transcript]
    assert any("set OPENAI_BASE_URL" in w for w in warnings)
    attempts = [s.attempts for s in voice.stats]
    assert attempts[:2] == [3, 3] and set(attempts[2:]) == {0}
    assert time.monotonic() - started < 20  # after two failed turns the voice stops waiting for the server


def test_a_stream_that_breaks_midway_keeps_what_was_said(server: FakeOpenAI) -> None:
    fine = "Hmm, I'm really not sure about that one, honestly, I never thought about it much."
    server.responder = lambda request: fine + " And the other thing is that"
    server.script(Step(stall_after=len(fine.split()) + 2, delay=3))
    warnings: list[str] = []
    voice = llm_voice(server.url, warnings, timeout=0.5)
    text = "".join(voice.speak(request_for("tv-parent", "en", [("answer_vague", None)])))
    assert text.strip() == fine
    assert len(server.requests) == 1 and warnings and "did not answer within" in warnings[0]


@pytest.mark.parametrize(
    ("status", "advice"), [(401, "set OPENAI_API_KEY"), (403, "set OPENAI_API_KEY"), (404, "--model")]
)
def test_a_wrong_key_or_model_is_not_retried_and_the_error_says_what_to_fix(
    server: FakeOpenAI, status: int, advice: str
) -> None:
    server.script(Step(status=status))
    with pytest.raises(LLMError, match=advice.replace("-", r"\-")):
        "".join(client(server.url).stream([{"role": "user", "content": "Hello?"}]))
    assert len(server.requests) == 1


def test_retries_back_off_and_honour_retry_after(server: FakeOpenAI) -> None:
    server.script(Step(status=429, headers={"retry-after": "0.4"}), Step(status=500))
    started = time.monotonic()
    assert "".join(client(server.url, backoff=0.05).stream([{"role": "user", "content": "Hi"}])) == "Well, "
    assert 0.4 + 0.1 <= time.monotonic() - started < 5
