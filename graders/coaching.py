"""Better lines for the scorecard's misses: offline templates in the call's language."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from personas.schema import Persona


@cache
def _templates() -> dict[str, dict[str, str]]:
    return yaml.safe_load((files("graders") / "coaching.yaml").read_text(encoding="utf-8"))


def better_line(code: str, language: str, persona: Persona | None) -> str | None:
    """A concrete line the trainee could have said instead, filled from the persona's fact sheet."""
    template = _templates().get(language, _templates()["en"]).get(code)
    if template is None:
        return None
    sheet = persona.fact_sheet if persona else None
    generic = {"en": "our offer", "zh": "我们的产品"}.get(language, "our offer")
    values = {
        "product": sheet.product if sheet else generic,
        "feature": sheet.features[0] if sheet else "…",
        "advantage": sheet.advantages[0] if sheet else "…",
        "benefit": sheet.benefits[0] if sheet else "…",
        "evidence": sheet.evidence[0] if sheet else "…",
        "price": sheet.price if sheet else "…",
    }
    for key, value in values.items():
        template = template.replace("{" + key + "}", _inside_sentence(value) if language == "en" else value)
    return template


def _inside_sentence(value: str) -> str:
    """A fact-sheet line set inside a sentence ("that means Your documents…" -> "that means your documents…");
    words like "A4" or "BrightOffice" keep their capitals."""
    first = value.split(" ", 1)[0]
    return value[0].lower() + value[1:] if first[:1].isupper() and first[1:].islower() else value
