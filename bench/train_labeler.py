"""Train the labeler's learned layer (graders/model.py) on the hand-labelled development sets.

    python bench/train_labeler.py            # writes graders/labeler_model.npz
    python bench/train_labeler.py --cv 5     # cross-validated figures on the training sets, writes nothing

Trains on tests/data/labels_dev*.jsonl only. tests/data/labels_holdout.jsonl is never read here: it was
written by a different annotator in different product domains and measures the result honestly
(`python bench/label_accuracy.py`). Deterministic: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from graders.labeler import rule_labels
from graders.model import LABELS, MODEL_FILE, STAGE_CLASSES, LabelModel, features, hasher
from graders.text import normalise

ROOT = Path(__file__).resolve().parent.parent
TRAINING_SETS = sorted((ROOT / "tests" / "data").glob("labels_dev*.jsonl"))
C = 8.0
RULE_WEIGHT = 3.0


def load_rows() -> list[dict]:
    rows = []
    for path in TRAINING_SETS:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def fit(rows: list[dict]) -> LabelModel:
    texts = [normalise(r["text"]) for r in rows]
    contracts = [rule_labels(r["text"]).contract() for r in rows]
    counts = hasher().transform(texts)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0  # scikit-learn's smoothed idf
    x = features(texts, contracts, idf, RULE_WEIGHT)
    coefs, biases = [], []
    for group, kind in LABELS:
        y = np.array([kind in r[group] for r in rows])
        model = LogisticRegression(C=C, max_iter=2000).fit(x, y)
        coefs.append(model.coef_[0])
        biases.append(model.intercept_[0])
    stages = [r["stage"] or "none" for r in rows]
    stage_model = LogisticRegression(C=C, max_iter=2000).fit(x, stages)
    order = [list(stage_model.classes_).index(s) for s in STAGE_CLASSES]
    return LabelModel(
        idf=idf,
        rule_weight=RULE_WEIGHT,
        label_coef=np.array(coefs),
        label_bias=np.array(biases),
        stage_coef=stage_model.coef_[order],
        stage_bias=stage_model.intercept_[order],
    )


def cross_validate(rows: list[dict], folds: int) -> None:
    from graders.evaluation import Counts

    counts = {label: Counts() for label in LABELS}
    stage_right = 0
    for train, test in KFold(folds, shuffle=True, random_state=0).split(rows):
        model = fit([rows[i] for i in train])
        held = [rows[i] for i in test]
        predicted = model.predict(
            [normalise(r["text"]) for r in held], [rule_labels(r["text"]).contract() for r in held]
        )
        for row, got in zip(held, predicted, strict=True):
            for group, kind in LABELS:
                c = counts[(group, kind)]
                c.tp += kind in row[group] and kind in got[group]
                c.fp += kind in got[group] and kind not in row[group]
                c.fn += kind in row[group] and kind not in got[group]
            stage_right += got["stage"] == row["stage"]
    for group in ("spin", "fabe", "close"):
        f1 = np.mean([c.f1 for (g, _), c in counts.items() if g == group])
        print(f"{group:6s} macro-F1 {f1:.3f}")
    print(f"stage  accuracy {stage_right / len(rows):.3f}   ({len(rows)} turns, {folds}-fold)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", type=int, default=0, help="cross-validate with this many folds instead")
    args = parser.parse_args()
    rows = load_rows()
    if args.cv:
        cross_validate(rows, args.cv)
        return
    out = ROOT / "graders" / MODEL_FILE
    fit(rows).save(str(out))
    print(f"trained on {len(rows)} turns from {', '.join(p.name for p in TRAINING_SETS)} -> {out}")


if __name__ == "__main__":
    main()
