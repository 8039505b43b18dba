"""The web app's look: a calm Gradio theme with system fonts (no web-font download) and a little CSS."""

from __future__ import annotations

from ui.gradio_offline import gr

FONTS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "sans-serif",
]
MONO = ["ui-monospace", "SFMono-Regular", "DejaVu Sans Mono", "monospace"]


def theme() -> gr.themes.Base:
    """Soft, teal and slate, with quiet labels; fonts given by name so the browser never fetches one."""
    return gr.themes.Soft(primary_hue="teal", secondary_hue="sky", neutral_hue="slate", font=FONTS, font_mono=MONO).set(
        block_label_background_fill="*neutral_100",
        block_label_text_color="*neutral_600",
        block_title_background_fill="*neutral_100",
        block_title_text_color="*neutral_700",
    )


CSS = """
.gradio-container { width: 100% !important; max-width: 1280px !important; margin: 0 auto; }
#app-header { align-items: center; }
#app-header h1 { margin: 0; font-size: 1.5rem; font-weight: 650; }
#app-header p { margin: 0.2rem 0 0; color: var(--body-text-color-subdued); }
#ui-lang { max-width: 220px; margin-left: auto; }
#ui-lang .wrap { flex-wrap: nowrap; justify-content: flex-end; }
#ui-lang label { white-space: nowrap; }
#chat button[aria-label="Clear"] { display: none; }  /* it would empty the chat, not end the call */
.muted { color: var(--body-text-color-subdued); font-size: 0.92em; }
.status { padding: 0.45rem 0.75rem; border-radius: 8px; margin: 0.3rem 0; font-size: 0.95em; }
.status:empty { display: none; }
.status.ok { background: var(--color-accent-soft); }
.status.error { background: #fdecea; color: #8a1c12; }
.status ul { margin: 0.3rem 0 0 1.1rem; }
.pill { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 999px; font-size: 0.85em;
        background: var(--neutral-100); color: var(--neutral-700); margin-right: 0.35rem; }
.pill-deal, .mood-warm { background: #dcf2e6; color: #1d6b45; }
.pill-intention, .mood-open { background: #e3eefb; color: #1f4f86; }
.pill-follow_up, .mood-guarded { background: #fdf1dc; color: #87570c; }
.pill-refusal, .mood-irritated, .pill-hard { background: #fbe3e1; color: #8a1c12; }
.brief h3 { margin: 0 0 0.4rem; font-size: 1.05rem; }
.brief h4 { margin: 0.8rem 0 0.2rem; font-size: 0.95rem; }
.brief p, .brief li { font-size: 0.92em; line-height: 1.45; }
.brief ul { margin: 0.15rem 0 0.4rem 1.1rem; padding: 0; }
.brief-list b { font-size: 0.88em; color: var(--body-text-color-subdued); }
.live { padding: 0.6rem 0.8rem; border: 1px solid var(--border-color-primary); border-radius: 10px; }
.live .steps { list-style: none; padding: 0; margin: 0.3rem 0 0; }
.live .steps li { padding: 0.15rem 0; }
.live .steps li.done { color: #1d6b45; font-weight: 600; }
.live .steps li.todo { color: var(--body-text-color-subdued); }
.scorecard { margin-top: 1.2rem; padding: 1rem 1.2rem; border: 1px solid var(--border-color-primary);
             border-radius: 14px; background: var(--block-background-fill); }
.sc-summary { display: flex; gap: 1.2rem; align-items: center; }
.sc-score { width: 96px; height: 96px; border-radius: 50%; display: flex; align-items: baseline;
            justify-content: center;
            padding-top: 26px; box-sizing: border-box; background: var(--color-accent-soft);
            border: 3px solid var(--color-accent); }
.sc-score b { font-size: 2rem; } .sc-score small { color: var(--body-text-color-subdued); }
.sc-head h2 { margin: 0 0 0.3rem; }
.sc-outcome { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
.sc-parts { width: 100%; max-width: 620px; margin-top: 0.8rem; border-collapse: collapse; border: none !important; }
.sc-parts th { text-align: left; font-weight: 600; color: var(--body-text-color-subdued); font-size: 0.85em; }
.sc-parts td, .sc-parts th { padding: 0.25rem 0.5rem; border: none !important;
                             border-bottom: 1px solid var(--border-color-primary) !important; }
.sc-parts tr { border: none !important; }
.sc-parts .num { text-align: right; width: 4rem; }
.bar { background: var(--neutral-100); border-radius: 4px; height: 8px; width: 220px; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--color-accent); }
.sc-stages svg { width: 100%; max-width: 760px; height: auto; }
.sc-stages .svg-title { font-size: 14px; font-weight: 600; text-anchor: middle; fill: var(--body-text-color); }
.sc-stages .svg-label { font-size: 13px; text-anchor: middle; fill: var(--body-text-color); }
.sc-stages .svg-value { font-size: 13px; text-anchor: middle; fill: var(--body-text-color-subdued); }
.sc-stages .svg-divider { stroke: var(--border-color-primary); stroke-dasharray: 3 3; }
.sc-chart svg { width: 100%; max-width: 460px; height: auto; }
.sc-chart svg text { font-family: var(--font) !important; fill: var(--body-text-color) !important; }
.sc-findings { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
@media (max-width: 900px) { .sc-chart svg { width: 100%; max-width: 460px; height: auto; }
.sc-chart svg text { font-family: var(--font) !important; fill: var(--body-text-color) !important; }
.sc-findings { grid-template-columns: 1fr; } }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { padding: 0.55rem 0.75rem; margin-bottom: 0.55rem; border-radius: 10px; border-left: 4px solid; }
.finding p { margin: 0 0 0.3rem; font-weight: 550; }
.finding.miss { border-color: #d9822b; background: rgba(217, 130, 43, 0.07); }
.finding.strength { border-color: #3a8f6f; background: rgba(58, 143, 111, 0.07); }
.finding blockquote { margin: 0.2rem 0; padding-left: 0.6rem; border-left: 2px solid var(--border-color-primary);
                      color: var(--body-text-color-subdued); font-size: 0.9em; }
.finding .better { font-size: 0.92em; margin-top: 0.3rem; }
.turn-no { font-variant-numeric: tabular-nums; color: var(--body-text-color-subdued); }
.sc-transcript ol { list-style: none; padding: 0; margin: 0; }
.sc-transcript .turn { padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--border-color-primary); }
.sc-transcript .turn.trainee { background: rgba(20, 150, 140, 0.05); }
.sc-transcript .who { font-size: 0.8em; font-weight: 600; color: var(--body-text-color-subdued); }
.sc-transcript .said { margin: 0.1rem 0; }
.chips { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.chip { font-size: 0.78em; padding: 0.05rem 0.5rem; border-radius: 999px; }
.chip-spin { background: #e3eefb; color: #1f4f86; }
.chip-fabe { background: #dcf2e6; color: #1d6b45; }
.chip-close { background: #f3e5fb; color: #6b2b8a; }
.chip-stage { background: var(--neutral-100); color: var(--neutral-700); }
"""
