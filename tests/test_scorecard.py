"""The scorecard tells a trainee the truth about a call and shows the turns behind every finding."""

from __future__ import annotations

import pytest

from graders.render import to_html, to_markdown
from graders.scorecard import grade
from graders.transcript import Transcript
from personas.library import get_persona


def call(*lines: tuple[str, str], **meta: str) -> Transcript:
    return Transcript.model_validate({"turns": [{"role": r, "text": t} for r, t in lines], **meta})


PRICE_FIRST = call(
    ("customer", "Hi, how much is a window, 1.3 by 1.4?"),
    ("trainee", "It's 1,400 yuan."),
    ("customer", "Why so expensive?"),
    ("trainee", "It is a very good window with five chambers."),
    ("customer", "Hm. I'll think about it."),
    ("trainee", "OK, we'll be in touch."),
)


def test_stage_shares_are_measured_three_ways_and_each_sums_to_one() -> None:
    card = grade(
        call(
            ("trainee", "How many windows are there in the flat?"),
            ("customer", "Five, plus a balcony door."),
            ("trainee", "If the draughts carry on this winter, what will that cost you in heating?"),
            ("customer", "A lot, probably."),
            ("trainee", "Shall our measurer come on Saturday at 11?"),
            ("customer", "OK."),
        )
    )
    for shares in (card.stages.by_turns, card.stages.by_tokens, card.stages.by_speaking_time):
        assert sum(shares.values()) == pytest.approx(1.0, abs=0.01)
    # every customer turn counts toward the stage of the trainee turn it answers
    assert card.stages.by_turns == {
        "cognitive": pytest.approx(1 / 3, abs=0.01),
        "divergent": pytest.approx(1 / 3, abs=0.01),
        "convergent": pytest.approx(1 / 3, abs=0.01),
    }
    assert card.stages.ideal_source == "call_type" and card.direction == "outbound"


def test_an_inbound_opening_line_goes_with_the_trainee_turn_that_follows() -> None:
    card = grade(PRICE_FIRST)
    assert card.direction == "inbound"
    assert card.turns[0].stage == card.turns[1].stage == "convergent"


def test_the_ideal_profile_is_the_personas_own_when_it_is_known() -> None:
    persona = get_persona("hotel-member", "en")
    card = grade(call(("trainee", "How often do you stay with us?"), ("customer", "Monthly.")), persona)
    assert card.stages.ideal_source == "persona"
    assert card.stages.ideal == persona.stage_profile.model_dump()


def test_a_price_first_inbound_call_shows_the_seed_003_mistakes_with_their_turns() -> None:
    card = grade(PRICE_FIRST)
    assert card.inbound is not None
    assert card.inbound["mistake_price_too_early"].done
    assert [q.index for q in card.inbound["mistake_price_too_early"].turns] == [1]
    assert card.inbound["mistake_no_contacts"].done
    assert card.inbound["mistake_no_information"].done
    assert not card.inbound["greeted_with_name"].done
    codes = {f.code for f in card.findings if f.kind == "miss"}
    assert {"price_too_early", "no_contacts", "no_situation", "no_commitment"} <= codes


def test_the_close_checks_find_each_move_and_cite_it() -> None:
    card = grade(
        call(
            ("trainee", "So you need five windows done before the tenant moves in, right?"),
            ("customer", "Yes."),
            ("trainee", "Shall I book the free measurement for Saturday at 11?"),
            ("customer", "Fine."),
            ("trainee", "Which phone number should the measurer call?"),
        )
    )
    assert {name: c.done for name, c in card.close.items()} == {
        "summarize": True,
        "ask_commitment": True,
        "next_step": True,
        "contact": True,
    }
    assert card.close["contact"].turns[0].index == 4


def test_every_miss_cites_turns_and_offers_a_better_line_in_the_calls_language() -> None:
    card = grade(call(("customer", "喂,你好。"), ("trainee", "这款学习机1280元,现在就下单吧。")))
    misses = [f for f in card.findings if f.kind == "miss"]
    assert misses and all(f.turns for f in misses)
    assert all(
        f.better_line and any("\u4e00" <= ch <= "\u9fff" for ch in f.better_line) for f in misses if f.better_line
    )


def test_the_score_is_the_sum_of_its_weighted_parts() -> None:
    card = grade(PRICE_FIRST)
    assert sum(p.weight for p in card.parts) == 100
    assert card.score == round(sum(p.points for p in card.parts))
    assert 0 <= card.score <= 40


def test_talk_metrics_are_measured_by_code() -> None:
    card = grade(call(("trainee", "word " * 60), ("customer", "ok"), ("trainee", "How many?"), ("customer", "two")))
    assert card.talk.trainee_talk_share > 0.9
    assert card.talk.questions == 1
    assert card.talk.longest_monologue_turns == [0]
    assert card.talk.reference_talk_share == 0.43


def test_markdown_and_html_show_words_not_markup() -> None:
    card = grade(call(("trainee", "<script>alert(1)</script> How many rooms?"), ("customer", "**three**")))
    assert "<script>" not in to_html(card) and "&lt;script&gt;" in to_html(card)
    assert "<script>" not in to_markdown(card)


def test_markdown_keeps_apostrophes_and_quotes_as_typed() -> None:
    card = grade(call(("trainee", "You don't say \"no\" twice, I've heard. How many rooms?"), ("customer", "three")))
    markdown = to_markdown(card)
    assert "You don't say \"no\" twice, I've heard." in markdown
    assert "&#x27;" not in markdown and "&\\#x27;" not in markdown


def test_a_better_line_sets_the_fact_sheet_inside_its_sentence() -> None:
    from graders.coaching import better_line

    persona = get_persona("office-supplies", "en")
    line = better_line("no_benefit", "en", persona)
    assert line is not None and line.startswith("For you, that means ") and line[len("For you, that means ")].islower()
