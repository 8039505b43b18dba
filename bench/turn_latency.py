"""Offline turn latency through the real call graph with the SQLite checkpointer.

    python bench/turn_latency.py --turns 300

Plays scripted trainee lines against every seed persona (starting a new call when one ends) and prints
p50/p95/max of the time from `say()` to the customer's reply being checkpointed.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from simulator.session import Simulator
from simulator.settings import Settings

LINES = {
    "en": [
        "Good morning, this is Anna. May I have your name?",
        "How do you handle this at the moment, and what is the hardest part?",
        "If that carries on, how will it affect you in the next few months?",
        "If that were solved, how much would it help you?",
        "So the main thing is getting it solved soon, right?",
        "It comes with a full guarantee, so you can try it without risk.",
        "Shall we book it for Thursday at 10?",
    ],
    "zh": [
        "您好,我是小王,请问怎么称呼您?",
        "您现在是怎么处理的?最头疼的是哪一点?",
        "如果一直这样下去,会对您有什么影响?",
        "如果这个问题解决了,对您帮助大吗?",
        "也就是说,您最希望尽快解决,对吧?",
        "我们有三十天无理由退款,您可以放心试用。",
        "那我给您安排周四上午10点,可以吗?",
    ],
}
PERSONAS = [("tv-parent", "en"), ("hotel-member", "zh"), ("price-objector", "en"), ("tv-parent", "zh")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        sim = Simulator(Settings(home=Path(home), max_turns=7))
        timings: list[float] = []
        personas = itertools.cycle(PERSONAS)
        view = None
        while len(timings) < args.turns:
            if view is None or view.finished:
                persona, lang = next(personas)
                view = sim.start(persona, lang)
                lines = itertools.cycle(LINES[lang])
            start = time.perf_counter()
            view = sim.say(view.thread_id, next(lines))
            timings.append((time.perf_counter() - start) * 1000)
        sim.close()
        db_kib = (Path(home) / "calls.sqlite").stat().st_size // 1024
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"turns: {len(timings)}  p50: {statistics.median(timings):.2f} ms  p95: {p95:.2f} ms  "
        f"max: {timings[-1]:.2f} ms  (SQLite checkpointer, offline voice; db {db_kib} KiB)"
    )


if __name__ == "__main__":
    main()
