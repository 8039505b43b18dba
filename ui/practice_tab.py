"""Practice: pick a customer, read the brief, play the call in a chat, end it. Every move goes through the
session API (`simulator.session.Simulator`); this module only turns calls into what the page shows."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from personas.library import PersonaError, UnknownPersonaError
from personas.schema import Persona
from simulator.llm import LLMClient
from simulator.session import CallError, CallView, Simulator
from simulator.state import MILESTONES
from ui.catalogue import catalogue
from ui.gradio_offline import gr
from ui.i18n import Labels, t, ui_lang
from ui.scorecard_view import ScorecardPanel, esc, outcome_label
from ui.streaming import VoiceTap, run_streaming

KEEP: dict = {"__type__": "update"}  # leave a component as it is
DEFAULT_PERSONA = "tv-parent.en"
DIFFICULTIES = ("easy", "normal", "hard")


class PracticeView(NamedTuple):
    """What one practice event changes on the page, in the order of the tab's outputs."""

    thread_id: str | None
    chat: Any
    line: Any
    send: Any
    end: Any
    live: Any
    status: Any
    picker: Any = KEEP
    brief: Any = KEEP


def chat_message(role: str, text: str) -> dict:
    """One chat bubble. The Chatbot renders HTML even with Markdown off, so the words are escaped first."""
    return {"role": "user" if role == "trainee" else "assistant", "content": html.escape(text, quote=False)}


def chat_messages(view: CallView) -> list[dict]:
    """The transcript as chat messages: the trainee on the right, the customer on the left."""
    return [chat_message(m["role"], m["text"]) for m in view.transcript]


def brief_html(persona: Persona, lang: str) -> str:
    """What the trainee may know before the call: the offer, the call goal, who speaks first. No hidden needs."""
    sheet = persona.fact_sheet

    def items(key: str, values: list[str]) -> str:
        if not values:
            return ""
        lis = "".join(f"<li>{esc(v)}</li>" for v in values)
        return f"<div class='brief-list'><b>{esc(t(key, lang))}</b><ul>{lis}</ul></div>"

    note = t("inbound_note" if persona.direction == "inbound" else "outbound_note", lang)
    return (
        f"<div class='brief'><h3>{esc(persona.title)}</h3>"
        f"<div class='badges'><span class='pill'>{esc(t(f'direction_{persona.direction}', lang))}</span>"
        f"<span class='pill pill-{esc(persona.difficulty)}'>{esc(t('difficulty', lang))}: "
        f"{esc(t(f'difficulty_{persona.difficulty}', lang))}</span></div>"
        f"<p class='muted'>{esc(note)}</p>"
        f"<h4>{esc(t('goal', lang))}</h4><p><b>{esc(t('goal_primary', lang))}:</b> {esc(persona.call_goal.primary)}<br>"
        f"<b>{esc(t('goal_fallback', lang))}:</b> {esc(persona.call_goal.fallback)}</p>"
        f"<h4>{esc(t('product', lang))}: {esc(sheet.product)}</h4><p>{esc(sheet.summary)}</p>"
        + items("features", sheet.features)
        + items("advantages", sheet.advantages)
        + items("benefits", sheet.benefits)
        + items("evidence", sheet.evidence)
        + f"<p><b>{esc(t('price', lang))}:</b> {esc(sheet.price)}</p>"
        + items("terms", sheet.terms)
        + "</div>"
    )


def live_html(view: CallView | None, lang: str) -> str:
    """Milestones reached so far and the customer's mood, as the trainee could hear it."""
    if view is None:
        return ""
    steps = "".join(
        f"<li class='{'done' if m in view.milestones else 'todo'}'>{'✓' if m in view.milestones else '○'} "
        f"{esc(t(f'milestone_{m}', lang))}</li>"
        for m in MILESTONES
    )
    return (
        f"<div class='live'><div><b>{esc(t('mood', lang))}:</b> "
        f"<span class='pill mood-{esc(view.mood)}'>{esc(t(f'mood_{view.mood}', lang))}</span></div>"
        f"<b>{esc(t('milestones', lang))}</b><ul class='steps'>{steps}</ul></div>"
    )


def _status(text: str, kind: str = "ok") -> str:
    return f"<div class='status {kind}'>{esc(text)}</div>" if text else ""


