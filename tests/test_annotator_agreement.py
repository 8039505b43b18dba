"""Second opinions label exactly their set's turns, and the agreement benchmark sets the labeler beside them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graders.evaluation import GROUPS, load_set

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OPINIONS = sorted((DATA / "second_opinions").glob("*.jsonl"))


def test_every_sealed_set_has_two_second_opinions() -> None:
    sealed = sorted(p.stem for p in DATA.glob("labels_holdout*.jsonl"))
    on_sealed = [p for p in OPINIONS if p.stem.startswith("labels_holdout")]
    assert sorted({p.stem.split(".")[0] for p in on_sealed}) == sealed
    assert len(on_sealed) == 2 * len(sealed)


@pytest.mark.parametrize("path", OPINIONS, ids=[p.name for p in OPINIONS])
def test_a_second_opinion_labels_the_same_turns_with_contract_values(path: Path) -> None:
    sealed = load_set(DATA / f"{path.stem.split('.')[0]}.jsonl")
    opinion = load_set(path)
    assert [r["id"] for r in opinion] == [r["id"] for r in sealed]
    for row in opinion:
        for group, kinds in GROUPS.items():
            assert set(row[group]) <= set(kinds) and len(set(row[group])) == len(row[group]), row
        assert row["stage"] in {"cognitive", "divergent", "convergent", None}, row


def test_the_agreement_benchmark_sets_the_labeler_beside_the_annotators() -> None:
    run = subprocess.run(
        [sys.executable, "bench/annotator_agreement.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for line in ("annotator vs annotator (mean of 3 pairs)", "labeler vs annotator (mean of 3)", "labeler vs majority"):
        assert line in run.stdout
    assert "all sealed" in run.stdout and "labels_holdout2_zh" in run.stdout


def test_the_agreement_benchmark_reads_other_sets_and_says_where_the_layer_memorised() -> None:
    run = subprocess.run(
        [sys.executable, "bench/annotator_agreement.py", "tests/data/labels_dev41_en.jsonl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "annotator vs annotator" in run.stdout and "labels_dev41_en" in run.stdout
    assert "memorised" in run.stdout  # the layer was trained on this set: its figures there are not first contact
