"""Check the turn labeler on real human phrasing: PersuasionForGood (300 annotated persuasion dialogues).

    python bench/persuasion_check.py [--examples 5] [--rules-only]

The corpus labels each persuader sentence with a persuasion strategy. Those strategies map only loosely onto
shared/LABELS.md, so this reports, per mapping, how often the labeler agrees (recall on sentences with the
corpus label) and how often what it says is backed by the corpus (precision over all persuader sentences).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graders.labeler import label_turn, rule_labels

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "persuasionforgood" / "annotated_300.jsonl"

# corpus strategies -> (what our labeler should say, how to read it off the labels)
MAPPINGS = {
    "commitment ask": (
        {"proposition-of-donation", "ask-donation-amount", "ask-donate-more"},
        lambda lab: "ask_commitment" in lab.close,
    ),
    "discovery question": (
        {"task-related-inquiry", "personal-related-inquiry", "source-related-inquiry"},
        lambda lab: bool(lab.spin),
    ),
    "product facts or proof": (
        {"credibility-appeal", "donation-information"},
        lambda lab: bool(lab.fabe & {"feature", "evidence"}),
    ),
    "value for the listener": (
        {"logical-appeal", "emotion-appeal"},
        lambda lab: bool(lab.fabe & {"advantage", "benefit"}),
    ),
    "no labels on greetings and thanks": (
        {"greeting", "thank", "closing"},
        lambda lab: not (lab.spin or lab.fabe or lab.close) and lab.stage is None,
    ),
}


def sentences(path: Path) -> list[tuple[str, set[str]]]:
    """Every persuader (trainee) sentence with its corpus labels."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for turn in json.loads(line)["turns"]:
            if turn["role"] == "trainee":
                out += [(s["text"], set(s["labels"])) for s in turn["sentences"]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--examples", type=int, default=0, help="show this many misses per mapping")
    parser.add_argument("--rules-only", action="store_true", help="the cue rules without the learned layer")
    args = parser.parse_args()
    label = rule_labels if args.rules_only else label_turn
    rows = [(text, gold, label(text)) for text, gold in sentences(args.data)]
    console = Console()
    how = "cue rules alone" if args.rules_only else "cue rules + learned layer"
    table = Table(title=f"PersuasionForGood: {len(rows)} persuader sentences ({how})")
    for col in ("mapping", "corpus sentences", "recall", "precision"):
        table.add_column(col, justify="right")
    for name, (strategies, says) in MAPPINGS.items():
        with_label = [r for r in rows if r[1] & strategies]
        hits = [r for r in with_label if says(r[2])]
        said = [r for r in rows if says(r[2])]
        backed = [r for r in said if r[1] & strategies]
        recall = len(hits) / len(with_label) if with_label else 0.0
        precision = len(backed) / len(said) if said else 0.0
        table.add_row(name, str(len(with_label)), f"{recall:.3f}", f"{precision:.3f}")
        if args.examples:
            for text, gold, _ in [r for r in with_label if not says(r[2])][: args.examples]:
                console.print(f"  miss [{name}] {text}  {sorted(gold)}", highlight=False)
    console.print(table)


if __name__ == "__main__":
    main()
