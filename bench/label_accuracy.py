"""Measure the turn labeler against hand-labelled sets: per-label P/R/F1, macro-F1, stage accuracy.

python bench/label_accuracy.py                     # dev and held-out sets, by language
python bench/label_accuracy.py --errors 20         # also show the first 20 wrong turns
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graders.evaluation import GROUPS, evaluate, load_set

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="JSONL files (default: tests/data/labels_*.jsonl)")
    parser.add_argument("--errors", type=int, default=0, help="show this many wrong turns per set")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    console = Console()
    results = {}
    for path in args.sets or sorted(DATA.glob("labels_*.jsonl")):
        rows = load_set(path)
        for lang in ("all", "en", "zh"):
            subset = [r for r in rows if lang == "all" or r["lang"] == lang]
            if subset:
                results[f"{path.stem}:{lang}"] = (report := evaluate(subset))
                if lang == "all" and args.errors:
                    for e in report.errors[: args.errors]:
                        console.print(e, highlight=False)
    if args.json:
        print(json.dumps({k: r.summary() for k, r in results.items()}, ensure_ascii=False, indent=1))
        return
    table = Table(title="Turn labeler: macro-F1 and stage accuracy")
    for col in ("set", "turns", *(f"{g} F1" for g in GROUPS), "stage acc"):
        table.add_column(col, justify="right")
    for key, r in results.items():
        table.add_row(key, str(r.n), *(f"{r.macro_f1(g):.3f}" for g in GROUPS), f"{r.stage_accuracy:.3f}")
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
