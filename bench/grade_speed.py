"""Grading speed: one 30-turn call (15 trainee turns), labels computed cold (caches cleared before each call).

Run it on one core: taskset -c 0 python bench/grade_speed.py

python bench/grade_speed.py --calls 300
"""

from __future__ import annotations

import argparse
import statistics
import time

from graders.labeler import clear_caches
from graders.scorecard import grade
from graders.transcript import Transcript
from personas.library import get_persona

TRAINEE = [
    "Good afternoon, this is Lily from the order line. May I have your name?",
    "Which grade is your son in, and how is he doing in English?",
    "How does he study English at home at the moment?",
    "If his English stays where it is, how will that affect the entrance exam?",
    "If he could practise speaking every day, how much would that help him?",
    "So English is the weak subject and the exam is close, is that right?",
    "It has 3,000 recorded dialogues and a coach that scores his pronunciation.",
    "So unlike rote learning, he actually speaks, which means your son can catch up before the exam.",
    "Over 20,000 families use it, and you have 30 days to return it.",
    "It's 1,280 yuan, or three instalments of 427.",
    "I understand; a tutor costs that in a month, and this is there every evening.",
    "Shall I place the order and have it delivered on Thursday morning?",
    "Which phone number and address should the courier use?",
    "So that's one device, delivered Thursday morning to your address, right?",
    "Thank you, Mr. Zhou, goodbye.",
]
CUSTOMER = "Hm, I see. Tell me more about it, I'm listening."


def _call(n: int) -> Transcript:
    turns = []
    for line in TRAINEE:
        turns += [{"role": "customer", "text": CUSTOMER}, {"role": "trainee", "text": f"{line} ({n})"}]
    return Transcript.model_validate({"turns": turns, "persona": "tv-parent"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    persona = get_persona("tv-parent", "en")
    calls = [_call(n) for n in range(args.calls)]  # distinct text per call: nothing is served from a cache
    grade(calls[0], persona)  # load the tokenizer and compile patterns once, as a running server would
    for with_persona in (False, True):
        times = []
        for call in calls:
            clear_caches()  # every call is graded cold: no sentence is served from an earlier call's reading
            start = time.perf_counter()
            grade(call, persona if with_persona else None)
            times.append((time.perf_counter() - start) * 1000)
        total = sum(times) / 1000
        times.sort()
        print(
            f"{'with persona (milestones replayed)' if with_persona else 'transcript only':36s} "
            f"turns/call: {len(calls[0].turns)}  p50: {statistics.median(times):.2f} ms  "
            f"p95: {times[int(0.95 * (len(times) - 1))]:.2f} ms  throughput: {len(calls) / total:.0f} calls/s"
        )


if __name__ == "__main__":
    main()
