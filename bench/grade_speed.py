"""Grading speed: one 30-turn call (15 trainee turns), in English and in Chinese, labels computed cold (caches
cleared before each call).

Run it on one core: taskset -c 0 python bench/grade_speed.py

python bench/grade_speed.py --calls 300
python bench/grade_speed.py --turns 600 --calls 20   # a long call: the trainee lines again, each turn distinct
"""

from __future__ import annotations

import argparse
import statistics
import time

from graders.labeler import clear_caches
from graders.scorecard import grade
from graders.transcript import Transcript
from personas.library import get_persona

TRAINEE_EN = [
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
TRAINEE_ZH = [
    "您好，我是学习机热线的小李，请问怎么称呼您？",
    "您孩子今年上初几了？英语成绩怎么样？",
    "他平时在家是怎么学英语的？",
    "最头痛的是哪一块，听力还是口语？",
    "如果英语一直上不去，对中考会有多大影响？",
    "如果每天能练半小时口语，对他帮助大吗？",
    "所以英语是弱项，中考也快了，对吧？",
    "这台学习机收录了三千段真人对话，还有发音打分。",
    "跟死记硬背不一样，他是真的开口说，这样您孩子中考前就能赶上来。",
    "两万多个家庭在用，三十天内不满意可以退。",
    "价格是一千二百八，也可以分三期。",
    "我理解，一个家教一个月就这个价，这个每天晚上都在。",
    "那我帮您下单，周四上午送到可以吗？",
    "快递送到哪个地址，打哪个电话比较方便？",
    "好的，周四上午送一台到您家，对吧？谢谢您，再见。",
]
CALLS = {
    "en": (TRAINEE_EN, "Hm, I see. Tell me more about it, I'm listening."),
    "zh": (TRAINEE_ZH, "嗯，我知道了，你接着说。"),
}


def _call(n: int, language: str = "en", turns_in_call: int = 30) -> Transcript:
    trainee, customer = CALLS[language]
    turns = []
    for i in range(turns_in_call // 2):
        line = trainee[i % len(trainee)] + (f" ({n}.{i})" if i >= len(trainee) else f" ({n})")
        turns += [{"role": "customer", "text": customer}, {"role": "trainee", "text": line}]
    return Transcript.model_validate({"turns": turns, "persona": "tv-parent"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--turns", type=int, default=30, help="turns per call, half of them the trainee's")
    args = parser.parse_args()
    for language in CALLS:
        persona = get_persona("tv-parent", language)
        # distinct text per call: nothing is served from a cache
        calls = [_call(n, language, args.turns) for n in range(args.calls)]
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
            case = "with persona (milestones replayed)" if with_persona else "transcript only"
            print(
                f"{language}  {case:36s} turns/call: {len(calls[0].turns)}  p50: {statistics.median(times):.2f} ms  "
                f"p95: {times[int(0.95 * (len(times) - 1))]:.2f} ms  throughput: {len(calls) / total:.0f} calls/s"
            )


if __name__ == "__main__":
    main()
