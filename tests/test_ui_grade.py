"""Grading an uploaded transcript in the web app: the `salesim grade` formats, bad lines reported, the rest graded."""

from __future__ import annotations

import json
from pathlib import Path

from ui.grade_tab import GradeHandlers

CALL = {
    "persona": "tv-parent",
    "language": "en",
    "turns": [
        {"role": "customer", "text": "Hello, that English-learning machine on TV, how much is it?"},
        {"role": "trainee", "text": "Which grade is your son in, and how is he doing in English?"},
        {"role": "customer", "text": "English is the problem."},
    ],
}


def test_a_json_lines_file_is_graded_line_by_line(home: Path, tmp_path: Path) -> None:
    upload = tmp_path / "calls.jsonl"
    upload.write_text(json.dumps(CALL) + "\n{broken\n" + json.dumps({**CALL, "persona": None}) + "\n", encoding="utf-8")
    cards, picker, status = GradeHandlers(home / "personas").upload(str(upload), "en")
    assert len(cards) == 2 and picker["visible"] is True and picker["value"] == 0
    assert cards[0]["milestones"]["known"] is True and cards[1]["milestones"]["known"] is False
    assert "Graded 2" in status and "calls.jsonl, line 2: not valid JSON" in status


def test_a_single_json_file_and_nothing_at_all(home: Path, tmp_path: Path) -> None:
    upload = tmp_path / "call.json"
    upload.write_text(json.dumps(CALL), encoding="utf-8")
    grader = GradeHandlers(home / "personas")
    cards, picker, status = grader.upload(str(upload), "zh")
    assert len(cards) == 1 and picker["visible"] is False and "已评分 1" in status
    assert grader.upload(None, "en")[0] == []
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    assert "the file is empty" in grader.upload(str(empty), "en")[2]
