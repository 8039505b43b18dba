"""Personas: trainers browse the customers, duplicate one, edit it in a form or as YAML, and save it to their
own persona folder. Validation and its messages are the library's, the same the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from personas.library import PersonaError, parse_persona_yaml, save_user_persona
from ui.catalogue import catalogue
from ui.gradio_offline import gr
from ui.i18n import Labels, t
from ui.scorecard_view import esc

EDITOR = "(editor)"


@dataclass(frozen=True)
class FormField:
    """One persona field the form edits; the rest of the persona is edited as YAML."""

    key: str
    path: tuple[str, ...]
    kind: str  # text, long, lines, choice, int, share
    choices: tuple[str, ...] = ()


FIELDS = (
    FormField("f_id", ("id",), "text"),
    FormField("f_language", ("language",), "choice", ("en", "zh")),
    FormField("f_direction", ("direction",), "choice", ("inbound", "outbound")),
    FormField("f_difficulty", ("difficulty",), "choice", ("easy", "normal", "hard")),
    FormField("f_title", ("title",), "text"),
    FormField("f_customer_name", ("customer", "name"), "text"),
    FormField("f_customer_background", ("customer", "background"), "long"),
    FormField("f_customer_personality", ("customer", "personality"), "long"),
    FormField("f_product", ("fact_sheet", "product"), "text"),
    FormField("f_summary", ("fact_sheet", "summary"), "long"),
    FormField("f_price", ("fact_sheet", "price"), "text"),
    FormField("f_features", ("fact_sheet", "features"), "lines"),
    FormField("f_advantages", ("fact_sheet", "advantages"), "lines"),
    FormField("f_benefits", ("fact_sheet", "benefits"), "lines"),
    FormField("f_evidence", ("fact_sheet", "evidence"), "lines"),
    FormField("f_goal_primary", ("call_goal", "primary"), "text"),
    FormField("f_goal_fallback", ("call_goal", "fallback"), "text"),
    FormField("f_opening_line", ("opening_line",), "long"),
    FormField("f_trust", ("trust",), "int"),
    FormField("f_patience", ("patience",), "int"),
    FormField("f_cognitive", ("stage_profile", "cognitive"), "share"),
    FormField("f_divergent", ("stage_profile", "divergent"), "share"),
    FormField("f_convergent", ("stage_profile", "convergent"), "share"),
)


def _get(data: dict, path: tuple[str, ...]) -> object:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _set(data: dict, path: tuple[str, ...], value: object) -> None:
    for part in path[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    if value is None:
        data.pop(path[-1], None)
    else:
        data[path[-1]] = value


def form_values(data: dict) -> list:
    """The form's values for a persona mapping, in FIELDS order."""
    values = []
    for field in FIELDS:
        value = _get(data, field.path)
        if field.kind == "lines":
            value = "\n".join(str(v) for v in value) if isinstance(value, list) else ""
        elif field.kind in ("text", "long"):
            value = "" if value is None else str(value)
        values.append(value)
    return values


def apply_form(data: dict, values: list) -> dict:
    """The persona mapping with the form's values written into it."""
    for field, value in zip(FIELDS, values, strict=True):
        if field.kind == "lines":
            value = [line.strip() for line in str(value or "").splitlines() if line.strip()]
        elif field.kind in ("text", "long"):
            value = str(value or "").strip() or None
        elif field.kind == "int" and value is not None:
            value = int(value)
        elif field.kind == "share" and value is not None:
            value = round(float(value), 3)
        _set(data, field.path, value)
    return data


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def _problems_html(exc: PersonaError, lang: str) -> str:
    items = "".join(
        f"<li><code>{esc(p.field)}</code>: {esc(p.problem)} <i>(fix: {esc(p.fix)})</i></li>" for p in exc.problems
    )
    return f"<div class='status error'><b>{esc(t('problems', lang))}</b><ul>{items}</ul></div>"


def _ok_html(text: str) -> str:
    return f"<div class='status ok'>{esc(text)}</div>"


