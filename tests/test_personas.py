"""Personas are data a trainer writes; a broken file says which file, which field and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from personas.library import BUILTIN_DIR, PersonaError, get_persona, load_all, load_persona_file


def test_every_seed_customer_exists_in_both_languages() -> None:
    keys = {p.key for p in load_all()}
    for pid in ("tv-parent", "hotel-member", "price-objector"):
        assert {f"{pid}.en", f"{pid}.zh"} <= keys


def test_inbound_personas_open_the_call_and_outbound_do_not() -> None:
    assert get_persona("tv-parent", "zh").opening_line
    assert get_persona("hotel-member", "en").opening_line is None


def _broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((BUILTIN_DIR / "tv-parent.en.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_missing_field_is_named_with_its_file_and_fix(tmp_path: Path) -> None:
    path = _broken(tmp_path, lambda d: d["customer"].pop("name"))
    with pytest.raises(PersonaError) as caught:
        load_persona_file(path)
    message = str(caught.value)
    assert "broken.yaml" in message and "customer.name" in message and "add the field" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def break_two(d: dict) -> None:
        d["trust"] = 150
        d["direction"] = "sideways"

    with pytest.raises(PersonaError) as caught:
        load_persona_file(_broken(tmp_path, break_two))
    fields = {p.field for p in caught.value.problems}
    assert {"trust", "direction"} <= fields


def test_an_inbound_persona_without_an_opening_line_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PersonaError, match="opening_line"):
        load_persona_file(_broken(tmp_path, lambda d: d.pop("opening_line")))


def test_invalid_yaml_points_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\n  customer: [\n", encoding="utf-8")
    with pytest.raises(PersonaError, match=r"bad.yaml: line \d"):
        load_persona_file(path)
