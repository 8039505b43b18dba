"""A trainer builds a persona in the web app: duplicate, edit in the form or as YAML, check, save."""

from __future__ import annotations

from pathlib import Path

import yaml

from personas.library import BUILTIN_DIR, PersonaError, load_persona_file
from ui.personas_tab import FIELDS, PersonaEditor

TV_EN = str(BUILTIN_DIR / "tv-parent.en.yaml")


def field(values: list, key: str):
    return values[[f.key for f in FIELDS].index(key)]


def with_field(values: list, key: str, value) -> list:
    values = list(values)
    values[[f.key for f in FIELDS].index(key)] = value
    return values


def test_a_duplicate_is_saved_to_the_trainers_folder_and_the_builtin_is_untouched(home: Path) -> None:
    editor = PersonaEditor(home / "personas")
    before = Path(TV_EN).read_text(encoding="utf-8")
    text, *values, status = editor.duplicate(TV_EN, "en")
    assert field(values, "f_id") == "tv-parent-copy" and status == ""
    values = with_field(values, "f_title", "Inbound: a grandmother asks about the device")
    saved = editor.save("form", text, *values, "en")
    assert "Saved to" in saved[len(FIELDS) + 1]
    path = home / "personas" / "tv-parent-copy.en.yaml"
    assert load_persona_file(path).title == "Inbound: a grandmother asks about the device"
    assert Path(TV_EN).read_text(encoding="utf-8") == before
    table, choices, broken = editor.catalogue("en")
    assert "tv-parent-copy" in set(table["id"]) and "yours" in set(table["source"]) and broken == ""
    assert str(path) in [value for _, value in choices]
    assert field(editor.duplicate(str(path), "en")[1:], "f_id") == "tv-parent-copy-copy"


def test_saving_under_a_builtin_id_is_refused(home: Path) -> None:
    editor = PersonaEditor(home / "personas")
    text, *values, _ = editor.open(TV_EN, "en")
    status = editor.save("yaml", text, *values, "en")[len(FIELDS) + 1]
    assert "already defined" in status and "new id" in status
    assert not (home / "personas").exists() or not list((home / "personas").glob("*.yaml"))


def test_problems_read_the_same_as_the_cli(home: Path, tmp_path: Path) -> None:
    editor = PersonaEditor(home / "personas")
    text, *values, _ = editor.duplicate(TV_EN, "en")
    broken = text.replace("trust: 45", "trust: 150").replace("patience: 70", "patience: lots")
    status = editor.check("yaml", broken, *values, "en")[-1]
    file = tmp_path / "broken.yaml"
    file.write_text(broken, encoding="utf-8")
    try:
        load_persona_file(file)
    except PersonaError as exc:
        cli_problems = exc.problems
    assert len(cli_problems) == 2
    for problem in cli_problems:
        assert problem.field in status and problem.fix in status
    assert "valid YAML" in editor.check("yaml", "id: [unclosed", *values, "en")[-1]


def test_form_and_yaml_carry_each_others_edits(home: Path) -> None:
    editor = PersonaEditor(home / "personas")
    text, *values, _ = editor.duplicate(TV_EN, "en")
    values = with_field(values, "f_features", "One feature\n\nAnother feature\n")
    values = with_field(values, "f_trust", 60)
    synced_text, synced_values, _ = editor.sync("form", text, values, "en")
    data = yaml.safe_load(synced_text)
    assert data["fact_sheet"]["features"] == ["One feature", "Another feature"] and data["trust"] == 60
    assert data["lines"] == yaml.safe_load(text)["lines"]  # what the form does not show survives
    edited = synced_text.replace("patience: 70", "patience: 20")
    _, back, _ = editor.sync("yaml", edited, synced_values, "en")
    assert field(back, "f_patience") == 20 and field(back, "f_trust") == 60
    checked = editor.check("form", synced_text, *synced_values, "en")
    assert "Valid: tv-parent-copy.en" in checked[-1]


def test_opening_nothing_asks_for_a_pick(home: Path) -> None:
    assert "Pick a persona" in PersonaEditor(home / "personas").open(None, "en")[-1]
