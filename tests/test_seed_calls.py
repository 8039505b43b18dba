"""Every seed customer, in both languages, rewards skill and punishes a pitch, a price-first call and rudeness.

Good scripts are in tests/scripts/ (written from each persona's public fact sheet and the seed method)."""

from __future__ import annotations

from pathlib import Path

import pytest

from personas.library import get_persona
from simulator.session import CallView, Simulator

SCRIPTS = Path(__file__).parent / "scripts"
PERSONAS = [(p, lang) for p in ("tv-parent", "hotel-member", "price-objector") for lang in ("en", "zh")]

BAD = {
    "dump": {
        "en": [
            "Hello, I'm calling about our product.",
            "It has dozens of features, it comes with a premium package, it includes free delivery and a warranty.",
            "It is faster, better and more advanced than anything else on the market, with 3,000 options.",
            "It costs only a little per month and we offer instalments and a discount.",
            "Shall I place the order for you now?",
            "It also includes a bonus pack and comes in three colours.",
            "Shall I place the order for you now?",
        ],
        "zh": [
            "您好,我给您介绍一下我们的产品。",
            "我们的产品有几十种功能,包含高级套餐,免费送货,还有保修。",
            "它比市面上所有同类产品都更快更好,内置3000种模式。",
            "价格很优惠,可以分期,还有折扣。",
            "我现在就帮您下单吧?",
            "还赠送大礼包,有三种颜色可选。",
            "我现在就帮您下单吧?",
        ],
    },
    "pricefirst": {
        "en": [
            "Hello. The price is 1,880 yuan.",
            "Shall I place the order for you?",
            "It's only 1,880 yuan, shall I book it?",
            "Do you want to order today?",
            "Shall I place the order for you?",
        ],
        "zh": [
            "您好,价格是1880元。",
            "我现在就帮您下单吧?",
            "只要1880元,要不要订?",
            "今天就订吧?",
            "我现在就帮您下单吧?",
        ],
    },
    "rude": {
        "en": [
            "Listen to me, just buy it.",
            "Are you deaf? Don't waste my time.",
            "Just buy it now, you idiot.",
            "Whatever, just sign.",
        ],
        "zh": ["你懂什么,赶紧买!", "别浪费我的时间,赶紧下单!", "爱买不买,笨!", "你懂个屁,快点决定!"],
    },
}


def play(sim: Simulator, persona: str, lang: str, lines: list[str]) -> CallView:
    view = sim.start(persona, lang)
    for line in lines:
        if view.finished:
            break
        view = sim.say(view.thread_id, line)
    return view if view.finished else sim.end(view.thread_id)


def good_lines(persona: str, lang: str) -> list[str]:
    text = (SCRIPTS / f"{persona}.{lang}.good.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("persona", "lang"), PERSONAS)
def test_a_skilled_call_wins_the_customer(sim: Simulator, persona: str, lang: str) -> None:
    view = play(sim, persona, lang, good_lines(persona, lang))
    assert view.outcome in {"deal", "intention"}, view.transcript[-4:]
    assert view.milestones[:2] == ["need_with_motive", "product_accepted"]
    assert view.scorecard is not None and view.scorecard["milestones"]["reached"] == view.milestones


@pytest.mark.parametrize(("persona", "lang"), PERSONAS)
@pytest.mark.parametrize("kind", ["dump", "pricefirst"])
def test_a_feature_dump_or_price_first_call_loses_the_customer(
    sim: Simulator, persona: str, lang: str, kind: str
) -> None:
    view = play(sim, persona, lang, BAD[kind][lang])
    assert view.outcome not in {"deal", "intention"}
    assert "need_with_motive" not in view.milestones


@pytest.mark.parametrize(("persona", "lang"), PERSONAS)
def test_a_rude_caller_gets_hung_up_on(sim: Simulator, persona: str, lang: str) -> None:
    view = play(sim, persona, lang, BAD["rude"][lang])
    assert view.ended_by == "customer_hung_up"
    assert view.outcome == "refusal"


@pytest.mark.parametrize(("persona", "lang"), PERSONAS)
def test_inbound_customers_speak_first_and_outbound_wait(sim: Simulator, persona: str, lang: str) -> None:
    view = sim.start(persona, lang)
    expected = get_persona(persona, lang).opening_line
    if expected:
        assert view.transcript[0] == {**view.transcript[0], "role": "customer", "text": expected}
    else:
        assert view.transcript == []


def test_the_customer_says_the_same_thing_when_a_call_is_replayed(sim: Simulator) -> None:
    lines = good_lines("hotel-member", "en")
    first = play(sim, "hotel-member", "en", lines)
    second = play(sim, "hotel-member", "en", lines)
    assert [m["text"] for m in first.transcript] != [] and first.outcome == second.outcome
    assert [m["role"] for m in first.transcript] == [m["role"] for m in second.transcript]
