"""Written Cantonese is read through its Mandarin equivalents, and Mandarin is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graders.labeler import label_turn
from graders.text import is_written_cantonese, normalise
from personas.library import get_persona
from simulator.director import decide, opening

BUILTIN = Path(__file__).parent.parent / "personas" / "builtin"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def test_mandarin_lines_of_every_chinese_persona_are_left_as_they_are() -> None:
    lines = [
        text
        for path in sorted(BUILTIN.glob("*.zh.yaml"))
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if any("\u4e00" <= ch <= "\u9fff" for ch in text)
    ]
    assert len(lines) > 300
    assert [line for line in lines if is_written_cantonese(line)] == []


@pytest.mark.parametrize(
    ("cantonese_text", "mandarin"),
    [
        ("你哋而家用緊邊個系統？", "你们现在用紧哪个系统?"),
        ("有冇小朋友一齊影？", "有没有小朋友一齐影?"),
        ("點解會想影呢？", "为什么会想影呢?"),
        ("佢哋嘅關係好好。", "他们的关系好好."),  # 關係 stays a word, 係 alone is "to be"
        ("呢個套餐幾多錢？", "这个套餐多少钱?"),
        ("你食咗飯未？", "你食了饭没有?"),
    ],
)
def test_cantonese_function_words_become_mandarin(cantonese_text: str, mandarin: str) -> None:
    assert normalise(cantonese_text) == mandarin


# Typed in a chat box, a question often has no question mark: only its question words say it asks.
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("你哋而家一個月大概做幾多單", "situation"),
        ("咁你哋平時邊個負責睇數", "situation"),
        ("用開嗰個牌子有冇咩唔滿意", "problem"),
        ("啲師傅有冇試過遲到", "problem"),
        ("咁樣落去你哋盤生意會唔會受影響", "implication"),
        ("如果可以一個禮拜就搞掂，對你嚟講係咪輕鬆好多", "need_payoff"),
        ("如果唔使再自己執數，你會唔會有多啲時間陪屋企人", "need_payoff"),
    ],
)
def test_a_cantonese_question_gets_its_spin_kind(line: str, kind: str) -> None:
    assert label_turn(line).spin == {kind}


def test_a_cantonese_read_back_closed_by_hai_mai_is_a_summary() -> None:
    labels = label_turn("我總結下：你哋有三間舖，下個月開新分店，最擔心係人手唔夠，係咪？")
    assert "summarize" in labels.close


def test_a_customer_answers_discovery_asked_in_cantonese() -> None:
    """The tv-parent customer (a Mandarin persona) hears a Cantonese trainee's questions as questions: the need, the
    way he studies and the exam that makes it urgent all come out, as they do for the same questions in Mandarin."""
    persona = get_persona("tv-parent", "zh")
    state, _ = opening(persona)
    said: list[str] = []
    for line in [
        "周生，你個仔而家讀幾年級，英文成績點樣",
        "佢平時喺屋企係點樣學英文嘅",
        "如果英文一直跟唔上，對佢中考會有幾大影響",
    ]:
        decision = decide(persona, state, line, said)
        assert not any(beat.kind == "clarify" for beat in decision.beats), line  # "sorry, what do you mean?"
        state, said = decision.customer, [*said, line]
    assert set(state.revealed_needs) == {"weak-english", "rote-method"}
    assert state.motive_revealed and "need_with_motive" in state.milestones
