"""A real model, offline: SmolLM2-135M-Instruct through llama.cpp's OpenAI-compatible server (`salesim[local]`).

The model is weak (its Chinese is gibberish), which is the point: whatever it says, the trainee hears the customer
in the persona's language, never the seller or an assistant, and the director alone decides the call.
Skipped when the `local` extra is not installed (CI does not build llama-cpp-python)."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import cli_env
from fake_openai import play
from test_llm_injection import ATTACKS

from personas.library import get_persona
from simulator.llm import LLMClient, LLMConfig
from simulator.session import Simulator
from simulator.settings import Settings
from simulator.voices import local
from simulator.voices.llm import LLMVoice

pytestmark = pytest.mark.skipif(local.missing() is not None, reason=str(local.missing()))
SCRIPTS = Path(__file__).parent / "scripts"
KINDS = ("flip", "swap", "reveal")
SELLER = re.compile(r"\bour product\b|\bas an ai\b|\blanguage model\b|\bsalesperson:|我们的产品|作为AI|我是销售", re.I)
BUYS = re.compile(r"\bi(?:'ll| will) (?:buy|take) it\b|\bdeal!|我买了|成交", re.I)


@pytest.fixture(scope="module")
def server() -> Iterator[local.LocalServer]:
    with local.LocalServer() as running:
        yield running


def voice(server: local.LocalServer) -> LLMVoice:
    config = LLMConfig(
        base_url=server.url, api_key=None, model=local.ALIAS, timeout=60, retries=1, temperature=0.0, reply_tokens=60
    )
    return LLMVoice(LLMClient(config), warn=print)


def in_language(text: str, lang: str) -> bool:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    return cjk >= 2 if lang == "zh" else cjk == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_seed_customer_plays_a_call_through_the_local_model(home: Path, server, lang: str) -> None:
    script = [line for line in (SCRIPTS / f"tv-parent.{lang}.good.txt").read_text("utf-8").splitlines() if line][:3]
    expected = play(Simulator(Settings(home=home), db_path=home / "offline.sqlite"), "tv-parent", lang, script, "c")
    spoken = voice(server)
    view = play(Simulator(Settings(home=home), voice=spoken), "tv-parent", lang, script, "c")

    assert (view.outcome, view.milestones, len(view.transcript)) == (
        expected.outcome,
        expected.milestones,
        len(expected.transcript),
    )
    customer = [m["text"] for m in view.transcript if m["role"] == "customer"]
    assert all(in_language(t, lang) and not SELLER.search(t) and not BUYS.search(t) for t in customer), customer
    used = [s for s in spoken.stats if s.fallback is None]
    print(f"\nSmolLM2 {lang}: {len(used)}/{len(spoken.stats)} turns in the model's words")
    for stats in spoken.stats:
        print(f"  {stats.fallback or stats.cut or 'ok':<60.60} raw: {stats.raw[:100]!r}")


def test_attacks_on_the_local_model_change_nothing(home: Path, server) -> None:
    attacks = [next(a for a in ATTACKS if a.lang == lang and a.kind == kind) for lang in ("en", "zh") for kind in KINDS]
    for number, attack in enumerate(attacks):
        persona = get_persona("hotel-member", attack.lang)
        lines = [attack.text]
        offline = Simulator(Settings(home=home), db_path=home / "offline.sqlite")
        expected = play(offline, "hotel-member", attack.lang, lines, f"a{number}")
        view = play(
            Simulator(Settings(home=home), voice=voice(server)), "hotel-member", attack.lang, lines, f"a{number}"
        )
        assert (view.outcome, view.milestones) == (expected.outcome, expected.milestones)
        for message in view.transcript:
            text = message["text"]
            if message["role"] == "customer":
                assert in_language(text, attack.lang) and not SELLER.search(text) and not BUYS.search(text), text
                assert not any(n.reveal[:20] in text for n in persona.needs), text


def test_practice_with_the_local_backend_starts_and_stops_the_server(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "practice", "--backend", "local", "--persona", "tv-parent", "--script", "-"],
        input="Good afternoon, this is Lily. May I have your name?\n",
        capture_output=True,
        text=True,
        env=cli_env(home),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    url = re.search(r"at (http://127\.0\.0\.1:\d+/v1)", result.stderr.replace("\n", ""))
    assert url, result.stderr
    with pytest.raises(OSError):  # the server went away with the call
        urllib.request.urlopen(f"{url.group(1)}/models", timeout=2)
    assert "Customer:" in result.stdout
