"""The scorecard as the web app shows it: score and parts, the three thinking-stage circles, SPIN and FABE
charts, findings with quotes and better lines, the labelled transcript, and downloads.

Rendering only: the numbers all come from `graders.scorecard`. Every text from a call or persona goes
through `esc` before it becomes HTML.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import math
import tempfile
import warnings
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from graders.feedback import CoachedScorecard
from graders.labels import FABE_KINDS, SPIN_KINDS, STAGES
from graders.render import to_html, to_markdown
from graders.scorecard import Finding, Scorecard
from ui.gradio_offline import gr
from ui.i18n import FINDINGS_ZH, t

STAGE_COLOURS = {"cognitive": "#4f7cac", "divergent": "#e09f3e", "convergent": "#3a8f6f"}
CHART_STYLE = {
    "svg.fonttype": "none",  # keep text as <text>: the browser draws it with the page's fonts
    "svg.hashsalt": "salesim",  # stable ids, so the same card gives the same SVG
    "font.family": "DejaVu Sans",  # ships with matplotlib; only used to lay out, the page's CSS picks the font
    "font.size": 11,
    "text.color": "#334155",
    "ytick.color": "#334155",
    "axes.edgecolor": "#cbd5e1",
}
MAX_QUOTE = 160


def esc(text: object) -> str:
    """Text from people and personas, safe inside HTML (and inert inside Gradio's HTML template)."""
    return html.escape(str(text), quote=True).replace("$", "&#36;").replace("`", "&#96;")


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def outcome_label(outcome: str | None, lang: str) -> str:
    return t(f"outcome_{outcome}", lang) if outcome else t("outcome_in_progress", lang)


def summary_html(card: Scorecard, lang: str) -> str:
    """Score, outcome, milestones and the parts of the score."""
    milestones = ""
    if card.milestones.known:
        reached = [t(f"milestone_{m}", lang) for m in card.milestones.reached]
        milestones = (
            f"<div class='sc-outcome'><span class='pill pill-{esc(card.milestones.outcome)}'>"
            f"{esc(t('outcome', lang))}: {esc(outcome_label(card.milestones.outcome, lang))}</span>"
            f"<span class='muted'>{esc(t('milestones', lang))}: {esc(' · '.join(reached) or t('none', lang))}</span>"
            "</div>"
        )
    rows = "".join(
        f"<tr><td>{esc(t(f'part_{p.name}', lang))}</td><td class='num'>{p.weight}</td>"
        f"<td><div class='bar'><span style='width:{p.score * 100:.0f}%'></span></div></td>"
        f"<td class='num'>{p.points:g}</td></tr>"
        for p in card.parts
    )
    talk = t("talk_share", lang, share=card.talk.trainee_talk_share, questions=card.talk.questions)
    summary = getattr(card, "coach_summary", None)
    coach = f"<p class='sc-coach'><b>{esc(t('coach', lang))}:</b> {esc(summary)}</p>" if summary else ""
    return (
        "<div class='sc-summary'>"
        f"<div class='sc-score' aria-label='{esc(t('score', lang))}'><b>{card.score}</b><small>/100</small></div>"
        f"<div class='sc-head'><h2>{esc(t('scorecard', lang))}</h2>{milestones}"
        f"<p class='muted'>{esc(talk)}</p>{coach}</div>"
        "</div>"
        f"<table class='sc-parts'><tr><th>{esc(t('part', lang))}</th><th>{esc(t('weight', lang))}</th><th></th>"
        f"<th>{esc(t('points', lang))}</th></tr>{rows}</table>"
    )


def _circle_group(shares: dict[str, float], x0: float, title: str, lang: str, ideal: bool) -> str:
    slot, r_max, cy = 110, 48, 86
    parts = [f"<text x='{x0 + 1.5 * slot:.0f}' y='18' class='svg-title'>{esc(title)}</text>"]
    for i, stage in enumerate(STAGES):
        share = max(0.0, min(1.0, shares.get(stage, 0.0)))
        cx = x0 + slot * (i + 0.5)
        r = r_max * math.sqrt(share)  # area, not radius, is proportional to the share
        style = "fill-opacity:0.18;stroke-dasharray:5 4" if ideal else "fill-opacity:0.75"
        colour = STAGE_COLOURS[stage]
        if share > 0:
            parts.append(
                f"<circle cx='{cx:.1f}' cy='{cy}' r='{max(r, 2):.1f}' style='fill:{colour};stroke:{colour};"
                f"stroke-width:2;{style}'><title>{esc(t(f'stage_{stage}', lang))} {share:.0%}</title></circle>"
            )
        parts.append(
            f"<text x='{cx:.1f}' y='{cy + r_max + 22}' class='svg-label'>{esc(t(f'stage_{stage}', lang))}</text>"
        )
        parts.append(f"<text x='{cx:.1f}' y='{cy + r_max + 40}' class='svg-value'>{share:.0%}</text>")
    return "".join(parts)


def stages_svg(card: Scorecard, lang: str) -> str:
    """Seed 002's three circles, sized by share of speaking time, beside the ideal for this call type."""
    if card.stages.ideal_source == "persona":
        ideal_title = t("ideal_persona", lang)
    else:
        ideal_title = t("ideal_for", lang, direction=t(f"direction_{card.direction}", lang))
    actual = _circle_group(card.stages.by_speaking_time, 0, t("this_call", lang), lang, ideal=False)
    ideal = _circle_group(card.stages.ideal, 360, ideal_title, lang, ideal=True)
    return (
        f"<div class='sc-stages'><h3>{esc(t('stages_title', lang))}</h3>"
        f"<svg viewBox='0 0 690 200' role='img' aria-label='{esc(t('stages_title', lang))}'>{actual}"
        "<line x1='345' y1='30' x2='345' y2='180' class='svg-divider'/>"
        f"{ideal}</svg><p class='muted'>{esc(t('stages_note', lang))}</p></div>"
    )


def _bar_chart(title: str, names: list[str], counts: list[int], colour: str) -> str:
    """A small horizontal bar chart as inline SVG; its text stays text, so the browser's fonts draw Chinese."""
    figure = Figure(figsize=(4.6, 2.1))
    axes = figure.add_axes((0.3, 0.08, 0.62, 0.74))
    with warnings.catch_warnings(), matplotlib.rc_context(CHART_STYLE):
        warnings.simplefilter("ignore")  # glyphs missing from the layout font: the browser still has them
        bars = axes.barh(range(len(names)), counts, color=colour, height=0.62)
        axes.set_yticks(range(len(names)), labels=names)
        axes.invert_yaxis()
        axes.bar_label(bars, padding=4, fontsize=10)
        axes.set_xlim(0, max([*counts, 1]) * 1.25)
        axes.xaxis.set_visible(False)
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="y", length=0, pad=6)
        figure.suptitle(title, x=0.02, y=0.97, ha="left", fontsize=12, fontweight="bold")
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", transparent=True)
    svg = buffer.getvalue()
    return f"<div class='sc-chart'>{svg[svg.index('<svg') :]}</div>"


