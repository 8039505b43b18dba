"""A trainer's own personas live in a folder they own, load beside the built-in ones, and never clash with them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import cli_env
from typer.testing import CliRunner

from personas.library import BUILTIN_DIR, PersonaError, load_all
from simulator.settings import Settings
from ui.cli import app

TEMPLATE = BUILTIN_DIR.parent / "template.yaml"


def _write(folder: Path, name: str, **changes) -> Path:
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data.update(changes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_user_personas_load_beside_the_built_in_ones(tmp_path: Path) -> None:
    _write(tmp_path, "linen-hotel.en.yaml", id="linen-hotel")
    keys = {p.key for p in load_all((tmp_path,))}
    assert "linen-hotel.en" in keys and "tv-parent.zh" in keys


def test_a_user_persona_may_not_take_a_built_in_id(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.yaml", id="tv-parent", language="en")
    with pytest.raises(PersonaError) as caught:
        load_all((tmp_path,))
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == (str(path), "id") and "already defined" in problem.problem
    assert "new id" in problem.fix


def test_two_user_files_for_one_persona_are_both_named(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.yaml", id="linen-hotel")
    second = _write(tmp_path, "b.yaml", id="linen-hotel")
    with pytest.raises(PersonaError) as caught:
        load_all((tmp_path,))
    assert str(first) in str(caught.value) and str(second) in str(caught.value)
    # The same id in another language is the persona's translation, not a clash.
    _write(tmp_path, "b.yaml", id="linen-hotel", language="zh")
    assert {"linen-hotel.en", "linen-hotel.zh"} <= {p.key for p in load_all((tmp_path,))}


def test_the_folder_is_configurable(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().user_persona_dir == home / "personas"
    folder = tmp_path / "team-personas"
    monkeypatch.setenv("SALESIM_PERSONA_DIR", str(folder))
    assert Settings().user_persona_dir == folder
    _write(folder, "linen-hotel.en.yaml", id="linen-hotel")
    listed = CliRunner().invoke(
        app, ["personas", "list", "--json"], env={**cli_env(home), "SALESIM_PERSONA_DIR": str(folder)}
    )
    assert listed.exit_code == 0, listed.output
    assert '"linen-hotel"' in listed.output


def test_editing_a_persona_in_a_file_the_trainer_named_updates_that_file(tmp_path: Path) -> None:
    from personas.library import save_user_persona

    mine = _write(tmp_path, "my hotel guest.yaml", id="linen-hotel", title="Before")
    edited = yaml.safe_load(mine.read_text(encoding="utf-8")) | {"title": "After"}
    saved = save_user_persona(yaml.safe_dump(edited, allow_unicode=True, sort_keys=False), tmp_path)
    assert saved == mine and sorted(p.name for p in tmp_path.iterdir()) == ["my hotel guest.yaml"]
    assert [p.title for p in load_all((tmp_path,)) if p.key == "linen-hotel.en"] == ["After"]
