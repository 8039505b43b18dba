"""The `salesim` command line: list personas, practise a call in the terminal, grade transcripts."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from graders.render import to_html, to_markdown
from graders.scorecard import Scorecard, grade
from graders.transcript import LoadedTranscript, Transcript, TranscriptError, read_transcripts
from personas.library import BUILTIN_DIR, PersonaError, UnknownPersonaError, get_persona, load_all
from personas.lint import validate_files
from personas.schema import Persona
from simulator.graph import END_CALL
from simulator.selfplay import offline_simulator, play
from simulator.session import CallError, CallView, Simulator
from simulator.settings import Settings
from simulator.voices.llm import open_voice

app = typer.Typer(help="salesim: practise telesales calls against simulated customers.", no_args_is_help=True)
personas_app = typer.Typer(help="Browse and check personas.", no_args_is_help=True)
app.add_typer(personas_app, name="personas")

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error (no traceback) and return the exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _settings() -> Settings:
    return Settings()


@personas_app.command("list")
def personas_list(as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False) -> None:
    """List every persona, one row per persona and language."""
    settings = _settings()
    try:
        personas = load_all((settings.user_persona_dir,))
    except PersonaError as exc:
        raise fail(str(exc)) from None
    rows = [
        {"id": p.id, "language": p.language, "direction": p.direction, "difficulty": p.difficulty, "title": p.title}
        for p in personas
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title="Personas")
    for column in ("id", "language", "direction", "difficulty", "title"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(row[c] for c in ("id", "language", "direction", "difficulty", "title")))
    out.print(table)


def _read_script(script: str) -> list[str]:
    if script == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(script).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise fail(f"script file '{script}' does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"cannot read script file '{script}': {exc}") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise fail(f"script '{script}' has no lines: write one trainee line per line")
    return lines


def _show_customer(view: CallView, start: int) -> None:
    for message in view.transcript[start:]:
        if message["role"] == "customer":
            out.print(f"[bold cyan]Customer:[/] {message['text']}", highlight=False)


def _show_end(view: CallView) -> None:
    out.print(
        f"\n[bold]Call over[/] ({view.ended_by}): outcome [bold]{view.outcome}[/], "
        f"milestones: {', '.join(view.milestones) or 'none'}",
        highlight=False,
    )


class Level(StrEnum):
    easy = "easy"
    normal = "normal"
    hard = "hard"


class Backend(StrEnum):
    offline = "offline"
    llm = "llm"
    local = "local"


@app.command()
def practice(
    persona: Annotated[str, typer.Option(help="Persona id, see `salesim personas list`.")] = "tv-parent",
    lang: Annotated[str, typer.Option(help="Language of the call: zh or en.")] = "en",
    script: Annotated[
        str | None, typer.Option(help="Play trainee lines from FILE (one per line; - for stdin).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the finished call as one JSON object.")] = False,
    resume: Annotated[str | None, typer.Option(help="Continue the unfinished call with this id.")] = None,
    backend: Annotated[
        Backend | None,
        typer.Option(
            help="Customer voice: offline (the persona's lines), llm (OPENAI_BASE_URL / OPENAI_API_KEY) or local "
            "(the bundled SmolLM2, needs the local extra). Default: SALESIM_BACKEND, else offline."
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name for --backend llm (default: SALESIM_MODEL).")] = None,
    difficulty: Annotated[
        Level | None, typer.Option(help="Play the customer easier or harder than written (default: as written).")
    ] = None,
) -> None:
    """Practise a call: type your lines, /end to hang up. Calls are saved after every turn."""
    if lang not in ("zh", "en"):
        raise fail(f"unknown language '{lang}': use zh or en")
    lines = _read_script(script) if script is not None else None
    settings = _settings()
    setup = open_voice(settings, backend, model, warn=lambda m: err.print(f"[yellow]note:[/] {m}", highlight=False))
    if setup.notice:
        err.print(f"[yellow]note:[/] {setup.notice}", highlight=False)
    sim = Simulator(settings, voice=setup.voice)
    try:
        if resume and difficulty:
            raise fail("--difficulty applies to a new call; a resumed call keeps the level it started with")
        level = difficulty.value if difficulty else None
        view = sim.view(resume) if resume else sim.start(persona, lang, difficulty=level)
        if resume and view.finished:
            raise fail(f"call '{resume}' has already ended ({view.outcome})")
        if not as_json:
            out.print(f"[bold]{view.title}[/]  (call id {view.thread_id}; type {END_CALL} to hang up)", highlight=False)
            _show_customer(view, 0)
        view = _play(sim, view, lines, quiet=as_json)
        if view.scorecard and setup.client and settings.llm_feedback:  # the model words; the grades stay
            view = view.model_copy(update={"scorecard": sim.coached_scorecard(view.thread_id, setup.client)})
    except UnknownPersonaError as exc:
        raise fail(str(exc)) from None
    except (CallError, PersonaError) as exc:
        raise fail(str(exc)) from None
    finally:
        sim.close()
        setup.close()
    if view.scorecard and view.scorecard.get("coach_summary") and not as_json:
        out.print(f"[bold]Coach:[/] {view.scorecard['coach_summary']}", highlight=False)
    if as_json:
        typer.echo(json.dumps(view.as_record(), ensure_ascii=False))
    elif view.finished:
        _show_end(view)


def _play(sim: Simulator, view: CallView, lines: list[str] | None, quiet: bool) -> CallView:
    pending = iter(lines) if lines is not None else None
    while not view.finished:
        if pending is not None:
            line = next(pending, END_CALL)
            if not quiet:
                out.print(f"[bold green]You:[/] {line}", highlight=False)
        else:
            try:
                line = out.input("[bold green]You:[/] ").strip()
            except (EOFError, KeyboardInterrupt):
                out.print(f"\nCall saved. Continue it with: salesim practice --resume {view.thread_id}")
                return view
            if not line:
                continue
        before = len(view.transcript)
        try:
            view = sim.say(view.thread_id, line)
        except CallError as exc:
            if pending is not None:
                raise
            err.print(f"[red]{exc}[/]")
            continue
        if not quiet:
            _show_customer(view, before)
    return view


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _grade_one(loaded: LoadedTranscript, extra_dirs: tuple[Path, ...]) -> Scorecard:
    t = loaded.transcript
    persona = None
    if t.persona:
        try:
            persona = get_persona(t.persona, t.language or t.lang, extra_dirs)
        except UnknownPersonaError:
            persona = None
    return grade(t, persona)


@app.command("grade")
def grade_command(
    files: Annotated[list[Path], typer.Argument(help="Transcript files: JSON, or JSON Lines of transcripts.")],
    fmt: Annotated[Format, typer.Option("--format", help="json, md or html.")] = Format.json,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write one file per transcript here.")] = None,
) -> None:
    """Grade transcripts: one scorecard per transcript. A bad transcript is reported; the rest still run."""
    extra = (_settings().user_persona_dir,)
    loaded = [item for path in files for item in read_transcripts(path)]
    failures = 0
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    with Progress(console=err, transient=True, disable=not err.is_terminal or len(loaded) < 2) as progress:
        task = progress.add_task("grading", total=len(loaded))
        for item in loaded:
            progress.advance(task)
            if isinstance(item, TranscriptError):
                failures += 1
                err.print(f"[bold red]error:[/] {item}", highlight=False)
                continue
            card = _grade_one(item, extra)
            text = {
                Format.json: lambda c=card: json.dumps(c.model_dump(mode="json"), ensure_ascii=False),
                Format.md: lambda c=card: to_markdown(c),
                Format.html: lambda c=card: to_html(c),
            }[fmt]()
            if out_dir:
                stem = Path(item.file).stem + (f"-{item.line}" if item.line else "")
                (out_dir / f"{stem}.{fmt.value}").write_text(
                    text if text.endswith("\n") else text + "\n", encoding="utf-8"
                )
            else:
                typer.echo(text.rstrip("\n"))
    if failures:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the web app.")] = 7860,
    share: Annotated[bool, typer.Option(help="Also open a public Gradio share link (off by default).")] = False,
) -> None:
    """Start the web app: practise calls, read scorecards, edit personas, see your history."""
    from ui.app import serve as serve_app  # Gradio loads only for this command

    serve_app(host=host, port=port, share=share)


@app.command("schema")
def schema_command(
    name: Annotated[str, typer.Argument(help="scorecard, persona or transcript.")],
) -> None:
    """Print a JSON Schema."""
    models = {"scorecard": Scorecard, "persona": Persona, "transcript": Transcript}
    if name not in models:
        raise fail(f"unknown schema '{name}': use one of {', '.join(models)}")
    typer.echo(json.dumps(models[name].model_json_schema(), ensure_ascii=False, indent=2))


TEMPLATE = BUILTIN_DIR.parent / "template.yaml"


@personas_app.command("new")
def personas_new(
    persona_id: Annotated[str, typer.Argument(help="Id of the new persona: lowercase, digits, hyphens.")] = (
        "my-customer"
    ),
    lang: Annotated[str, typer.Option(help="Language of the persona: en or zh.")] = "en",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Write here; - prints it (default: your persona folder).")
    ] = None,
) -> None:
    """Start a persona from a filled-in template; edit it, then run `salesim personas validate`."""
    if lang not in ("zh", "en"):
        raise fail(f"unknown language '{lang}': use zh or en")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,48}", persona_id):
        raise fail(f"'{persona_id}' is not a persona id: use lowercase letters, digits and hyphens, like my-customer")
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("id: my-customer ", f"id: {persona_id} ", 1).replace("language: en ", f"language: {lang} ", 1)
    if out_path is not None and str(out_path) == "-":
        typer.echo(text.rstrip("\n"))
        return
    target = out_path or _settings().user_persona_dir / f"{persona_id}.{lang}.yaml"
    if target.exists():
        raise fail(f"'{target}' already exists: pick another id or --out path")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    out.print(f"Wrote {target}. Edit it, then check it with: salesim personas validate {target}", highlight=False)


@personas_app.command("validate")
def personas_validate(
    paths: Annotated[list[Path], typer.Argument(help="Persona files, or folders of them.")],
) -> None:
    """Check persona files: schema, id clashes and winnability. Every problem at once: file, field and fix."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
    findings = validate_files(paths, (_settings().user_persona_dir,))
    for finding in findings:
        colour = "red" if finding.severity == "error" else "yellow"
        out.print(
            f"[{colour}]{finding.severity}[/]: {finding.file}: {finding.field}: {finding.problem} (fix: {finding.fix})",
            highlight=False,
            soft_wrap=True,
        )
    errors = sum(f.severity == "error" for f in findings)
    out.print(f"{errors} error(s), {len(findings) - errors} warning(s)", highlight=False)
    if errors:
        raise typer.Exit(1)


