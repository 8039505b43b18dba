"""The `salesim` command as a trainee or trainer uses it: real process, real input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env

GOOD_EN = """Good afternoon, LinguaPal order line, this is Lily. May I have your name?
Mr. Zhou, which grade is your son in, and how is he doing in English?
How does he study English at the moment?
If his English stays where it is, how will that affect the high-school entrance exam?
So English is the weak subject and the exam is under three years away, right?
It has 3,000 native-speaker dialogues and a coach that scores his pronunciation, so unlike rote learning he really speaks. That means your son can catch up on English before the entrance exam.
Over 20,000 families use it, marks rise 15 points in a term on average, and you have 30 days to return it.
It's 1,280 yuan, or three instalments of 427.
I understand. A private tutor costs that in a month; this is his tutor every day until the exam, with a money-back guarantee.
Shall I place the order and have it delivered on Thursday morning?
Which phone number and address should the courier use?
Thank you Mr. Zhou, goodbye.
"""


def salesim(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(home),
        timeout=120,
    )


def test_personas_list_json_has_one_entry_per_persona_and_language(home: Path) -> None:
    result = salesim(home, "personas", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"id", "language", "direction", "difficulty", "title"} == set(rows[0])
    assert {(r["id"], r["language"]) for r in rows} >= {("tv-parent", "en"), ("tv-parent", "zh")}


def test_a_scripted_call_prints_the_transcript_and_its_scorecard(home: Path) -> None:
    result = salesim(
        home, "practice", "--persona", "tv-parent", "--lang", "en", "--script", "-", "--json", stdin=GOOD_EN
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["outcome"] == "deal"
    assert record["milestones"][0] == "need_with_motive"
    assert record["turns"][0]["role"] == "customer"  # inbound: the parent speaks first
    assert all({"role", "text", "at"} <= set(t) for t in record["turns"])
    assert record["scorecard"]["score"] > 50
    trainee = [t for t in record["scorecard"]["turns"] if t["role"] == "trainee"]
    assert "implication" in trainee[3]["labels"]["spin"]


def test_unknown_persona_empty_script_and_missing_file_fail_cleanly(home: Path, tmp_path: Path) -> None:
    unknown = salesim(home, "practice", "--persona", "nobody", "--script", "-", stdin="hi\n")
    assert unknown.returncode == 2 and "no persona 'nobody'" in unknown.stderr and "Traceback" not in unknown.stderr
    empty = salesim(home, "practice", "--script", "-", stdin="\n\n")
    assert empty.returncode == 2 and "no lines" in empty.stderr
    missing = salesim(home, "practice", "--script", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_grade_writes_every_format_and_reports_a_bad_line_without_stopping(home: Path, tmp_path: Path) -> None:
    good = {
        "turns": [
            {"role": "trainee", "text": "How many people use it at the moment?"},
            {"role": "customer", "text": "Three of us."},
        ]
    }
    batch = tmp_path / "calls.jsonl"
    batch.write_text(json.dumps(good) + "\n{broken\n" + json.dumps(good) + "\n", encoding="utf-8")
    result = salesim(home, "grade", str(batch), "--format", "json")
    assert result.returncode == 1
    assert "calls.jsonl, line 2" in result.stderr
    cards = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(cards) == 2
    assert cards[0]["turns"][0] == {
        "index": 0,
        "role": "trainee",
        "text": good["turns"][0]["text"],
        "labels": {"spin": ["situation"], "fabe": [], "close": [], "stage": "cognitive"},
        "stage": "cognitive",
    }
    single = tmp_path / "one.json"
    single.write_text(json.dumps(good), encoding="utf-8")
    out = tmp_path / "out"
    for fmt in ("md", "html"):
        assert salesim(home, "grade", str(single), "--format", fmt, "--out", str(out)).returncode == 0
    assert (out / "one.md").read_text(encoding="utf-8").startswith("# Scorecard")
    assert "<html>" in (out / "one.html").read_text(encoding="utf-8")


def test_schemas_print(home: Path) -> None:
    for name in ("scorecard", "persona", "transcript"):
        result = salesim(home, "schema", name)
        assert result.returncode == 0 and json.loads(result.stdout)["type"] == "object"
    assert salesim(home, "schema", "nothing").returncode == 2


def test_difficulty_plays_the_customer_harder_and_a_resumed_call_keeps_its_level(home: Path) -> None:
    script = (Path(__file__).parent / "scripts" / "price-objector.en.pricefirst.txt").read_text(encoding="utf-8")
    turns = {}
    for level in ("easy", "hard"):
        result = salesim(
            home,
            "practice",
            "--persona",
            "price-objector",
            "--script",
            "-",
            "--json",
            "--difficulty",
            level,
            stdin=script,
        )
        assert result.returncode == 0, result.stderr
        turns[level] = len(json.loads(result.stdout)["turns"])
    assert turns["hard"] < turns["easy"]  # a harder customer loses patience with a price-first call sooner
    resumed = salesim(home, "practice", "--resume", "abc", "--difficulty", "hard")
    assert resumed.returncode == 2 and "keeps the level" in resumed.stderr
