"""`salesim practice --backend llm --model NAME`, as a trainee runs it: a real process, a real HTTP server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env
from fake_openai import FakeOpenAI, coach_json, quoted_move

from graders.scorecard import grade
from graders.transcript import Transcript
from personas.library import get_persona
from simulator.voices.local import free_port

LINES = """Good afternoon, LinguaPal order line, this is Lily. May I have your name?
Mr. Zhou, which grade is your son in, and how is he doing in English?
How does he study English at the moment?
Thank you, goodbye.
"""


def practice(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in cli_env(home).items() if not k.startswith(("OPENAI_", "SALESIM_LLM", "SALESIM_BACKEND"))}
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", "practice", "--persona", "tv-parent", "--script", "-", *args],
        input=LINES,
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        timeout=120,
    )


def model(request: dict) -> str:
    return coach_json(request) if request.get("response_format") else quoted_move(request)


def test_without_a_key_or_endpoint_the_call_stays_offline_and_says_so_once(home: Path) -> None:
    result = practice(home, "--backend", "llm", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("no LLM configured") == 1 and "OPENAI_BASE_URL" in result.stderr
    record = json.loads(result.stdout)
    assert record["turns"][0]["text"].startswith("Hello, that English-learning machine")  # the persona's own line
    assert "coach_summary" not in record["scorecard"]


def test_the_llm_backend_speaks_through_the_configured_endpoint_and_coaches(home: Path) -> None:
    offline = json.loads(practice(home, "--json").stdout)
    with FakeOpenAI(model) as server:
        result = practice(
            home, "--backend", "llm", "--model", "my-model", "--json", env={"OPENAI_BASE_URL": server.url}
        )
        requests = list(server.requests)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    customer = [t["text"] for t in record["turns"] if t["role"] == "customer"]
    assert all(t.startswith("Well, ") for t in customer)
    assert {r["model"] for r in requests} == {"my-model"}
    assert record["scorecard"]["wording"] == "llm" and record["scorecard"]["coach_summary"]
    regraded = grade(Transcript(turns=record["turns"], persona="tv-parent"), get_persona("tv-parent", "en"))
    assert record["scorecard"]["score"] == regraded.score  # the model words the scorecard; the grader grades it
    assert [f["code"] for f in record["scorecard"]["findings"]] == [f.code for f in regraded.findings]
    assert record["outcome"] == offline["outcome"]


def test_settings_come_from_the_environment_too(home: Path) -> None:
    with FakeOpenAI(model) as server:
        env = {"OPENAI_BASE_URL": server.url, "SALESIM_BACKEND": "llm", "SALESIM_MODEL": "env-model"}
        result = practice(home, "--json", env=env)
        assert result.returncode == 0, result.stderr
        assert {r["model"] for r in server.requests} == {"env-model"}


def test_a_dead_endpoint_does_not_stop_the_call_and_the_note_says_what_to_fix(home: Path) -> None:
    env = {"OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1", "SALESIM_LLM_BACKOFF": "0.01"}
    result = practice(home, "--backend", "llm", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert "cannot reach the model server" in result.stderr and "set OPENAI_BASE_URL" in result.stderr
    assert len(json.loads(result.stdout)["turns"]) == 9  # every turn is there, spoken by the persona