def spin_chart(card: Scorecard, lang: str) -> str:
    """How many turns asked each kind of SPIN question."""
    names = [t(f"spin_{k}", lang) for k in SPIN_KINDS]
    return _bar_chart(t("spin_chart", lang), names, [card.spin.counts[k] for k in SPIN_KINDS], "#4f7cac")


def fabe_chart(card: Scorecard, lang: str) -> str:
    """How many turns made each kind of FABE statement."""
    names = [t(f"fabe_{k}", lang) for k in FABE_KINDS]
    return _bar_chart(t("fabe_chart", lang), names, [len(card.fabe.used[k]) for k in FABE_KINDS], "#3a8f6f")


def finding_message(finding: Finding, card: Scorecard, lang: str) -> str:
    """The grader's message, in Chinese when the UI is Chinese and the finding has a translation."""
    template = FINDINGS_ZH.get(finding.code) if lang == "zh" else None
    if template is None:
        return finding.message
    return template.format(
        order=" → ".join(t(f"spin_{k}", lang) for k in card.spin.order),
        share=card.talk.trainee_talk_share,
        questions=card.talk.questions,
        distance=card.stages.distance,
    )


def _finding_item(finding: Finding, card: Scorecard, lang: str) -> str:
    quotes = "".join(
        f"<blockquote><span class='turn-no'>#{i}</span> {esc(_quote(card.turns[i].text))}</blockquote>"
        for i in finding.turns[:2]
        if 0 <= i < len(card.turns)
    )
    better = (
        f"<div class='better'><b>{esc(t('try_instead', lang))}:</b> {esc(finding.better_line)}</div>"
        if finding.better_line
        else ""
    )
    message = esc(finding_message(finding, card, lang))
    return f"<li class='finding {finding.kind}' data-code='{esc(finding.code)}'><p>{message}</p>{quotes}{better}</li>"


