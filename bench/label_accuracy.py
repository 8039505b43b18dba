"""Measure the turn labeler against hand-labelled sets: per-label P/R/F1, macro-F1, stage accuracy.

python bench/label_accuracy.py                     # every set, by language
python bench/label_accuracy.py --rules-only        # the cue rules alone, without the learned layer
python bench/label_accuracy.py --errors 20         # also show the first 20 wrong turns
python bench/label_accuracy.py tests/data/labels_holdout*.jsonl   # the sealed sets, each and together

The learned layer was trained on every set but the sealed held-out ones, so on those training sets it scores
what it memorised: the table marks them. Accuracy on calls the labeler has not seen is the held-out rows, and
`python tools/train_labeler.py --evaluate` (each set left out of training in turn).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graders import learned
from graders.evaluation import GROUPS, evaluate, load_set

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="JSONL files (default: tests/data/labels_*.jsonl)")
    parser.add_argument("--errors", type=int, default=0, help="show this many wrong turns per set")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rules-only", action="store_true", help="measure the cue rules without the learned layer")
    args = parser.parse_args()
    linear = None if args.rules_only else learned.layer()
    trained_on = set(linear.trained_on) if linear else set()
    console = Console(width=140)
    results = {}
    paths = args.sets or sorted(DATA.glob("labels_*.jsonl"))
    if len(args.sets) > 1:  # the sets named together are also measured as one
        pooled = [row for path in args.sets for row in load_set(path)]
        results["given sets together:all"] = evaluate(pooled, args.rules_only)
    for path in paths:
        rows = load_set(path)
        for lang in ("all", "en", "zh"):
            subset = [r for r in rows if lang == "all" or r["lang"] == lang]
            if subset:
                results[f"{path.stem}:{lang}"] = (report := evaluate(subset, args.rules_only))
                if lang == "all" and args.errors:
                    for e in report.errors[: args.errors]:
                        console.print(e, highlight=False)
    if args.json:
        print(json.dumps({k: r.summary() for k, r in results.items()}, ensure_ascii=False, indent=1))
        return
    how = "cue rules alone" if args.rules_only else "cue rules + learned layer"
    table = Table(title=f"Turn labeler ({how}): macro-F1 and stage accuracy")
    for col in ("set", "turns", *(f"{g} F1" for g in GROUPS), "stage acc", "layer trained on it"):
        table.add_column(col, justify="right")
    for key, r in results.items():
        seen = "yes (not a measure)" if key.split(":")[0] in trained_on else ""
        table.add_row(key, str(r.n), *(f"{r.macro_f1(g):.3f}" for g in GROUPS), f"{r.stage_accuracy:.3f}", seen)
    console.print(table)
    for key, r in results.items():
        if not key.endswith(":all"):
            continue
        per = Table(title=f"{key}: per label")
        for col in ("label", "precision", "recall", "F1", "support"):
            per.add_column(col, justify="right")
        for label, c in r.counts.items():
            per.add_row(label, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp + c.fn))
        console.print(per)


if __name__ == "__main__":
    main()