class PersonaEditor:
    """Handlers of the Personas tab: no validation of their own, only the library's."""

    def __init__(self, user_dir: Path):
        self.user_dir = user_dir

    def catalogue(self, lang: str) -> tuple[pd.DataFrame, list[tuple[str, str]], str]:
        """The persona table, the picker's choices (label, file path) and any files that failed to load."""
        rows, choices = [], []
        entries, broken = catalogue(self.user_dir)
        for entry in entries:
            p = entry.persona
            source = t("source_builtin" if entry.builtin else "source_user", lang)
            rows.append(
                [
                    p.id,
                    p.language,
                    t(f"direction_{p.direction}", lang),
                    t(f"difficulty_{p.difficulty}", lang),
                    p.title,
                    source,
                ]
            )
            choices.append((f"{p.key} · {p.title} ({source})", str(entry.path)))
        columns = [
            t(k, lang) for k in ("col_id", "col_language", "col_direction", "col_difficulty", "col_title", "col_source")
        ]
        status = "".join(f"<div class='status error'>{esc(b)}</div>" for b in broken)
        return pd.DataFrame(rows, columns=columns), choices, status

    def open(self, path: str | None, lang: str) -> list:
        """A persona file into the editor: its YAML as written, and the form."""
        if not path:
            return [gr.update(), *([gr.update()] * len(FIELDS)), _ok_html(t("pick_persona", lang))]
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        return [text, *form_values(data), ""]

    def duplicate(self, path: str | None, lang: str) -> list:
        """A copy of a persona under a new id, ready to edit and save as the trainer's own."""
        if not path:
            return [gr.update(), *([gr.update()] * len(FIELDS)), _ok_html(t("pick_persona", lang))]
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        taken = {entry.persona.key for entry in catalogue(self.user_dir)[0]}
        base = f"{data.get('id', 'persona')}-copy"[:46]
        new_id, n = base, 2
        while f"{new_id}.{data.get('language')}" in taken:
            new_id, n = f"{base}-{n}", n + 1
        data["id"] = new_id
        return [dump(data), *form_values(data), ""]

    def sync(self, mode: str, text: str, values: list, lang: str) -> tuple[str, list, str]:
        """Bring YAML and form together from whichever the trainer was editing."""
        try:
            data = yaml.safe_load(text or "") or {}
        except yaml.YAMLError as exc:
            return text, values, f"<div class='status error'>{esc(t('yaml_broken', lang, error=exc))}</div>"
        if not isinstance(data, dict):
            data = {}
        if mode == "form" and (data or any(v not in (None, "") for v in values)):
            try:
                text = dump(apply_form(data, values))
            except (TypeError, ValueError) as exc:
                return text, values, f"<div class='status error'>{esc(exc)}</div>"
        return text, form_values(yaml.safe_load(text) or {}), ""

    def _validated(self, mode: str, text: str, values: list, lang: str, save: bool) -> tuple[str, list, str]:
        """YAML and form brought together, then the library's checks (and the save) on the YAML."""
        synced, values, problem = self.sync(mode, text, values, lang)
        try:
            persona = parse_persona_yaml(synced, EDITOR)
            if problem:
                return synced, values, problem
            if save:
                return synced, values, _ok_html(t("saved", lang, path=save_user_persona(synced, self.user_dir)))
            return synced, values, _ok_html(t("valid", lang, persona=persona.key))
        except PersonaError as exc:  # broken YAML too: the library names the line, as the CLI does
            return synced, values, _problems_html(exc, lang)

    def check(self, mode: str, text: str, *rest: object) -> list:
        """Validate what is in the editor; the status shows the same problems `salesim` would."""
        *values, lang = rest
        text, values, status = self._validated(mode, text, list(values), str(lang), save=False)
        return [text, *values, status]

    def save(self, mode: str, text: str, *rest: object) -> list:
        """Validate and save to the user's persona folder; then the refreshed table and picker."""
        *values, lang = rest
        text, values, status = self._validated(mode, text, list(values), str(lang), save=True)
        table, choices, _ = self.catalogue(str(lang))
        return [text, *values, status, table, gr.update(choices=choices), [value for _, value in choices]]


