"""Every seed customer, in both languages, rewards a skilled call and punishes a pitch, a price-first call and rudeness.

The trainee's lines are in tests/scripts/<persona>.<lang>.<kind>.txt, one line per turn:
- good: what a skilled salesperson would say, written only from the persona's public fact sheet, call goal
  and the seed method (greet, discover, summarise, present with FABE, handle objections, price, close, contacts);
- dump: a greeting, then features, specs and price, then a request for the order;
- pricefirst: the price first, then pushing for the order;
- rude: pushy and insulting.
Each script is played through the real call graph, exactly as the CLI plays `--script`.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from graders.scorecard import grade
from graders.transcript import Transcript, Turn
from personas.library import get_persona
from personas.schema import Persona
from simulator.director import TIME_COST, Decision, decide, opening
from simulator.session import CallView, Simulator
from simulator.settings import Settings
from simulator.state import CustomerState
from simulator.voices.base import render_beats

SCRIPTS = Path(__file__).parent / "scripts"
MILESTONES = ["need_with_motive", "product_accepted", "price_time_accepted"]
WON = {"deal", "intention"}

CUSTOMERS = {"tv-parent": "the TV parent", "hotel-member": "the hotel member", "price-objector": "the price objector"}
PERSONA_FILES = [
    pytest.param(persona, lang, id=f"{who} ({lang})") for persona, who in CUSTOMERS.items() for lang in ("en", "zh")
]


@pytest.fixture
def simulator(tmp_path: Path) -> Simulator:
    sim = Simulator(Settings(home=tmp_path))
    yield sim
    sim.close()


def script(persona: str, lang: str, kind: str) -> list[str]:
    text = (SCRIPTS / f"{persona}.{lang}.{kind}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def play(sim: Simulator, persona: str, lang: str, kind: str) -> CallView:
    """Say each line until the call is over; hang up if the script runs out first."""
    view = sim.start(persona, lang)
    for line in script(persona, lang, kind):
        if view.finished:
            break
        view = sim.say(view.thread_id, line)
    return view if view.finished else sim.end(view.thread_id)


def after_discovery(lang: str, line: str) -> tuple[Persona, CustomerState, Decision]:
    """The director's decision on `line`, said after the good tv-parent script's first four lines (which draw out
    the need and the motive), with the customer's state before it."""
    persona = get_persona("tv-parent", lang)
    state, _ = opening(persona)
    said: list[str] = []
    for earlier in script("tv-parent", lang, "good")[:4]:
        state, said = decide(persona, state, earlier, said).customer, [*said, earlier]
    return persona, state, decide(persona, state, line, said)


def last_turns(view: CallView, n: int = 6) -> str:
    """The end of the call, for a readable failure message."""
    return "\n".join(f"{m['role']}: {m['text']}" for m in view.transcript[-n:])


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_a_skilled_salesperson_wins_the_customer(simulator: Simulator, persona: str, lang: str) -> None:
    view = play(simulator, persona, lang, "good")
    assert view.outcome in WON, f"outcome {view.outcome}, ended by {view.ended_by}\n{last_turns(view)}"


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_a_skilled_call_reaches_the_milestones_in_order_starting_with_a_need_and_its_motive(
    simulator: Simulator, persona: str, lang: str
) -> None:
    view = play(simulator, persona, lang, "good")
    assert view.milestones, f"no milestone reached\n{last_turns(view)}"
    assert view.milestones == MILESTONES[: len(view.milestones)]


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_a_feature_dump_loses_the_customer(simulator: Simulator, persona: str, lang: str) -> None:
    view = play(simulator, persona, lang, "dump")
    assert view.outcome not in WON, last_turns(view)
    assert "need_with_motive" not in view.milestones


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_naming_the_price_first_loses_the_customer(simulator: Simulator, persona: str, lang: str) -> None:
    view = play(simulator, persona, lang, "pricefirst")
    assert view.outcome not in WON, last_turns(view)
    assert "need_with_motive" not in view.milestones


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_an_insulted_customer_hangs_up_and_refuses(simulator: Simulator, persona: str, lang: str) -> None:
    view = play(simulator, persona, lang, "rude")
    assert view.ended_by == "customer_hung_up", last_turns(view)
    assert view.outcome == "refusal"


@pytest.mark.parametrize(("persona", "lang"), PERSONA_FILES)
def test_an_inbound_customer_opens_the_call_and_an_outbound_one_waits_for_the_trainee(
    simulator: Simulator, persona: str, lang: str
) -> None:
    view = play(simulator, persona, lang, "good")
    profile = get_persona(persona, lang)
    first = view.transcript[0]
    if profile.direction == "inbound":
        assert (first["role"], first["text"]) == ("customer", profile.opening_line)
    else:
        assert first["role"] == "trainee"


def test_two_of_the_chinese_skilled_scripts_are_partly_traditional_so_folding_is_exercised() -> None:
    t2s = opencc.OpenCC("t2s")
    partly_traditional = [
        persona
        for persona in CUSTOMERS
        if any(t2s.convert(line) != line for line in script(persona, "zh", "good"))
        and any(t2s.convert(line) == line for line in script(persona, "zh", "good"))
    ]
    assert len(partly_traditional) == 2, partly_traditional