class PracticeHandlers:
    """Handlers of the Practice tab around one Simulator."""

    def __init__(self, sim: Simulator, user_dir: Path, coach_client: LLMClient | None = None):
        self.sim = sim
        self.user_dir = user_dir
        # With a model configured, it words the better lines and a summary once per call; grades stay the rules'.
        self.coach_client = coach_client
        self._coached: dict[str, dict] = {}
        if not isinstance(sim.context.voice, VoiceTap):
            sim.context.voice = VoiceTap(sim.context.voice)
        self.tap: VoiceTap = sim.context.voice

    def choices(self) -> list[tuple[str, str]]:
        """Every persona as (label, "id.language")."""
        return [(f"{e.persona.title} · {e.persona.language}", e.persona.key) for e in catalogue(self.user_dir)[0]]

    def persona(self, key: str | None) -> Persona | None:
        """The persona with this "id.language" key, if its file loads."""
        return next((e.persona for e in catalogue(self.user_dir)[0] if e.persona.key == key), None)

    def brief(self, key: str | None, lang: str) -> str:
        persona = self.persona(key)
        return brief_html(persona, ui_lang(lang)) if persona else ""

    def picked(self, key: str | None) -> tuple[Any, Any]:
        """The UI language and the difficulty follow the persona the trainee picks."""
        persona = self.persona(key)
        return (persona.language, persona.difficulty) if persona else (KEEP, KEEP)

    def _shown(self, view: CallView, lang: str, status: str, kind: str = "ok", **extra: Any) -> PracticeView:
        active = not view.finished
        if view.finished:
            ended = t(f"ended_{view.ended_by}", lang) if view.ended_by else ""
            status = t("call_over", lang, ended_by=ended, outcome=outcome_label(view.outcome, lang))
            if view.scorecard is None:
                status += " " + t("no_turns", lang)
        return PracticeView(
            thread_id=view.thread_id,
            chat=chat_messages(view),
            line=gr.update(value="", interactive=active),
            send=gr.update(interactive=active),
            end=gr.update(interactive=active),
            live=live_html(view, lang),
            status=_status(status, kind),
            **extra,
        )

    def _error(self, thread_id: str | None, message: str) -> PracticeView:
        return PracticeView(thread_id, KEEP, KEEP, KEEP, KEEP, KEEP, _status(message, "error"))

    def start(self, key: str | None, lang: str, difficulty: str | None = None) -> PracticeView:
        """Begin a call with the picked persona, played as written or easier/harder; an inbound customer's first
        line is already in the chat."""
        lang = ui_lang(lang)
        persona = self.persona(key)
        if persona is None:
            return self._error(None, t("pick_persona", lang))
        level = difficulty if difficulty in DIFFICULTIES and difficulty != persona.difficulty else None
        try:
            view = self.sim.start(persona.id, persona.language, difficulty=level)
        except (CallError, UnknownPersonaError, PersonaError) as exc:
            return self._error(None, str(exc))
        return self._shown(view, lang, t("call_started", lang, id=view.thread_id))

    def send(self, text: str, thread_id: str | None, lang: str) -> PracticeView:
        """Say one line and show the customer's reply."""
        lang = ui_lang(lang)
        if not thread_id:
            return self._error(None, t("no_call", lang))
        try:
            return self._shown(self.sim.say(thread_id, text), lang, "")
        except CallError as exc:
            return self._error(thread_id, str(exc))

    def send_streaming(self, text: str, thread_id: str | None, lang: str) -> Iterator[PracticeView]:
        """Say one line; the trainee's line shows at once and the reply streams in as the voice speaks it."""
        lang = ui_lang(lang)
        if not thread_id:
            yield self._error(None, t("no_call", lang))
            return
        try:
            before = chat_messages(self.sim.view(thread_id))
        except CallError as exc:
            yield self._error(thread_id, str(exc))
            return
        said = [*before, chat_message("trainee", text.strip())]
        update = PracticeView(thread_id, said, gr.update(value="", interactive=False), KEEP, KEEP, KEEP, "")
        yield update._replace(chat=[*said, chat_message("customer", t("typing", lang))])
        reply = ""
        try:
            for piece in run_streaming(lambda: self.sim.say(thread_id, text)):
                if isinstance(piece, str):
                    reply += piece
                    yield update._replace(chat=[*said, chat_message("customer", reply)])
                else:
                    yield self._shown(piece, lang, "")
        except CallError as exc:
            yield self._error(thread_id, str(exc))._replace(chat=before, line=gr.update(value=text, interactive=True))

    def end(self, thread_id: str | None, lang: str) -> PracticeView:
        """The trainee hangs up; the call is graded."""
        lang = ui_lang(lang)
        if not thread_id:
            return self._error(None, t("no_call", lang))
        try:
            return self._shown(self.sim.end(thread_id), lang, "")
        except CallError as exc:
            return self._error(thread_id, str(exc))

    def resume(self, thread_id: str | None, lang: str) -> PracticeView:
        """Carry on with a call from the history, exactly where it stopped."""
        lang = ui_lang(lang)
        try:
            view = self.sim.view(thread_id or "")
        except CallError as exc:
            return self._error(None, str(exc))
        key = f"{view.persona}.{view.language}"
        return self._shown(
            view, lang, t("call_resumed", lang, id=view.thread_id), picker=key, brief=self.brief(key, lang)
        )

    def live(self, thread_id: str | None, lang: str) -> str:
        """The live panel for the call in progress (empty without one)."""
        try:
            return live_html(self.sim.view(thread_id), ui_lang(lang)) if thread_id else ""
        except CallError:
            return ""

    def scorecard(self, thread_id: str | None) -> dict | None:
        """The finished call's scorecard, for the panel under the chat."""
        if not thread_id:
            return None
        try:
            view = self.sim.view(thread_id)
        except CallError:
            return None
        if not view.finished or view.scorecard is None:
            return None
        if self.coach_client is None:
            return view.scorecard
        if thread_id not in self._coached:
            self._coached[thread_id] = self.sim.coached_scorecard(thread_id, self.coach_client)
        return self._coached[thread_id]


