"""Personas as the web app lists them: every file that loads, and what is wrong with the ones that do not.

A broken file must not take the whole app down; starting a call still goes through the library's checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from personas.library import BUILTIN_DIR, PersonaError, load_persona_file, persona_files
from personas.schema import Persona


@dataclass(frozen=True)
class Entry:
    path: Path
    persona: Persona

    @property
    def builtin(self) -> bool:
        return self.path.parent == BUILTIN_DIR


def catalogue(user_dir: Path) -> tuple[list[Entry], list[str]]:
    """Built-in personas first, then the user's; and one message per file that failed to load."""
    entries, broken = [], []
    for path in persona_files((user_dir,)):
        try:
            entries.append(Entry(path, load_persona_file(path)))
        except PersonaError as exc:
            broken.append(str(exc))
    return entries, broken