def build(editor: PersonaEditor, labels: Labels, lang: str) -> dict:
    """The Personas tab's components (inside the caller's Tab)."""
    table, choices, broken = editor.catalogue(lang)
    labels.add(gr.Markdown(t("personas_intro", lang)), "personas_intro", "value")
    status = gr.HTML(broken, elem_id="persona-status")
    grid = gr.Dataframe(
        table,
        interactive=False,
        wrap=True,
        max_height=260,
        column_widths=["16%", "9%", "10%", "10%", "43%", "12%"],
        elem_id="persona-table",
    )
    with gr.Row(equal_height=True):
        picker = labels.add(gr.Dropdown(choices, value=None, label=t("persona", lang), scale=4), "persona")
        open_btn = labels.add(gr.Button(t("open", lang), size="md", scale=1), "open", "value")
        copy_btn = labels.add(gr.Button(t("duplicate", lang), size="md", scale=1), "duplicate", "value")
    paths = gr.State([path for _, path in choices])
    mode = gr.State("form")
    form: list = []
    with gr.Tabs():
        with gr.Tab(t("form", lang)) as form_tab:
            labels.add(form_tab, "form")
            with gr.Row():
                for field in FIELDS[:4]:
                    form.append(_input(field, labels, lang))
            for group in (FIELDS[4:8], FIELDS[8:11], FIELDS[11:15], FIELDS[15:18], FIELDS[18:]):
                with gr.Row():
                    for field in group:
                        form.append(_input(field, labels, lang))
        with gr.Tab(t("yaml", lang)) as yaml_tab:
            labels.add(yaml_tab, "yaml")
            code = gr.Code(language="yaml", lines=22, max_lines=40, show_label=False, elem_id="persona-yaml")
    with gr.Row():
        check_btn = labels.add(gr.Button(t("validate", lang)), "validate", "value")
        save_btn = labels.add(gr.Button(t("save", lang), variant="primary"), "save", "value")
    return {
        "status": status,
        "grid": grid,
        "paths": paths,
        "picker": picker,
        "open": open_btn,
        "copy": copy_btn,
        "mode": mode,
        "form": form,
        "form_tab": form_tab,
        "yaml_tab": yaml_tab,
        "code": code,
        "check": check_btn,
        "save": save_btn,
    }


def _input(field: FormField, labels: Labels, lang: str):
    label = t(field.key, lang)
    if field.kind == "choice":
        component = gr.Dropdown(list(field.choices), label=label)
    elif field.kind == "int":
        component = gr.Number(label=label, precision=0)  # no bounds here: the library's check names the fix
    elif field.kind == "share":
        component = gr.Number(label=label, step=0.05)
    elif field.kind == "lines":
        component = gr.Textbox(label=label, lines=3, info=t("one_per_line", lang))
    else:
        component = gr.Textbox(label=label, lines=2 if field.kind == "long" else 1)
    return labels.add(component, field.key)


def wire(editor: PersonaEditor, ui: dict, lang_box):
    """Events of the Personas tab; returns the save event, for others to follow."""
    editor_out = [ui["code"], *ui["form"], ui["status"]]
    both = [ui["mode"], ui["code"], *ui["form"]]
    ui["grid"].select(_picked, [ui["paths"]], [ui["picker"]])
    ui["open"].click(editor.open, [ui["picker"], lang_box], editor_out)
    ui["copy"].click(editor.duplicate, [ui["picker"], lang_box], editor_out)
    ui["form_tab"].select(lambda m, c, *v: _switch(editor, "form", m, c, v), both, both)
    ui["yaml_tab"].select(lambda m, c, *v: _switch(editor, "yaml", m, c, v), both, both)
    inputs = [ui["mode"], ui["code"], *ui["form"], lang_box]
    ui["check"].click(editor.check, inputs, editor_out)
    return ui["save"].click(editor.save, inputs, [*editor_out, ui["grid"], ui["picker"], ui["paths"]])


def _picked(paths: list[str], evt: gr.SelectData) -> str | None:
    """A click on a table row picks that persona."""
    row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
    return paths[row] if isinstance(row, int) and 0 <= row < len(paths) else None


def _switch(editor: PersonaEditor, target: str, mode: str, code: str, values: tuple) -> list:
    """Leaving one editor for the other carries the edits across."""
    text, synced, _ = editor.sync(mode, code, list(values), "en")
    return [target, text, *synced]
