"""The persona library covers every case of the seed material, in both languages, and every customer in it can
be won: the lint finds no need that cannot be drawn out, no objection nothing resolves, no unreachable milestone."""

from __future__ import annotations

import re

import pytest

from personas.difficulty import LEVELS, at_difficulty
from personas.library import load_all
from personas.lint import lint
from personas.schema import Persona

SEED_CASES = {
    "tv-parent": "002, case 2: the English-learning device",
    "hotel-member": "002, case 1: the hotel privilege card",
    "price-objector": "003: the mystery-shopper window caller",
    "broadband-caller": "000: the broadband package caller",
    "office-supplies": "000: copy paper first, then machines and consumables",
    "spirulina-survey": "000: spirulina call 1, the survey and the free bottle",
    "spirulina-sale": "000: spirulina call 2, the sale",
    "stretch-ceiling": "003: the inbound stretch-ceiling script",
    "b2b-account": "001: decision makers, a gatekeeper, a deposit",
    "followup-customer": "000: a follow-up call that starts from the customer's experience",
}
BUILTIN = {p.key: p for p in load_all()}
IDS = sorted({p.id for p in BUILTIN.values()})


def test_every_seed_case_has_a_customer_in_both_languages() -> None:
    assert len(IDS) >= 10
    for pid in SEED_CASES:
        assert {f"{pid}.en", f"{pid}.zh"} <= set(BUILTIN), f"seed {SEED_CASES[pid]} is missing"


@pytest.mark.parametrize("pid", IDS)
def test_the_two_languages_tell_the_same_story(pid: str) -> None:
    en, zh = BUILTIN[f"{pid}.en"], BUILTIN[f"{pid}.zh"]
    assert (en.direction, en.trust, en.patience, en.volunteers) == (zh.direction, zh.trust, zh.patience, zh.volunteers)
    assert [n.id for n in en.needs] == [n.id for n in zh.needs]
    assert [(o.id, o.trigger, o.from_difficulty) for o in en.objections] == [
        (o.id, o.trigger, o.from_difficulty) for o in zh.objections
    ]
    assert en.milestones.needs_required == zh.milestones.needs_required
    main_price = re.search(r"\d[\d,]*", en.fact_sheet.price).group().replace(",", "")
    assert main_price in zh.fact_sheet.price.replace(",", ""), "the price must be the same fact in both languages"


@pytest.mark.parametrize("key", sorted(BUILTIN))
def test_every_customer_can_be_won_at_every_difficulty(key: str) -> None:
    errors = [str(f) for f in lint(BUILTIN[key]) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("key", sorted(BUILTIN))
def test_needs_give_a_trainee_several_ways_in(key: str) -> None:
    for need in BUILTIN[key].needs:
        assert len(need.topics) >= 6, f"{key}: need '{need.id}' has {len(need.topics)} topics"


def _changed(persona: Persona, **changes) -> Persona:
    data = persona.model_dump()
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return Persona.model_validate(data)


def _errors(persona: Persona) -> dict[str, str]:
    return {f.field: f.problem for f in lint(persona) if f.severity == "error"}


UNSAYABLE = ["idiot", "stupid"]  # no trainee can name these without being rude


def test_the_lint_finds_a_need_no_question_can_draw_out() -> None:
    broken = _changed(BUILTIN["tv-parent.en"], needs__0__topics=UNSAYABLE)
    assert "no question draws out need 'weak-english'" in _errors(broken)["needs.0.topics"]


def test_the_lint_finds_an_objection_nothing_resolves() -> None:
    broken = _changed(BUILTIN["tv-parent.en"], objections__1__topics=UNSAYABLE)
    assert "nothing resolves objection 'too-expensive'" in _errors(broken)["objections.1"]


def test_the_lint_finds_milestones_that_cannot_be_reached() -> None:
    cold = _changed(BUILTIN["hotel-member.en"], trust=0, objections=[])
    assert "a deal needs 50" in _errors(cold)["trust"]
    impatient = _changed(BUILTIN["hotel-member.en"], patience=5)
    assert "hangs up before" in _errors(impatient)["patience"]
    # Only the second need is undrawable: fine on normal, but a hard customer needs both.
    half = _changed(BUILTIN["tv-parent.en"], needs__1__topics=UNSAYABLE)
    errors = _errors(half)
    assert "(at difficulty hard)" in errors["milestones.needs_required"]


@pytest.mark.parametrize("key", ["tv-parent.en", "b2b-account.zh", "stretch-ceiling.en"])
def test_difficulty_changes_the_customer_not_the_facts(key: str) -> None:
    persona = BUILTIN[key]
    played = {level: at_difficulty(persona, level) for level in LEVELS}
    for level, p in played.items():
        assert p.difficulty == level
        assert (p.fact_sheet, p.facts, p.needs, p.urgent_motive, p.lines) == (
            persona.fact_sheet,
            persona.facts,
            persona.needs,
            persona.urgent_motive,
            persona.lines,
        )
    easy, normal, hard = played["easy"], played["normal"], played["hard"]
    assert easy.trust > normal.trust > hard.trust and easy.patience > normal.patience > hard.patience
    assert len(easy.objections) <= len(normal.objections) <= len(hard.objections)
    assert (easy.volunteers, hard.volunteers) == ("much", "little")
    assert easy.milestones.needs_required <= normal.milestones.needs_required <= hard.milestones.needs_required
    assert persona == BUILTIN[key], "the persona itself is not changed"
