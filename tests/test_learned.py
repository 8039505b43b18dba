"""The labeler's learned layer: shipped, in step with its training data, and the same at run time as in training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graders import learned
from graders.evaluation import evaluate, load_set
from graders.labeler import label_turn, layer_features, read_turn, rule_labels

DATA = Path(__file__).parent / "data"
TRAINING_SETS = sorted(p for p in DATA.glob("labels_*.jsonl") if not p.stem.startswith("labels_holdout"))


def _rows() -> list[dict]:
    return [row for path in TRAINING_SETS for row in load_set(path)]


def test_the_layer_ships_and_was_never_trained_on_a_held_out_set() -> None:
    linear = learned.layer()
    assert linear is not None, "graders/learned_model.json is missing: run python tools/train_labeler.py"
    assert set(linear.trained_on) == {p.stem for p in TRAINING_SETS}, "retrain: python tools/train_labeler.py"
    assert not any(name.startswith("labels_holdout") for name in linear.trained_on)
    assert {"spin", "fabe", "close", "stage"} == linear.groups


def test_the_run_time_path_scores_exactly_the_features_the_trainer_names() -> None:
    # At run time the labeler finds the rows of a turn's weighted features without naming them; the scores must
    # equal those of the named features the trainer fits on.
    linear = learned.layer()
    assert linear is not None
    for row in _rows()[::7]:
        reading = read_turn(row["text"])
        rows = linear.turn_rows(reading.sentences, reading.asked, reading.language, reading.labels)
        fast = dict(zip(linear.names, linear.totals(rows), strict=True))
        assert fast == pytest.approx(linear.scores(layer_features(row["text"])), abs=1e-5)  # float32 sums


def test_the_shipped_model_is_what_the_trainer_makes_from_the_data() -> None:
    # Editing a labelled set or the rules without retraining would ship a layer that learned something else.
    pytest.importorskip("sklearn")
    from tools import train_labeler as train

    shipped = learned.layer()
    assert shipped is not None
    settings = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    sets = train.load(train.training_set_names())
    assert settings["annotations"] == {name: len(versions) for name, versions in sets.items()}, "retrain"
    rows, weights = train.training_rows(sets)
    fresh = learned.LinearLayer.from_model(
        train.train(rows, c=settings["c"], groups=tuple(settings["groups"]), margin=settings["margin"], weights=weights)
    )
    for row in _rows()[::3]:
        rules, features = rule_labels(row["text"]), layer_features(row["text"])
        assert fresh.apply(rules, features) == shipped.apply(rules, features), row["id"]


def test_the_layer_beats_the_rules_on_a_set_it_was_not_trained_on() -> None:
    held_out = load_set(DATA / "labels_holdout.jsonl")
    rules, full = evaluate(held_out, rules_only=True), evaluate(held_out)
    assert full.stage_accuracy > rules.stage_accuracy
    assert full.macro_f1("spin") > rules.macro_f1("spin")


@pytest.mark.parametrize("row", load_set(DATA / "labels_contract.jsonl"), ids=lambda row: row["text"][:40])
def test_the_contracts_own_examples_keep_the_contracts_labels(row: dict) -> None:
    assert label_turn(row["text"]).contract() == {g: row[g] for g in ("spin", "fabe", "close", "stage")}


def test_a_broken_model_file_names_the_file_and_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "learned_model.json"
    broken.write_text('{"labels": ', encoding="utf-8")
    monkeypatch.setattr(learned, "MODEL_PATH", broken)
    learned.layer.cache_clear()
    try:
        with pytest.raises(RuntimeError, match=r"learned_model\.json.*train_labeler"):
            learned.layer()
    finally:
        learned.layer.cache_clear()


def test_without_a_model_file_the_rules_decide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "MODEL_PATH", tmp_path / "absent.json")
    learned.layer.cache_clear()
    try:
        assert learned.layer() is None
    finally:
        learned.layer.cache_clear()


def test_a_label_the_rules_found_is_kept_unless_the_weights_are_clearly_against_it() -> None:
    # A guard per group, and a stricter one for a single label: the director acts on a commitment ask.
    model = {
        "groups": ["close"],
        "margin": 0.0,
        "keep": {"close": 0.25, "close:ask_commitment": 1.0},
        "labels": {f"close:{kind}": {"bias": -0.5, "weights": {}} for kind in ("ask_commitment", "next_step")},
        "stages": {},
    }
    linear = learned.LinearLayer.from_model(model)
    rules = rule_labels("Shall I book the fitter for Thursday at 10?")
    assert {"ask_commitment", "next_step"} <= rules.close
    # both score -0.5: below the close guard (-0.25), above the commitment ask's (-1.0)
    assert linear.apply(rules, set()).close == {"ask_commitment"}


def test_scoring_turns_together_matches_scoring_each_even_with_a_turn_without_weighted_features() -> None:
    linear = learned.layer()
    assert linear is not None
    turns = [{1, 5, 9}, set(), {2, 3}, set()]  # empty in the middle and at the end
    together = linear.totals_each(turns)
    assert together[1] == together[3] == list(linear.biases)
    for rows, scores in zip(turns, together, strict=True):
        assert scores == pytest.approx(linear.totals(rows), abs=1e-6)
