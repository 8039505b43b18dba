"""`salesim selfplay`: a trainer checks a persona from the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import cli_env
from typer.testing import CliRunner

from ui.cli import app

SELFPLAY = (sys.executable, "-m", "ui.cli", "selfplay")


def test_selfplay_prints_one_json_line_per_run(home: Path) -> None:
    result = subprocess.run(
        [
            *SELFPLAY,
            "--persona",
            "stretch-ceiling",
            "--lang",
            "zh",
            "--trainee",
            "good",
            "--difficulty",
            "easy",
            "--runs",
            "2",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=cli_env(home),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    for record in lines:
        assert {"persona", "language", "difficulty", "trainee", "outcome", "score"} <= set(record)
        assert (record["persona"], record["language"], record["difficulty"]) == ("stretch-ceiling", "zh", "easy")
        assert record["outcome"] in {"deal", "intention"} and 0 <= record["score"] <= 100


def test_selfplay_table_and_clean_errors(home: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(
        app, ["selfplay", "--persona", "tv-parent", "--lang", "en", "--trainee", "rude"], env=cli_env(home)
    )
    assert table.exit_code == 0, table.output
    assert "refusal" in table.output and "customer_hung_up" in table.output
    unknown = runner.invoke(
        app, ["selfplay", "--persona", "nobody", "--lang", "en", "--trainee", "good"], env=cli_env(home)
    )
    assert unknown.exit_code == 2 and "no persona 'nobody'" in unknown.output
    bad = runner.invoke(
        app, ["selfplay", "--persona", "tv-parent", "--lang", "en", "--trainee", "lazy"], env=cli_env(home)
    )
    assert bad.exit_code == 2
