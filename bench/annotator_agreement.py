"""How far careful annotators agree with each other on the sealed sets, and where the labeler stands among them.

python bench/annotator_agreement.py                 # every sealed set that has second opinions
python bench/annotator_agreement.py --rules-only    # the cue rules alone, without the learned layer
python bench/annotator_agreement.py tests/data/labels_dev4[1-8]_en.jsonl   # other sets with second opinions

Each sealed set (tests/data/labels_holdout*.jsonl) was labelled by the annotator who wrote it; two more annotators
labelled the same turns later, blind to those labels and to the labeler (tests/data/second_opinions/, one file per
set and annotator, `id` plus the four labels). The figures:
- annotator vs annotator: macro-F1 and stage agreement for each pair, then their mean. This is the ceiling any
  labeler can be expected to reach against one person's labels: F1 between two label sets is symmetric.
- labeler vs annotator: the same figures for the labeler against each of the three, then their mean.
- labeler vs majority: against the labels at least two of the three chose (a turn with three different stages
  is left out of the stage figure).
"""

from __future__ import annotations

import argparse
from itertools import combinations
from pathlib import Path
from statistics import mean

from rich.console import Console
from rich.table import Table

from graders import learned
from graders.evaluation import GROUPS, Report, evaluate_predictions, load_annotations, majority, predict

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
OPINIONS = DATA / "second_opinions"


def mean_figures(reports: list[Report]) -> list[float]:
    return [mean(column) for column in zip(*(r.figures() for r in reports), strict=True)]


def compare(versions: list[list[dict]], predictions: list[dict]) -> dict[str, list[Report]]:
    """The annotators against each other, the labeler against each, and the labeler against their majority."""
    gold, decided = majority(versions)
    kept = [i for i, d in enumerate(decided) if d]
    return {
        "annotator vs annotator": [evaluate_predictions(a, b) for a, b in combinations(versions, 2)],
        "labeler vs annotator": [evaluate_predictions(v, predictions) for v in versions],
        "labeler vs majority": [evaluate_predictions(gold, predictions)],
        "stage": [evaluate_predictions([gold[i] for i in kept], [predictions[i] for i in kept])],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules-only", action="store_true", help="the cue rules without the learned layer")
    parser.add_argument("sets", nargs="*", type=Path, help="JSONL sets (default: the sealed ones)")
    args = parser.parse_args()
    paths = args.sets or sorted(DATA.glob("labels_holdout*.jsonl"))
    by_set = {s.stem: load_annotations(s) for s in paths}
    # Pool only sets labelled by as many annotators as the most-annotated ones, so every row has all of them.
    most = max(len(versions) for versions in by_set.values())
    by_set = {name: versions for name, versions in by_set.items() if len(versions) == most > 1}
    if not by_set:
        raise SystemExit(f"none of these sets has a second opinion in {OPINIONS}")
    pooled = [[row for versions in by_set.values() for row in versions[who]] for who in range(most)]
    pairs = most * (most - 1) // 2
    how = "rules alone" if args.rules_only else "rules + layer"
    # On a set the layer was trained on, its figures are what it memorised, not how it reads new calls.
    linear = None if args.rules_only else learned.layer()
    memorised = sorted(name for name in by_set if linear and name in linear.trained_on)
    scope = "given" if args.sets else "sealed"
    title = f"Agreement on the {scope} sets ({how}): SPIN / FABE / close macro-F1, stage agreement"
    table = Table(
        title=title,
        caption=f"the layer was trained on {', '.join(memorised)}: its figures there are memorised"
        if memorised
        else None,
    )
    for col in ("set", "turns", "comparison", *(f"{g} F1" for g in GROUPS), "stage"):
        table.add_column(col, justify="right")
    for name, versions in {f"all {scope}": pooled, **by_set}.items():
        found = compare(versions, predict(versions[0], args.rules_only))
        if name.startswith("all "):
            everything = found
        majority_figures = [*found["labeler vs majority"][0].figures()[:3], found["stage"][0].stage_accuracy]
        rows = {
            "annotator vs annotator" + (f" (mean of {pairs} pairs)" if pairs > 1 else ""): mean_figures(
                found["annotator vs annotator"]
            ),
            f"labeler vs annotator (mean of {most})": mean_figures(found["labeler vs annotator"]),
            f"labeler vs majority (stage on {found['stage'][0].n} turns)": majority_figures,
        }
        for i, (comparison, values) in enumerate(rows.items()):
            first = (name, str(len(versions[0]))) if i == 0 else ("", "")
            table.add_row(*first, comparison, *(f"{v:.3f}" for v in values))
        table.add_section()
    console = Console(width=150)
    console.print(table)
    per = Table(title=f"All {scope} turns, F1 per label ({how})")
    columns = ("annotator vs annotator", "labeler vs annotator", "labeler vs majority")
    for col in ("label", *columns):
        per.add_column(col, justify="right")
    for kind in everything["labeler vs majority"][0].counts:
        per.add_row(kind, *(f"{mean(r.counts[kind].f1 for r in everything[c]):.3f}" for c in columns))
    console.print(per)


if __name__ == "__main__":
    main()
