"""Finding and loading persona files, with errors that name the file, the field and the fix."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml
from pydantic import ValidationError

from personas.schema import Persona

BUILTIN_DIR = Path(str(files("personas") / "builtin"))


@dataclass(frozen=True)
class PersonaProblem:
    """One thing wrong with a persona file."""

    file: str
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.problem} (fix: {self.fix})"


class PersonaError(Exception):
    """A persona file that cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[PersonaProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownPersonaError(LookupError):
    """No persona with that id and language."""


def _fix_for(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"add the field `{error['loc'][-1]}`"
    if kind == "extra_forbidden":
        return "remove it, or check its spelling against `salesim schema persona`"
    if kind == "literal_error":
        return f"use one of {ctx.get('expected', 'the allowed values')}"
    if kind in ("too_short", "string_too_short"):
        return "give it at least one non-empty entry"
    if kind == "string_pattern_mismatch":
        return "use lowercase letters, digits and hyphens, like `hotel-member`"
    if kind in ("greater_than_equal", "less_than_equal", "int_parsing", "float_parsing"):
        return "use a number in the allowed range (trust and patience: 0-100; shares: 0-1)"
    if kind in ("list_type", "dict_type", "model_type", "string_type"):
        return f"make it a {kind.removesuffix('_type').replace('model', 'mapping')}"
    return "see `salesim schema persona` for what this field takes"


def problems_from_validation(file: str, exc: ValidationError) -> list[PersonaProblem]:
    """Turn a pydantic error into one readable problem per field."""
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(whole file)"
        message = error["msg"].removeprefix("Value error, ")
        problems.append(PersonaProblem(file, field, message, _fix_for(error)))
    return problems


def load_persona_file(path: Path) -> Persona:
    """Read and validate one persona YAML file; raise PersonaError naming every problem."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PersonaError(
            [PersonaProblem(name, "(file)", f"cannot read it: {exc.strerror}", "check the path and permissions")]
        ) from exc
    return parse_persona_yaml(text, name)


def parse_persona_yaml(text: str, name: str) -> Persona:
    """Validate persona YAML text (a file's, or an editor's named `name`) with the same checks and messages."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(file)"
        raise PersonaError(
            [
                PersonaProblem(
                    name,
                    where,
                    f"not valid YAML: {getattr(exc, 'problem', exc)}",
                    "fix the indentation or quoting on that line",
                )
            ]
        ) from exc
    if not isinstance(raw, dict):
        raise PersonaError(
            [
                PersonaProblem(
                    name, "(whole file)", "the file is not a YAML mapping", "start from `salesim personas new`"
                )
            ]
        )
    try:
        return Persona.model_validate(raw)
    except ValidationError as exc:
        raise PersonaError(problems_from_validation(name, exc)) from exc


def persona_files(extra_dirs: tuple[Path, ...] = ()) -> list[Path]:
    """Every persona file: built-in ones first, then those in the user's folders."""
    found = sorted(BUILTIN_DIR.glob("*.yaml"))
    for folder in extra_dirs:
        if folder.is_dir():
            found += sorted(folder.glob("*.yaml"))
    return found


@cache
def _load_cached(path: Path, mtime: float) -> Persona:
    return load_persona_file(path)


def load_all(extra_dirs: tuple[Path, ...] = ()) -> list[Persona]:
    """Load every persona; a broken user file, or one whose id clashes with another file's, raises PersonaError
    (with every problem in every file) rather than being skipped silently."""
    loaded: list[tuple[Path, Persona]] = []
    problems: list[PersonaProblem] = []
    for path in persona_files(extra_dirs):
        try:
            loaded.append((path, _load_cached(path, path.stat().st_mtime)))
        except PersonaError as exc:
            problems += exc.problems
    problems += id_clashes(loaded)
    if problems:
        raise PersonaError(problems)
    return [persona for _, persona in loaded]


def id_clashes(loaded: list[tuple[Path, Persona]]) -> list[PersonaProblem]:
    """Two files for one id and language, or a user persona reusing a built-in id: ids must not clash."""
    problems = []
    seen: dict[str, Path] = {}
    builtin_ids = {p.id for path, p in loaded if path.parent == BUILTIN_DIR}
    for path, persona in loaded:
        first = seen.setdefault(persona.key, path)
        if first != path:
            problems.append(
                PersonaProblem(
                    str(path),
                    "id",
                    f"'{persona.id}' in '{persona.language}' is already defined in {first}",
                    "give this persona a new id (built-in and user personas share one list)",
                )
            )
        elif path.parent != BUILTIN_DIR and persona.id in builtin_ids:
            problems.append(
                PersonaProblem(
                    str(path),
                    "id",
                    f"'{persona.id}' is the id of a built-in persona",
                    "give your persona its own id (copying one? rename it, e.g. my-tv-parent)",
                )
            )
    return problems


def save_user_persona(text: str, folder: Path) -> Path:
    """Validate persona YAML and save it to the user folder: over the file that already holds this id and language,
    else as FOLDER/<id>.<language>.yaml, with the checks `load_all` makes: a built-in persona is never replaced,
    and the id clashes with no other persona."""
    persona = parse_persona_yaml(text, "(editor)")
    loaded: list[tuple[Path, Persona]] = []
    for other in persona_files((folder,)):
        with contextlib.suppress(PersonaError):  # another broken file is not this persona's problem
            loaded.append((other, _load_cached(other, other.stat().st_mtime)))
    # Editing a persona whose file a trainer named themselves updates that file rather than adding a twin.
    mine = [f for f, p in loaded if p.key == persona.key and f.parent.resolve() == folder.resolve()]
    path = mine[0] if mine else folder / f"{persona.key}.yaml"
    loaded = [(f, p) for f, p in loaded if f != path]
    problems = [p for p in id_clashes([*loaded, (path, persona)]) if p.file == str(path)]
    if problems:
        raise PersonaError(problems)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return path


def get_persona(persona_id: str, language: str, extra_dirs: tuple[Path, ...] = ()) -> Persona:
    """The persona with this id in this language, or UnknownPersonaError listing what exists."""
    personas = load_all(extra_dirs)
    for persona in personas:
        if persona.id == persona_id and persona.language == language:
            return persona
    known = sorted({p.key for p in personas})
    raise UnknownPersonaError(
        f"no persona '{persona_id}' in language '{language}'. Known: {', '.join(known)}. See `salesim personas list`."
    )
