"""Grade a transcript: upload a file in the `salesim grade` formats (JSON, or JSON Lines) and read its scorecard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graders.scorecard import grade
from graders.transcript import LoadedTranscript, TranscriptError, read_transcripts
from personas.library import PersonaError, UnknownPersonaError, get_persona
from ui.gradio_offline import gr
from ui.i18n import Labels, t, ui_lang
from ui.scorecard_view import ScorecardPanel, esc


class GradeHandlers:
    """Grading uploads with the same reader and grader as `salesim grade`."""

    def __init__(self, user_dir: Path):
        self.user_dir = user_dir

    def _card(self, loaded: LoadedTranscript) -> dict:
        transcript = loaded.transcript
        persona = None
        if transcript.persona:
            try:
                persona = get_persona(transcript.persona, transcript.language or transcript.lang, (self.user_dir,))
            except (UnknownPersonaError, PersonaError):
                persona = None
        return grade(transcript, persona).model_dump(mode="json")

    def upload(self, path: str | None, lang: str) -> tuple[list[dict], Any, str]:
        """Every transcript in the file graded: the cards, the picker of which to show, and a status."""
        lang = ui_lang(lang)
        if not path:
            return [], gr.update(choices=[], value=None, visible=False), ""
        cards, errors = [], []
        for item in read_transcripts(Path(path)):
            if isinstance(item, TranscriptError):
                errors.append(f"{Path(item.file).name}{f', line {item.line}' if item.line else ''}: {item.problem}")
            else:
                cards.append(self._card(item))
        status = f"<div class='status ok'>{esc(t('graded', lang, count=len(cards)))}</div>" if cards else ""
        if errors:
            items = "".join(f"<li>{esc(e)}</li>" for e in errors)
            status += f"<div class='status error'><b>{esc(t('errors', lang))}</b><ul>{items}</ul></div>"
        choices = [(f"#{i + 1} · {c['persona'] or c['language']} · {c['score']}/100", i) for i, c in enumerate(cards)]
        picker = gr.update(choices=choices, value=0 if cards else None, visible=len(cards) > 1)
        return cards, picker, status


def build(handlers: GradeHandlers, labels: Labels, lang: str) -> dict:
    """The Grade tab's components (inside the caller's Tab)."""
    labels.add(gr.Markdown(t("grade_intro", lang)), "grade_intro", "value")
    upload = labels.add(
        gr.File(label=t("transcript_file", lang), file_types=[".json", ".jsonl"], elem_id="transcript-upload"),
        "transcript_file",
    )
    cards = gr.State([])
    picker = labels.add(gr.Dropdown([], label=t("which_call", lang), visible=False, type="value"), "which_call")
    status = gr.HTML(elem_id="grade-status")
    panel = ScorecardPanel(lang, elem_id="grade-scorecard")
    return {"upload": upload, "cards": cards, "picker": picker, "status": status, "panel": panel}


def wire(handlers: GradeHandlers, ui: dict, lang_box) -> None:
    panel: ScorecardPanel = ui["panel"]

    def show(cards: list[dict], index: int | None, lang: str) -> list:
        card = cards[index] if cards and isinstance(index, int) and 0 <= index < len(cards) else None
        return panel.fill(card, ui_lang(lang), stem=f"scorecard-{(index or 0) + 1}")

    ui["upload"].change(handlers.upload, [ui["upload"], lang_box], [ui["cards"], ui["picker"], ui["status"]]).then(
        show, [ui["cards"], ui["picker"], lang_box], panel.outputs
    )
    ui["picker"].input(show, [ui["cards"], ui["picker"], lang_box], panel.outputs)
