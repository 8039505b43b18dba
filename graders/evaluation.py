"""Precision, recall and F1 of the turn labeler against a hand-labelled set (JSON Lines)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from graders.labeler import label_turn, rule_labels
from graders.labels import GROUPS


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Per-label counts, macro-F1 per group, stage accuracy, and the turns that were wrong."""

    n: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    stage_right: int = 0
    errors: list[dict] = field(default_factory=list)

    def macro_f1(self, group: str) -> float:
        kinds = GROUPS[group]
        return sum(self.counts[k].f1 for k in kinds) / len(kinds)

    @property
    def stage_accuracy(self) -> float:
        return self.stage_right / self.n if self.n else 0.0

    def figures(self) -> list[float]:
        """SPIN, FABE and close macro-F1, then stage accuracy: the four figures every table reports."""
        return [self.macro_f1(g) for g in GROUPS] + [self.stage_accuracy]

    def summary(self) -> dict:
        return {
            "turns": self.n,
            "macro_f1": {g: round(self.macro_f1(g), 3) for g in GROUPS},
            "stage_accuracy": round(self.stage_accuracy, 3),
            "labels": {
                k: {
                    "precision": round(c.precision, 3),
                    "recall": round(c.recall, 3),
                    "f1": round(c.f1, 3),
                    "support": c.tp + c.fn,
                }
                for k, c in self.counts.items()
            },
        }


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_annotations(path: Path) -> list[list[dict]]:
    """A labelled set as each of its annotators labelled it: the set's own rows, then every second opinion.

    A second opinion is `second_opinions/<set>.<annotator>.jsonl` next to the set: the `id` and the four labels
    of every turn, given by someone who saw neither the set's labels nor the labeler's.
    """
    rows = load_set(path)
    versions = [rows]
    for opinion in sorted((path.parent / "second_opinions").glob(f"{path.stem}.*.jsonl")):
        by_id = {r["id"]: r for r in load_set(opinion)}
        if sorted(by_id) != sorted(r["id"] for r in rows):
            raise ValueError(f"{opinion} does not label exactly the turns of {path.name}: fix its ids")
        versions.append([{**row, **{f: by_id[row["id"]][f] for f in (*GROUPS, "stage")}} for row in rows])
    return versions


def majority(versions: list[list[dict]]) -> tuple[list[dict], list[bool]]:
    """Per turn, the labels most annotators chose, and whether most chose the same stage (no tie)."""
    gold, stage_decided = [], []
    for rows in zip(*versions, strict=True):
        need = len(rows) // 2 + 1
        stages = [r["stage"] for r in rows]
        top = max(stages, key=stages.count)
        merged = {**rows[0], "stage": top}
        for group, kinds in GROUPS.items():
            merged[group] = [k for k in kinds if sum(k in r[group] for r in rows) >= need]
        gold.append(merged)
        stage_decided.append(stages.count(top) >= need)
    return gold, stage_decided


# Rows of tests/data/labels_contract.jsonl (ids "c-…") are the contract's own examples, not turns of a call.
EXAMPLE_ID_PREFIX = "c-"


def previous_in_call(rows: list[dict]) -> list[list[str] | None]:
    """For each row, the texts of the rows before it in the same call (None for an example read on its own).

    A set lists each call's trainee turns in order, one product per call, so a call is a run of rows with the
    same product."""
    out: list[list[str] | None] = []
    for i, row in enumerate(rows):
        if row["id"].startswith(EXAMPLE_ID_PREFIX):
            out.append(None)
        elif i > 0 and rows[i - 1]["product"] == row["product"] and out[-1] is not None:
            out.append([*out[-1], rows[i - 1]["text"]])
        else:
            out.append([])
    return out


def predict(rows: list[dict], rules_only: bool = False) -> list[dict]:
    """The labeler's labels (the LABELS.md shape) of every row, each read with the call before it."""
    if rules_only:
        return [rule_labels(row["text"]).contract() for row in rows]
    previous = previous_in_call(rows)
    return [label_turn(row["text"], before).contract() for row, before in zip(rows, previous, strict=True)]


def evaluate(rows: list[dict], rules_only: bool = False) -> Report:
    """Label every row's text (with the full labeler unless told otherwise) and compare with its gold labels."""
    return evaluate_predictions(rows, predict(rows, rules_only))


def evaluate_predictions(rows: list[dict], predictions: list[dict]) -> Report:
    """Compare predicted labels (the LABELS.md shape) with each row's gold labels."""
    report = Report(counts={k: Counts() for kinds in GROUPS.values() for k in kinds})
    for row, predicted in zip(rows, predictions, strict=True):
        report.n += 1
        wrong = {}
        for group, kinds in GROUPS.items():
            gold, got = set(row[group]), set(predicted[group])
            for k in kinds:
                c = report.counts[k]
                c.tp += k in gold and k in got
                c.fp += k in got and k not in gold
                c.fn += k in gold and k not in got
            if gold != got:
                wrong[group] = {"gold": sorted(gold), "got": sorted(got)}
        if predicted["stage"] == row["stage"]:
            report.stage_right += 1
        else:
            wrong["stage"] = {"gold": row["stage"], "got": predicted["stage"]}
        if wrong:
            report.errors.append({"id": row.get("id"), "text": row["text"], **wrong})
    return report
