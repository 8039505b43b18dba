"""History: every call in this installation's store (the checkpointer's SQLite database), newest first;
open one to read its scorecard, or resume it if it is unfinished."""

from __future__ import annotations

from typing import Any

import pandas as pd

from simulator.session import CallError, CallView, Simulator
from ui.gradio_offline import gr
from ui.i18n import Labels, t, ui_lang
from ui.scorecard_view import ScorecardPanel, esc, outcome_label

MAX_ROWS = 200
COLUMNS = ("col_date", "col_persona", "col_language", "col_outcome", "col_score", "col_call")


def _date(view: CallView) -> str:
    stamp = view.transcript[0]["at"] if view.transcript else ""
    return stamp[:16].replace("T", " ")


class HistoryHandlers:
    """Handlers of the History tab, reading calls through the session API."""

    def __init__(self, sim: Simulator):
        self.sim = sim

    def calls(self) -> list[CallView]:
        views = []
        for thread_id in self.sim.thread_ids()[:MAX_ROWS]:
            try:
                views.append(self.sim.view(thread_id))
            except CallError:
                continue
        return views

    def table(self, lang: str) -> tuple[pd.DataFrame, list[str]]:
        """The calls as rows (date, persona, language, outcome, score, id) and their ids in row order."""
        lang = ui_lang(lang)
        rows, ids = [], []
        for view in self.calls():
            outcome = outcome_label(view.outcome if view.finished else None, lang)
            score = view.scorecard["score"] if view.scorecard else None
            rows.append([_date(view), view.persona, view.language, outcome, score, view.thread_id])
            ids.append(view.thread_id)
        frame = pd.DataFrame(rows, columns=[t(c, lang) for c in COLUMNS])
        return frame, ids

    def pick(self, ids: list[str], row: int | None, lang: str) -> tuple[str | None, dict | None, Any, str]:
        """The picked call: its id, its scorecard (finished calls), the resume button and a status line."""
        lang = ui_lang(lang)
        if row is None or not 0 <= row < len(ids):
            return None, None, gr.update(interactive=False), _note(t("pick_call", lang))
        try:
            view = self.sim.view(ids[row])
        except CallError as exc:
            return None, None, gr.update(interactive=False), _note(str(exc))
        if not view.finished:
            return (
                view.thread_id,
                None,
                gr.update(interactive=True),
                _note(t("call_unfinished", lang, id=view.thread_id)),
            )
        note = "" if view.scorecard else t("no_turns", lang)
        return view.thread_id, view.scorecard, gr.update(interactive=False), _note(note)


def _note(text: str) -> str:
    return f"<div class='status'>{esc(text)}</div>" if text else ""


def build(handlers: HistoryHandlers, labels: Labels, lang: str) -> dict:
    """The History tab's components (inside the caller's Tab)."""
    labels.add(gr.Markdown(t("history_intro", lang)), "history_intro", "value")
    ids = gr.State([])
    picked = gr.State(None)
    with gr.Row():
        refresh = labels.add(gr.Button(t("refresh", lang), size="sm", scale=0), "refresh", "value")
        resume = labels.add(
            gr.Button(t("resume", lang), size="sm", variant="primary", interactive=False, scale=0, elem_id="resume"),
            "resume",
            "value",
        )
    grid = gr.Dataframe(interactive=False, wrap=True, max_height=320, elem_id="history-table")
    status = gr.HTML()
    panel = ScorecardPanel(lang, elem_id="history-scorecard")
    return {
        "ids": ids,
        "picked": picked,
        "refresh": refresh,
        "resume": resume,
        "grid": grid,
        "status": status,
        "panel": panel,
    }


def wire(handlers: HistoryHandlers, ui: dict, lang_box, tab) -> None:
    """Events of the History tab; it refreshes whenever it is opened."""
    panel: ScorecardPanel = ui["panel"]

    def picked(ids: list[str], lang: str, evt: gr.SelectData) -> list:
        row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        thread_id, card, resume, note = handlers.pick(ids, row, lang)
        return [thread_id, resume, note, *panel.fill(card, ui_lang(lang), stem=f"scorecard-{thread_id}")]

    for trigger in (tab.select, ui["refresh"].click):
        trigger(handlers.table, [lang_box], [ui["grid"], ui["ids"]])
    ui["grid"].select(picked, [ui["ids"], lang_box], [ui["picked"], ui["resume"], ui["status"], *panel.outputs])
