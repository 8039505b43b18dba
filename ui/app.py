"""The salesim web app (Gradio Blocks): Practice, Personas, History and Grade tabs, in English or Chinese.

It holds no logic of its own: calls go through `simulator.session.Simulator`, grading through `graders`,
personas through `personas.library`. It runs offline: no analytics, no hub, no share link unless asked.
"""

from __future__ import annotations

from simulator.llm import LLMClient
from simulator.session import Simulator
from simulator.settings import Settings
from ui import grade_tab, history_tab, personas_tab, practice_tab
from ui.gradio_offline import gr  # sets the offline environment before Gradio is imported
from ui.i18n import LANGUAGES, Labels, t, ui_lang
from ui.theme import CSS, theme

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860


def build_app(
    settings: Settings | None = None, sim: Simulator | None = None, lang: str = "en", client: LLMClient | None = None
) -> gr.Blocks:
    """The whole app around one Simulator (one SQLite store); `lang` is the UI language it opens in. With `client`
    (a configured model) and SALESIM_LLM_FEEDBACK on, the model words each scorecard's better lines and summary."""
    settings = settings or Settings()
    sim = sim or Simulator(settings)
    lang = ui_lang(lang)
    user_dir = settings.user_persona_dir
    labels = Labels()
    practice = practice_tab.PracticeHandlers(sim, user_dir, client if settings.llm_feedback else None)
    editor = personas_tab.PersonaEditor(user_dir)
    history = history_tab.HistoryHandlers(sim)
    grader = grade_tab.GradeHandlers(user_dir)

    with gr.Blocks(title=t("app_title", lang), analytics_enabled=False) as demo:
        with gr.Row(elem_id="app-header", equal_height=True):
            with gr.Column(scale=5):
                header = gr.HTML(_header(lang))
            lang_box = gr.Radio(
                [(name, code) for code, name in LANGUAGES.items()],
                value=lang,
                show_label=False,
                container=False,
                scale=1,
                min_width=180,
                elem_id="ui-lang",
            )
        with gr.Tabs(elem_id="tabs") as tabs:
            with gr.Tab(t("tab_practice", lang), id="practice") as practice_page:
                p_ui = practice_tab.build(practice, labels, lang)
            with gr.Tab(t("tab_personas", lang), id="personas") as personas_page:
                e_ui = personas_tab.build(editor, labels, lang)
            with gr.Tab(t("tab_history", lang), id="history") as history_page:
                h_ui = history_tab.build(history, labels, lang)
            with gr.Tab(t("tab_grade", lang), id="grade") as grade_page:
                g_ui = grade_tab.build(grader, labels, lang)
        for page, key in (
            (practice_page, "tab_practice"),
            (personas_page, "tab_personas"),
            (history_page, "tab_history"),
            (grade_page, "tab_grade"),
        ):
            labels.add(page, key)

        practice_tab.wire(practice, p_ui, lang_box)
        saved = personas_tab.wire(editor, e_ui, lang_box)
        saved.then(lambda: gr.update(choices=practice.choices()), None, [p_ui["picker"]])
        history_tab.wire(history, h_ui, lang_box, history_page)
        grade_tab.wire(grader, g_ui, lang_box)

        def resume(thread_id: str | None, lang: str) -> list:
            view = practice.resume(thread_id, lang)
            return [*view, gr.Tabs(selected="practice")]

        h_ui["resume"].click(resume, [h_ui["picked"], lang_box], [*practice_tab.outputs(p_ui), tabs]).then(
            lambda thread_id, lang: p_ui["panel"].fill(practice.scorecard(thread_id), ui_lang(lang)),
            [p_ui["thread"], lang_box],
            p_ui["panel"].outputs,
        )

        def relabel(lang: str) -> list:
            return [_header(lang), *labels.updates(lang)]

        def rewrite(lang: str, key: str | None, thread_id: str | None, c1, c2, c3) -> list:
            """Words that come with content: the brief, the live panel, tables and the scorecards shown."""
            lang = ui_lang(lang)
            table, choices, _ = editor.catalogue(lang)
            return [
                gr.update(choices=[(t(f"difficulty_{d}", lang), d) for d in practice_tab.DIFFICULTIES]),
                practice.brief(key, lang),
                practice.live(thread_id, lang),
                table,
                [path for _, path in choices],
                *history.table(lang),
                *p_ui["panel"].refill(c1, lang),
                *h_ui["panel"].refill(c2, lang),
                *g_ui["panel"].refill(c3, lang),
            ]

        lang_box.change(relabel, [lang_box], [header, *labels.components]).then(
            rewrite,
            [lang_box, p_ui["picker"], p_ui["thread"], p_ui["panel"].card, h_ui["panel"].card, g_ui["panel"].card],
            [
                p_ui["level"],
                p_ui["brief"],
                p_ui["live"],
                e_ui["grid"],
                e_ui["paths"],
                h_ui["grid"],
                h_ui["ids"],
                *p_ui["panel"].outputs,
                *h_ui["panel"].outputs,
                *g_ui["panel"].outputs,
            ],
        )
    return demo


def _header(lang: str) -> str:
    return f"<h1>{t('app_title', lang)}</h1><p>{t('tagline', lang)}</p>"


def launch_options(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, share: bool = False) -> dict:
    """How the app is launched: look, address, and nothing that reaches out (no share link unless asked)."""
    return {
        "server_name": host,
        "server_port": port,
        "share": share,
        "theme": theme(),
        "css": CSS,
        "ssr_mode": False,
        "mcp_server": False,
        "footer_links": ["api"],
        "show_error": True,
    }


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, share: bool = False, lang: str = "en") -> None:
    """Start the app with the customer voice the settings choose (offline by default) and block."""
    from simulator.voices.llm import open_voice  # the one place that knows the voice back ends

    settings = Settings()
    setup = open_voice(settings)
    if setup.notice:
        print(f"note: {setup.notice}")
    sim = Simulator(settings, voice=setup.voice)
    try:
        build_app(settings, sim, lang, setup.client).launch(**launch_options(host, port, share))
    finally:
        setup.close()
        sim.close()
