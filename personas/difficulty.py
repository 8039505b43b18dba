"""Difficulty levels: the same customer, harder or easier to win. A pure function of the persona.

Difficulty changes how the customer behaves, never what is true about them: the fact sheet, the facts, the
needs, the urgent motive and the line bank stay exactly as the trainer wrote them.

| level  | trust, patience     | volunteers | needs before the motive (milestone 1) | objections               |
| ------ | ------------------- | ---------- | ------------------------------------- | ------------------------ |
| easy   | +15, +20 (per step) | much       | one                                   | only the first one       |
| normal | as written          | as written | as written                            | all but the `hard` ones  |
| hard   | -10, -10 (per step) | little     | one more than written (if there is)   | all, `hard` ones as well |

A persona file describes the customer at its own `difficulty` (normal for the built-in ones); trust and patience
move by one step per level away from it.
"""

from __future__ import annotations

from personas.schema import Difficulty, Objection, Persona

LEVELS: tuple[Difficulty, ...] = ("easy", "normal", "hard")
EASIER_TRUST, EASIER_PATIENCE = 15, 20
HARDER_TRUST, HARDER_PATIENCE = 10, 10
EASY_OBJECTIONS = 1


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def objections_at(persona: Persona, level: Difficulty) -> list[Objection]:
    """The objections the customer raises at this level, in the order the trainer wrote them."""
    rank = LEVELS.index(level)
    kept = [o for o in persona.objections if LEVELS.index(o.from_difficulty) <= rank]
    return kept[:EASY_OBJECTIONS] if level == "easy" else kept


def at_difficulty(persona: Persona, level: Difficulty) -> Persona:
    """The persona played at `level`. Returns a new persona; the one given is not changed."""
    if level not in LEVELS:
        raise ValueError(f"unknown difficulty '{level}': use one of {', '.join(LEVELS)}")
    steps = LEVELS.index(level) - LEVELS.index(persona.difficulty)
    trust, patience = persona.trust, persona.patience
    if steps < 0:
        trust, patience = trust - steps * EASIER_TRUST, patience - steps * EASIER_PATIENCE
    elif steps > 0:
        trust, patience = trust - steps * HARDER_TRUST, patience - steps * HARDER_PATIENCE
    required = persona.milestones.needs_required
    volunteers = persona.volunteers
    if level == "easy":
        required, volunteers = 1, "much"
    elif level == "hard":
        required, volunteers = min(len(persona.needs), required + 1), "little"
    return persona.model_copy(
        update={
            "difficulty": level,
            "trust": _clamp(trust),
            "patience": _clamp(patience),
            "volunteers": volunteers,
            "objections": objections_at(persona, level),
            "milestones": persona.milestones.model_copy(update={"needs_required": required}),
        }
    )