def test_replaying_a_call_ends_the_same_way_though_the_wording_may_vary(simulator: Simulator) -> None:
    first = play(simulator, "hotel-member", "en", "good")
    second = play(simulator, "hotel-member", "en", "good")
    assert first.transcript and [m["role"] for m in first.transcript] == [m["role"] for m in second.transcript]
    assert (first.outcome, first.ended_by, first.milestones) == (second.outcome, second.ended_by, second.milestones)


def test_the_director_never_changes_the_state_it_was_given_so_a_replay_starts_from_the_same_customer() -> None:
    persona = get_persona("price-objector", "en")
    state, _ = opening(persona)
    for line in script("price-objector", "en", "good"):
        before = state.model_dump()
        decision = decide(persona, state, line)
        assert state.model_dump() == before
        state = decision.customer
    assert state.revealed_needs and state.milestones and state.raised_objections  # the call really moved it


@pytest.mark.parametrize(
    ("lang", "proof_opening"), [("en", "That's a fair question. "), ("zh", "您这个担心我理解。")], ids=["en", "zh"]
)
def test_proof_given_in_the_pitch_itself_answers_the_doubt_before_the_customer_voices_it(
    simulator: Simulator, lang: str, proof_opening: str
) -> None:
    # The skilled script answers "how do I know it works?" on the next turn; here the proof comes with the pitch.
    lines = script("tv-parent", lang, "good")
    pitch, proof = lines[6], lines[7].removeprefix(proof_opening)
    assert proof != lines[7], "the script's proof line changed: update proof_opening"
    view = simulator.start("tv-parent", lang)
    for line in [*lines[:6], f"{pitch} {proof}", *lines[8:]]:
        if not view.finished:
            view = simulator.say(view.thread_id, line)
    doubt = next(o.line for o in get_persona("tv-parent", lang).objections if o.id == "does-it-work")
    customer_lines = [m["text"] for m in view.transcript if m["role"] == "customer"]
    assert not any(doubt in text for text in customer_lines), last_turns(view, 30)
    assert view.outcome == "deal", last_turns(view)
    assert not view.scorecard["inbound"]["mistake_weak_objection_handling"]["done"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_director_and_the_grader_read_every_turn_of_a_call_alike(lang: str) -> None:
    # The labeler reads each turn with the call before it; the customer and the scorecard must see the same call.
    persona = get_persona("tv-parent", lang)
    state, _ = opening(persona)
    said: list[str] = []
    seen_by_director = []
    for line in script("tv-parent", lang, "good"):
        decision = decide(persona, state, line, said)
        seen_by_director.append(decision.labels.contract())
        state, said = decision.customer, [*said, line]
    card = grade(Transcript(turns=[Turn(role="trainee", text=line) for line in said]))
    assert [turn.labels for turn in card.turns] == seen_by_director


def test_an_unanswered_objection_is_pressed_but_not_repeated_word_for_word_every_turn(simulator: Simulator) -> None:
    lines = script("tv-parent", "en", "good")
    pitch_without_proof = lines[6]
    view = simulator.start("tv-parent", "en")
    for line in [*lines[:6], pitch_without_proof, "It comes in blue or grey.", "It has a nice big screen too."]:
        view = simulator.say(view.thread_id, line)
    view = simulator.say(view.thread_id, "Thanks for your time, goodbye.")
    doubt = next(o.line for o in get_persona("tv-parent", "en").objections if o.id == "does-it-work")
    customer_lines = [m["text"] for m in view.transcript if m["role"] == "customer"]
    raised_at = [i for i, text in enumerate(customer_lines) if doubt in text]
    assert len(raised_at) == 2, last_turns(view, 12)  # raised, then pressed once in full
    assert doubt not in customer_lines[-1]  # not to someone saying goodbye


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_need_payoff_question_after_the_motive_gets_the_customer_to_say_what_it_is_worth(lang: str) -> None:
    # Seed 002: a need-payoff question makes the customer state the value of solving the problem. Once the customer
    # has said why it is urgent, "I wouldn't know, to be honest" would punish the trainee for the right question.
    payoff = {
        "en": "If he could speak English for half an hour a day with someone correcting him, how much would that help?",
        "zh": "如果他每天能有半小时跟人说英语、有人帮他纠正,对他帮助大吗?",
    }[lang]
    persona, state, decision = after_discovery(lang, payoff)
    assert state.motive_revealed, "the script's first turns no longer draw out the motive: pick other lines"
    assert "need_payoff" in decision.labels.spin
    assert [beat.kind for beat in decision.beats] == ["value_agreed"]
    assert decision.customer.patience == state.patience - TIME_COST  # only the time every turn costs
    (said_back,) = render_beats(persona, decision.beats, seed="payoff")
    assert persona.lines.value_agreed and said_back.text in persona.lines.value_agreed


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_read_back_is_confirmed_even_when_it_also_reads_as_a_situation_question(lang: str) -> None:
    # The labeler may read a summary that ends in "right?" as a situation question too; the customer should confirm
    # it, not answer it with a fact or an "I wouldn't know", and not lose patience over it.
    read_back = {
        "en": "So his English is the weak subject and the exam is next June, right?",
        "zh": "所以他现在在家就是背单词，没有练口语，对吗？",
    }[lang]
    _, state, decision = after_discovery(lang, read_back)
    assert "summarize" in decision.labels.close and decision.labels.spin, "pick a read-back the labeler also asks by"
    assert [beat.kind for beat in decision.beats][:1] == ["confirm"]
    assert "answer_vague" not in [beat.kind for beat in decision.beats]
    assert decision.customer.patience == state.patience - TIME_COST
