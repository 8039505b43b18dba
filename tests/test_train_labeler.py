"""tools/train_labeler.py run as a trainer runs it, on a few small labelled sets copied to a folder of their own."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TRAINER = Path(__file__).parent.parent / "tools" / "train_labeler.py"
TURNS = {"labels_dev2_en": 150, "labels_dev3_en": 130}  # the two test sets, each with one second opinion

pytest.importorskip("sklearn")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sets")
    (folder / "second_opinions").mkdir()
    for name in ("labels_contract", "labels_dev4_en", *TURNS):
        shutil.copy(DATA / f"{name}.jsonl", folder)
    for name in TURNS:
        shutil.copy(DATA / "second_opinions" / f"{name}.B.jsonl", folder / "second_opinions")
    return folder


def _train(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TRAINER), "--data", str(data), *args], capture_output=True, text=True, timeout=600
    )


def _rows(output: str) -> list[list[str]]:
    """The cells of each table row rich printed."""
    return [[cell.strip() for cell in line.strip("│ ").split("│")] for line in output.splitlines() if "│" in line]


def test_against_each_annotator_every_row_counts_each_turn_once_per_annotator(data: Path) -> None:
    run = _train(data, "--test", *TURNS, "--against", "each")
    assert run.returncode == 0, run.stderr
    rows = {(cells[0], cells[1]): cells[2:] for cells in _rows(run.stdout)}
    for name, turns in TURNS.items():
        assert rows[(name, "rules + layer")][0] == str(turns)
    # every turn once against each of its two annotators, as the rows of each set are
    assert rows[("all turns together", "rules + layer")][0] == str(2 * sum(TURNS.values()))
    figures = [float(v) for v in rows[("all turns together", "rules + layer")][1:]]
    assert all(0.0 <= v <= 1.0 for v in figures) and figures[-1] > 0.5  # stage accuracy of a real model

    first = _rows(_train(data, "--test", *TURNS).stdout)
    assert ["all turns together", "rules + layer", str(sum(TURNS.values()))] == first[-1][:3]


def test_a_learning_curve_trains_on_more_sets_each_row(data: Path) -> None:
    run = _train(data, "--test", *TURNS, "--curve", "2")
    assert run.returncode == 0, run.stderr
    body = [cells for cells in _rows(run.stdout) if cells[0][0].isdigit()]
    assert [cells[0] for cells in body] == ["1 (to labels_contract)", "2 (to labels_dev4_en)"]
    assert int(body[0][1]) < int(body[1][1])


def test_an_unknown_set_is_named_with_the_fix(data: Path) -> None:
    run = _train(data, "--test", "labels_dev99_en")
    assert run.returncode != 0
    assert "labels_dev99_en" in run.stderr and "without .jsonl" in run.stderr


def test_training_from_another_folder_never_overwrites_the_shipped_model(data: Path) -> None:
    run = _train(data)
    assert run.returncode != 0 and "--data only reads" in run.stderr


def test_cross_validation_scores_every_dev_turn_once_by_language(tmp_path: Path) -> None:
    sets = {"labels_dev2_en": 150, "labels_dev3_zh": 130, "labels_dev4_en": 110, "labels_dev5_zh": 132}
    for name in ("labels_contract", *sets):
        shutil.copy(DATA / f"{name}.jsonl", tmp_path)
    run = _train(tmp_path, "--folds", "2")
    assert run.returncode == 0, run.stderr
    turns = {cells[0]: int(cells[1]) for cells in _rows(run.stdout) if cells[1].isdigit()}
    assert turns["all"] == sum(sets.values())  # each dev turn predicted once, by a layer that never saw it
    assert turns["English"] == 260 and turns["Chinese"] == 262
    # dev3_zh and dev5_zh have 3 and 9 turns written in Cantonese
    assert turns["Chinese, written Cantonese"] == 12 and turns["Chinese, Mandarin"] == 250

    too_many = _train(tmp_path, "--folds", "5")
    assert too_many.returncode != 0 and "only 4 numbered dev sets" in too_many.stderr
    one = _train(tmp_path, "--folds", "1")
    assert one.returncode != 0 and "at least 2 runs" in one.stderr
