"""Scorecards as Markdown and HTML for people. Every text from a call or persona is escaped."""

from __future__ import annotations

import html

from graders.scorecard import Scorecard


def _md(text: str) -> str:
    """Escape Markdown and HTML so a transcript line renders as the words it is."""
    # quote=False: an apostrophe stays an apostrophe (its entity's "#" would be escaped below and show as "&\#x27;")
    escaped = html.escape(text.replace("\n", " "), quote=False)
    for ch in "\\`*_{}[]()#+-!|>":
        escaped = escaped.replace(ch, "\\" + ch)
    return escaped


def to_markdown(card: Scorecard) -> str:
    """A scorecard a trainee can read top to bottom."""
    lines = [f"# Scorecard: {card.score}/100", ""]
    lines.append(f"Persona: {_md(card.persona or 'unknown')} · {card.language} · {card.direction}")
    if card.milestones.known:
        lines.append(
            f"Outcome: **{card.milestones.outcome}** · milestones: {', '.join(card.milestones.reached) or 'none'}"
        )
    lines += ["", "| part | weight | score | points |", "|---|---|---|---|"]
    lines += [f"| {p.name} | {p.weight} | {p.score:.0%} | {p.points} |" for p in card.parts]
    lines += ["", "## Thinking stages (share of speaking time vs ideal)", ""]
    for stage, share in card.stages.by_speaking_time.items():
        lines.append(f"- {stage}: {share:.0%} (ideal {card.stages.ideal[stage]:.0%})")
    lines += ["", "## Findings", ""]
    for f in card.findings:
        mark = "✅" if f.kind == "strength" else "⚠️"
        turns = ", ".join(f"#{i}" for i in f.turns)
        lines.append(f"- {mark} {_md(f.message)} (turns {turns})")
        if f.better_line:
            lines.append(f"  - Try: “{_md(f.better_line)}”")
    lines += ["", "## Transcript", ""]
    for t in card.turns:
        labels = ""
        if t.labels:
            tags = [*t.labels["spin"], *t.labels["fabe"], *t.labels["close"]]
            labels = f" `{' '.join(tags) or '-'} · {t.labels['stage'] or '-'}`"
        lines.append(f"{t.index}. **{t.role}**: {_md(t.text)}{labels}")
    return "\n".join(lines) + "\n"


def to_html(card: Scorecard) -> str:
    """A standalone HTML page of the scorecard."""
    e = html.escape
    parts = "".join(
        f"<tr><td>{e(p.name)}</td><td>{p.weight}</td><td>{p.score:.0%}</td><td>{p.points}</td></tr>" for p in card.parts
    )
    findings = "".join(
        f"<li class='{f.kind}'>{e(f.message)} <small>turns {e(', '.join(map(str, f.turns)))}</small>"
        + (f"<br><em>Try: {e(f.better_line)}</em>" if f.better_line else "")
        + "</li>"
        for f in card.findings
    )
    turns = "".join(
        f"<tr class='{t.role}'><td>{t.index}</td><td>{e(t.role)}</td><td>{e(t.text)}</td>"
        f"<td>{e(' '.join([*t.labels['spin'], *t.labels['fabe'], *t.labels['close']])) if t.labels else ''}</td>"
        f"<td>{e(t.stage or '')}</td></tr>"
        for t in card.turns
    )
    stages = "".join(
        f"<li>{e(s)}: {v:.0%} (ideal {card.stages.ideal[s]:.0%})</li>" for s, v in card.stages.by_speaking_time.items()
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>salesim scorecard</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto}"
        "td{padding:4px 8px;border-bottom:1px solid #ddd}.miss{color:#a40}.strength{color:#270}</style></head><body>"
        f"<h1>Scorecard: {card.score}/100</h1>"
        f"<p>{e(card.persona or 'unknown')} · {e(card.language)} · {e(card.direction)}</p>"
        f"<table><tr><th>part</th><th>weight</th><th>score</th><th>points</th></tr>{parts}</table>"
        f"<h2>Thinking stages</h2><ul>{stages}</ul><h2>Findings</h2><ul>{findings}</ul>"
        f"<h2>Transcript</h2><table>{turns}</table></body></html>\n"
    )
