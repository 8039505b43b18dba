"""`salesim personas new` and `salesim personas validate`: a trainer writes a customer and checks it."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import cli_env
from typer.testing import CliRunner

from personas.library import BUILTIN_DIR
from ui.cli import app

runner = CliRunner()


def salesim(home: Path, *args: str):
    return runner.invoke(app, list(args), env=cli_env(home))


def test_new_writes_a_filled_in_template_that_validates(home: Path) -> None:
    made = salesim(home, "personas", "new", "linen-hotel", "--lang", "en")
    assert made.exit_code == 0, made.output
    path = home / "personas" / "linen-hotel.en.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (data["id"], data["language"]) == ("linen-hotel", "en")
    checked = salesim(home, "personas", "validate", str(path))
    assert checked.exit_code == 0, checked.output
    assert "0 error(s)" in checked.output
    again = salesim(home, "personas", "new", "linen-hotel", "--lang", "en")
    assert again.exit_code == 2 and "already exists" in again.output


def test_new_can_print_the_template(home: Path) -> None:
    printed = salesim(home, "personas", "new", "my-shop", "--lang", "zh", "--out", "-")
    assert printed.exit_code == 0
    assert "id: my-shop" in printed.output and "language: zh" in printed.output


def test_validate_reports_every_problem_at_once_with_file_field_and_fix(home: Path, tmp_path: Path) -> None:
    data = yaml.safe_load((BUILTIN_DIR / "tv-parent.en.yaml").read_text(encoding="utf-8"))
    data["id"] = "my-parent"
    data["trust"] = 150
    data["direction"] = "sideways"
    del data["customer"]["name"]
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    unwinnable = tmp_path / "unwinnable.yaml"
    data = yaml.safe_load((BUILTIN_DIR / "tv-parent.en.yaml").read_text(encoding="utf-8"))
    data.update(id="cold-parent", trust=0, objections=[])
    unwinnable.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = salesim(home, "personas", "validate", str(broken), str(unwinnable))
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    for field in ("trust", "direction", "customer.name"):
        assert f"broken.yaml: {field}:" in out
    assert "unwinnable.yaml: trust: even a perfect call" in out
    assert out.count("(fix:") >= 4


def test_validate_catches_a_clash_with_a_built_in_id(home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text((BUILTIN_DIR / "hotel-member.zh.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = salesim(home, "personas", "validate", str(copy))
    assert result.exit_code == 1
    assert "copy.yaml: id:" in " ".join(result.output.split())


def test_the_built_in_library_validates(home: Path) -> None:
    result = salesim(home, "personas", "validate", str(BUILTIN_DIR))
    assert result.exit_code == 0, result.output