class Trainee(StrEnum):
    good = "good"
    weak = "weak"
    rude = "rude"


@app.command("selfplay")
def selfplay_command(
    persona: Annotated[str, typer.Option(help="Persona id, see `salesim personas list`.")],
    lang: Annotated[str, typer.Option(help="Language of the call: zh or en.")],
    trainee: Annotated[
        Trainee,
        typer.Option(
            help="good: discovery, FABE, close; weak: price first and a feature dump; rude: pushes and ignores answers."
        ),
    ],
    difficulty: Annotated[Level, typer.Option(help="How hard the customer is.")] = Level.normal,
    runs: Annotated[int, typer.Option(min=1, max=100, help="Calls to play (each run words things differently).")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per run.")] = False,
) -> None:
    """Let a built-in trainee bot call a persona through the real call graph, offline, and report the results."""
    if lang not in ("zh", "en"):
        raise fail(f"unknown language '{lang}': use zh or en")
    sim = offline_simulator(_settings())
    try:
        results = [play(sim, persona, lang, trainee.value, difficulty.value, run) for run in range(runs)]
    except (UnknownPersonaError, PersonaError) as exc:
        raise fail(str(exc)) from None
    finally:
        sim.close()
    if as_json:
        for result in results:
            typer.echo(json.dumps(result.record(), ensure_ascii=False))
        return
    table = Table(title=f"Self-play: {persona}.{lang}, {difficulty.value}, {trainee.value} trainee")
    for column in ("run", "outcome", "score", "milestones", "turns", "discovery", "ended by"):
        table.add_column(column)
    for r in results:
        table.add_row(
            str(r.run),
            r.outcome,
            str(r.score),
            ", ".join(r.milestones) or "-",
            str(r.turns),
            str(r.discovery),
            r.ended_by or "-",
        )
    out.print(table)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
