"""Train the labeler's learned layer (graders/learned_model.json) from the hand-labelled sets.

python tools/train_labeler.py                 # train on every set but the sealed ones, write the model
python tools/train_labeler.py --evaluate      # leave one set out at a time: rules alone vs rules + layer
python tools/train_labeler.py --test SET ...  # train on the rest, report on these sets, write nothing

Needs scikit-learn (`pip install -e '.[dev]'`); the labeler itself only reads the JSON it writes. L1-regularised
logistic regression keeps a few thousand non-zero weights, so the file stays small and readable.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graders import learned
from graders.evaluation import GROUPS, evaluate_predictions, load_set
from graders.labeler import clear_caches, layer_features, rule_labels

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SEALED = ("labels_holdout",)  # measured, never trained on: the only figures that say how it does on new calls
# The examples of shared/LABELS.md (and their Chinese renderings) are the definition: they weigh more than any
# one annotator's turn, so the layer never learns to overrule the contract's own examples.
CONTRACT_ID_PREFIX, CONTRACT_WEIGHT = "c-", 5.0  # rows of tests/data/labels_contract.jsonl
LEARNED_GROUPS = ("spin", "fabe", "close", "stage")
# A product statement the rules found has a cue behind it (a figure, "so that…", a customer count), and the
# customer's director needs it to count the product as presented. Annotators mostly disagree with those about
# which kind it is, not whether it is one: the layer may add FABE labels, never drop them.
ADD_ONLY = ("fabe",)


def _fit(x, y, row_weights: list[float], c: float, balanced: bool = False):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(
        C=c,
        l1_ratio=1.0,
        solver="liblinear",
        max_iter=5000,
        random_state=0,
        class_weight="balanced" if balanced else None,
    )
    model.fit(x, np.asarray(y), sample_weight=np.asarray(row_weights))
    return model


def train(rows: list[dict], c: float = 3.0, groups: tuple[str, ...] = LEARNED_GROUPS, margin: float = 1.0) -> dict:
    """Fit one binary model per label and one per stage (one against the rest); return the JSON model."""
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(layer_features(r["text"]), 1) for r in rows]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit indices
    names = vectorizer.get_feature_names_out()
    row_weights = [CONTRACT_WEIGHT if r["id"].startswith(CONTRACT_ID_PREFIX) else 1.0 for r in rows]

    def export(model) -> dict:
        weights = {str(names[i]): round(float(w), 4) for i, w in enumerate(model.coef_[0]) if abs(w) >= 1e-4}
        return {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}

    labels = {}
    for group, kinds in GROUPS.items():
        for kind in kinds:
            y = [kind in r[group] for r in rows]
            if any(y) and not all(y):
                # balanced: need_payoff or summarize are rare, and macro-F1 counts a rare label as much as a common one
                labels[f"{group}:{kind}"] = export(_fit(x, y, row_weights, c, balanced=True))
    stages = {
        s: export(_fit(x, [(r["stage"] or "none") == s for r in rows], row_weights, c)) for s in learned.STAGE_CLASSES
    }
    return {
        "c": c,
        "margin": margin,
        "add_only": list(ADD_ONLY),
        "groups": list(groups),
        "turns": len(rows),
        "labels": labels,
        "stages": stages,
    }


def _load(names: list[str]) -> dict[str, list[dict]]:
    return {name: load_set(DATA / f"{name}.jsonl") for name in names}


def _predict(model: dict | None, rows: list[dict]) -> list[dict]:
    linear = learned.LinearLayer(model) if model else None
    out = []
    for r in rows:
        rules = rule_labels(r["text"])
        out.append((linear.apply(rules, layer_features(r["text"])) if linear else rules).contract())
    return out


def _row(table: Table, name: str, how: str, rows: list[dict], predicted: list[dict], means: dict) -> None:
    report = evaluate_predictions(rows, predicted)
    means.setdefault(how, []).append([report.macro_f1(g) for g in GROUPS] + [report.stage_accuracy])
    figures = (*(f"{report.macro_f1(g):.3f}" for g in GROUPS), f"{report.stage_accuracy:.3f}")
    table.add_row(name, how, str(report.n), *figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--c", type=float, default=3.0, help="inverse regularisation strength (default 3)")
    parser.add_argument("--margin", type=float, default=1.0, help="how clearly the layer must disagree to overrule")
    parser.add_argument("--groups", default=",".join(LEARNED_GROUPS), help="label groups the layer decides")
    parser.add_argument("--evaluate", action="store_true", help="leave each training set out in turn")
    parser.add_argument("--test", nargs="*", default=[], help="train on the other sets, report on these")
    args = parser.parse_args()
    groups = tuple(g for g in args.groups.split(",") if g)
    names = sorted(p.stem for p in DATA.glob("labels_*.jsonl") if not p.stem.startswith(SEALED))
    sets = _load([n for n in names if n not in args.test])
    console = Console(width=120)
    clear_caches()
    if args.evaluate or args.test:
        table = Table(title=f"Rules alone vs rules + learned layer (C={args.c}, groups {','.join(groups)})")
        for col in ("set", "labeler", "turns", *(f"{g} F1" for g in GROUPS), "stage acc"):
            table.add_column(col, justify="right")
        tests = _load(args.test) if args.test else sets
        means: dict[str, list[list[float]]] = {}
        for name, rows in tests.items():
            train_rows = [r for other, rs in sets.items() if other != name for r in rs]
            model = train(train_rows, args.c, groups, args.margin)
            _row(table, name, "rules", rows, _predict(None, rows), means)
            _row(table, name, "rules + layer", rows, _predict(model, rows), means)
        if len(tests) > 1:
            for how, figures in means.items():
                table.add_row("mean of sets", how, "", *(f"{sum(f) / len(f):.3f}" for f in zip(*figures, strict=True)))
        console.print(table)
        return
    rows = [r for rs in sets.values() for r in rs]
    model = {"trained_on": list(sets), **train(rows, args.c, groups, args.margin)}
    learned.MODEL_PATH.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    weights = sum(len(m["weights"]) for part in ("labels", "stages") for m in model[part].values())
    console.print(f"wrote {learned.MODEL_PATH} ({len(rows)} turns from {len(sets)} sets, {weights} non-zero weights)")


if __name__ == "__main__":
    main()
