"""Self-play calibration: built-in trainee bots call every persona through the real graph, offline.

A customer is hard in the right way when skill wins and bad selling loses: the good bot reaches a deal or an
intention on easy and normal, the weak (feature dump, price first) and rude bots never close a deal, the
scorecard orders them good > weak > rude, and a hard customer makes the good bot ask more than an easy one."""

from __future__ import annotations

from pathlib import Path

import pytest

from personas.difficulty import LEVELS
from personas.library import get_persona, load_all
from simulator.bots import TRAINEES, Brief, make_bot
from simulator.selfplay import SelfPlayResult, matrix, offline_simulator, play, problems
from simulator.session import Simulator
from simulator.settings import Settings

PERSONAS = sorted({(p.id, p.language) for p in load_all()})


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Simulator:
    sim = offline_simulator(Settings(home=tmp_path_factory.mktemp("selfplay")))
    yield sim
    sim.close()


def _table(results: list[SelfPlayResult]) -> str:
    return "\n".join(
        f"{r.difficulty:6} {r.trainee:4} {r.outcome:9} {r.score:3} discovery={r.discovery}" for r in results
    )


@pytest.mark.parametrize(("persona", "lang"), PERSONAS)
def test_skill_wins_and_bad_selling_loses(offline: Simulator, persona: str, lang: str) -> None:
    results = matrix(offline, [(persona, lang)])
    assert len(results) == len(LEVELS) * len(TRAINEES)
    assert problems(results) == [], _table(results)
    by = {(r.difficulty, r.trainee): r for r in results}
    for level in ("easy", "normal"):
        assert by[level, "good"].outcome in {"deal", "intention"}
    assert all(r.outcome != "deal" for r in results if r.trainee != "good")
    assert all(by[lv, "good"].score > by[lv, "weak"].score > by[lv, "rude"].score for lv in LEVELS)
    assert by["hard", "good"].discovery > by["easy", "good"].discovery


def test_a_result_is_the_json_line_the_cli_prints(offline: Simulator) -> None:
    record = play(offline, "tv-parent", "en", "good", "normal").record()
    assert {"persona", "language", "difficulty", "trainee", "outcome", "score"} <= set(record)
    assert (record["persona"], record["language"], record["difficulty"], record["trainee"]) == (
        "tv-parent",
        "en",
        "normal",
        "good",
    )


def test_the_bots_see_only_the_public_brief() -> None:
    persona = get_persona("price-objector", "en")
    brief = Brief.of(persona)
    assert not {"needs", "urgent_motive", "objections", "facts", "lines"} & set(vars(brief))
    # Rewrite the whole hidden side: a bot that plays from the brief alone opens the call the same way.
    hidden = persona.model_copy(
        update={
            "needs": [n.model_copy(update={"topics": ["zzz"], "reveal": "nothing"}) for n in persona.needs],
            "objections": [],
        }
    )
    opening = [{"role": "customer", "text": persona.opening_line, "at": ""}]
    for kind in TRAINEES:
        assert make_bot(kind, Brief.of(hidden)).next_line(opening) == make_bot(kind, brief).next_line(opening)


def test_runs_word_the_call_differently_and_stay_reproducible(offline: Simulator) -> None:
    first, second = (play(offline, "hotel-member", "zh", "good", "normal", run) for run in (0, 1))
    again = play(offline, "hotel-member", "zh", "good", "normal", 0)
    assert (first.outcome, first.score, first.turns) == (again.outcome, again.score, again.turns)
    assert first.run == 0 and second.run == 1


def test_self_play_leaves_the_call_store_alone(home: Path) -> None:
    sim = offline_simulator(Settings(home=home))
    try:
        play(sim, "tv-parent", "en", "rude", "easy")
    finally:
        sim.close()
    assert not (home / "calls.sqlite").exists()