def findings_html(card: Scorecard, lang: str) -> str:
    """Strengths and misses side by side, each with the turns it cites."""
    columns = []
    for kind, key in (("miss", "misses"), ("strength", "strengths")):
        items = "".join(_finding_item(f, card, lang) for f in card.findings if f.kind == kind)
        items = items or f"<li class='muted'>{esc(t('none', lang))}</li>"
        columns.append(f"<div class='sc-col'><h3>{esc(t(key, lang))}</h3><ul class='findings'>{items}</ul></div>")
    return f"<div class='sc-findings'>{''.join(columns)}</div>"


def transcript_html(card: Scorecard, lang: str) -> str:
    """Every turn; trainee turns carry their SPIN, FABE and close labels and their stage."""
    rows = []
    for turn in card.turns:
        chips = ""
        if turn.labels:
            tags = [
                f"<span class='chip chip-{group}' data-label='{esc(k)}'>{esc(t(f'{group}_{k}', lang))}</span>"
                for group in ("spin", "fabe", "close")
                for k in turn.labels[group]
            ]
            if turn.labels["stage"]:
                tags.append(f"<span class='chip chip-stage'>{esc(t('stage_' + turn.labels['stage'], lang))}</span>")
            chips = f"<div class='chips'>{''.join(tags)}</div>"
        rows.append(
            f"<li class='turn {turn.role}'><span class='who'>#{turn.index} {esc(t(f'role_{turn.role}', lang))}</span>"
            f"<div class='said'>{esc(turn.text)}</div>{chips}</li>"
        )
    return f"<div class='sc-transcript'><h3>{esc(t('transcript', lang))}</h3><ol>{''.join(rows)}</ol></div>"


def export_files(card: Scorecard, stem: str) -> tuple[Path, Path, Path]:
    """The scorecard as JSON, Markdown and HTML files for the download buttons (one folder per card, so showing
    the same card again reuses its files)."""
    data = json.dumps(card.model_dump(mode="json"), ensure_ascii=False, indent=2)
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:60] or "call"
    digest = hashlib.sha256(f"{safe}\n{data}".encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / "salesim-cards" / digest
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / f"{safe}.json", folder / f"{safe}.md", folder / f"{safe}.html")
    paths[0].write_text(data, encoding="utf-8")
    paths[1].write_text(to_markdown(card), encoding="utf-8")
    paths[2].write_text(to_html(card), encoding="utf-8")
    return paths


class ScorecardPanel:
    """The scorecard's components, placed where it is built; `fill` gives their updates for one card."""

    def __init__(self, lang: str, elem_id: str):
        self.card = gr.State(None)
        with gr.Column(visible=False, elem_id=elem_id, elem_classes=["scorecard"]) as self.box:
            self.summary = gr.HTML()
            self.stages = gr.HTML()
            with gr.Row(equal_height=True):
                self.spin = gr.HTML()
                self.fabe = gr.HTML()
            self.findings = gr.HTML()
            self.transcript = gr.HTML()
            with gr.Row():
                self.json = gr.DownloadButton(t("download_json", lang), size="sm")
                self.md = gr.DownloadButton(t("download_md", lang), size="sm")
                self.html = gr.DownloadButton(t("download_html", lang), size="sm")

    @property
    def outputs(self) -> list:
        return [
            self.card,
            self.box,
            self.summary,
            self.stages,
            self.spin,
            self.fabe,
            self.findings,
            self.transcript,
            self.json,
            self.md,
            self.html,
        ]

    def fill(self, card: dict | None, lang: str, stem: str = "scorecard") -> list:
        """Updates for `outputs`: the card shown, or the panel hidden when there is none."""
        if not card:
            return [None, gr.update(visible=False), *([gr.update()] * 9)]
        model = CoachedScorecard.model_validate(card)  # a plain scorecard validates too (no summary, rules' wording)
        json_path, md_path, html_path = export_files(model, stem)
        return [
            card,
            gr.update(visible=True),
            summary_html(model, lang),
            stages_svg(model, lang),
            spin_chart(model, lang),
            fabe_chart(model, lang),
            findings_html(model, lang),
            transcript_html(model, lang),
            gr.update(value=str(json_path), label=t("download_json", lang)),
            gr.update(value=str(md_path), label=t("download_md", lang)),
            gr.update(value=str(html_path), label=t("download_html", lang)),
        ]

    def refill(self, card: dict | None, lang: str) -> list:
        """After a language change: the same card, new words."""
        return self.fill(card, lang, stem=(card or {}).get("persona") or "scorecard")