def build(handlers: PracticeHandlers, labels: Labels, lang: str) -> dict:
    """The Practice tab's components (inside the caller's Tab)."""
    choices = handlers.choices()
    first = DEFAULT_PERSONA if any(v == DEFAULT_PERSONA for _, v in choices) else (choices[0][1] if choices else None)
    thread = gr.State(None)
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300, elem_classes=["side"]):
            picker = labels.add(
                gr.Dropdown(choices, value=first, label=t("persona", lang), elem_id="persona-picker"), "persona"
            )
            level = labels.add(
                gr.Radio(
                    [(t(f"difficulty_{d}", lang), d) for d in DIFFICULTIES],
                    value=handlers.persona(first).difficulty if handlers.persona(first) else "normal",
                    label=t("difficulty", lang),
                    elem_id="difficulty",
                ),
                "difficulty",
            )
            start = labels.add(
                gr.Button(t("start_call", lang), variant="primary", elem_id="start-call"), "start_call", "value"
            )
            live_on = labels.add(gr.Checkbox(False, label=t("show_live", lang), elem_id="live-toggle"), "show_live")
            live = gr.HTML(visible=False, elem_id="live-panel")
            with gr.Accordion(t("brief", lang), open=True) as brief_box:
                brief = gr.HTML(handlers.brief(first, lang), elem_id="brief")
            labels.add(brief_box, "brief")
        with gr.Column(scale=3, min_width=360):
            chat = labels.add(
                gr.Chatbot(
                    label=t("chat", lang),
                    show_label=False,
                    height=520,
                    elem_id="chat",
                    render_markdown=False,
                    sanitize_html=True,
                    feedback_options=None,
                    placeholder=t("chat_empty", lang),
                    layout="bubble",
                    buttons=["copy_all"],
                ),
                "chat",
            )
            with gr.Row(equal_height=True):
                line = labels.add(
                    gr.Textbox(
                        placeholder=t("your_line_hint", lang),
                        show_label=False,
                        scale=5,
                        interactive=False,
                        elem_id="trainee-line",
                    ),
                    "your_line_hint",
                    "placeholder",
                )
                send = labels.add(
                    gr.Button(t("send", lang), interactive=False, scale=1, elem_id="send"), "send", "value"
                )
            end = labels.add(
                gr.Button(t("end_call", lang), variant="stop", interactive=False, elem_id="end-call"),
                "end_call",
                "value",
            )
            status = gr.HTML(elem_id="practice-status")
    panel = ScorecardPanel(lang, elem_id="practice-scorecard")
    return {
        "thread": thread,
        "picker": picker,
        "start": start,
        "level": level,
        "live_on": live_on,
        "live": live,
        "brief": brief,
        "chat": chat,
        "line": line,
        "send": send,
        "end": end,
        "status": status,
        "panel": panel,
    }


def outputs(ui: dict) -> list:
    """The components a PracticeView updates, in its field order."""
    return [
        ui["thread"],
        ui["chat"],
        ui["line"],
        ui["send"],
        ui["end"],
        ui["live"],
        ui["status"],
        ui["picker"],
        ui["brief"],
    ]


def wire(handlers: PracticeHandlers, ui: dict, lang_box) -> None:
    """Events of the Practice tab."""
    panel: ScorecardPanel = ui["panel"]
    out = outputs(ui)

    def show_card(thread_id: str | None, lang: str) -> list:
        return panel.fill(handlers.scorecard(thread_id), ui_lang(lang), stem=f"scorecard-{thread_id}")

    ui["picker"].input(handlers.picked, [ui["picker"]], [lang_box, ui["level"]]).then(
        handlers.brief, [ui["picker"], lang_box], [ui["brief"]]
    )
    ui["live_on"].change(lambda on: gr.update(visible=on), [ui["live_on"]], [ui["live"]])
    fill = {"fn": show_card, "inputs": [ui["thread"], lang_box], "outputs": panel.outputs, "show_progress": "hidden"}
    ui["start"].click(handlers.start, [ui["picker"], lang_box, ui["level"]], out).then(**fill)
    send = handlers.send_streaming if handlers.tap.streams else handlers.send
    for trigger in (ui["line"].submit, ui["send"].click):
        trigger(send, [ui["line"], ui["thread"], lang_box], out, show_progress="hidden").then(**fill)
    ui["end"].click(handlers.end, [ui["thread"], lang_box], out).then(**fill)
