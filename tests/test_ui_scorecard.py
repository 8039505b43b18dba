"""The scorecard as the web app draws it: circles to size, charts, labelled turns, findings, downloads, escaping."""

from __future__ import annotations

import json
import math
import re

from graders.scorecard import Scorecard, grade
from graders.transcript import Transcript
from personas.library import get_persona
from ui.scorecard_view import (
    export_files,
    fabe_chart,
    findings_html,
    spin_chart,
    stages_svg,
    summary_html,
    transcript_html,
)

HOSTILE = "<script>window.pwned=1</script><img src=x onerror=alert(1)> ${alert(2)} `x` **bold**"


def card(turns: list[tuple[str, str]], persona: str | None = None, language: str = "en") -> Scorecard:
    transcript = Transcript(turns=[{"role": r, "text": t} for r, t in turns], persona=persona)
    return grade(transcript, get_persona(persona, language) if persona else None)


TV = [
    ("customer", "Hello, that English-learning machine on TV, how much is it?"),
    ("trainee", "Good afternoon, LinguaPal order line, this is Lily. May I have your name?"),
    ("customer", "I'm Mr. Zhou."),
    ("trainee", "Which grade is your son in, and what does he find hardest about English?"),
    ("customer", "English is the problem."),
    ("trainee", "If his English stays where it is, how will that affect the high-school entrance exam?"),
    ("customer", "That's exactly what worries me."),
]


def test_the_stage_circles_are_drawn_to_size_beside_the_ideal() -> None:
    scorecard = card(TV, "tv-parent")
    svg = stages_svg(scorecard, "en")
    radii = [float(r) for r in re.findall(r"<circle [^>]*r='([\d.]+)'", svg)]
    shares = [s for s in scorecard.stages.by_speaking_time.values() if s > 0] + list(scorecard.stages.ideal.values())
    assert len(radii) == len(shares)
    for radius, share in zip(radii, shares, strict=True):  # area, not radius, follows the share
        assert math.isclose(radius, max(48 * math.sqrt(share), 2), abs_tol=0.06)
    assert "Ideal for this customer" in svg
    assert "Ideal for outbound calls" in stages_svg(card([("trainee", "How many rooms?")]), "en")
    assert "呼出电话的理想比例" in stages_svg(card([("trainee", "How many rooms?")]), "zh")


def test_spin_and_fabe_counts_are_charts_with_text_the_browser_can_draw() -> None:
    scorecard = card(TV, "tv-parent")
    spin = spin_chart(scorecard, "en")
    assert spin.count("<svg") == 1 and "implication" in spin and "need-payoff" in spin
    assert "<text" in spin  # text stays text (svg.fonttype none), so Chinese uses the page's fonts
    assert "暗示" in spin_chart(scorecard, "zh") and "证据" in fabe_chart(scorecard, "zh")


def test_the_transcript_shows_each_trainee_turn_with_its_labels() -> None:
    html = transcript_html(card(TV, "tv-parent"), "en")
    assert "data-label='implication'" in html and "data-label='problem'" in html
    assert html.count("class='turn trainee'") == 3 and html.count("class='turn customer'") == 4


def test_findings_quote_their_turns_and_offer_better_lines() -> None:
    scorecard = card(TV, "tv-parent")
    html = findings_html(scorecard, "en")
    assert "data-code='no_need_payoff'" in html and "Try:" in html
    assert "#5" in html and "entrance exam" in html  # the implication question quoted as a strength
    zh = findings_html(scorecard, "zh")
    assert "可以这样说" in zh and "整通电话没有需求回报问题" in zh


def test_the_summary_shows_score_parts_and_outcome() -> None:
    scorecard = card(TV, "tv-parent")
    html = summary_html(scorecard, "en")
    assert f"<b>{scorecard.score}</b>" in html and "SPIN questions" in html and "Outcome" in html
    assert "得分" in summary_html(scorecard, "zh")


def test_text_from_people_is_escaped_everywhere_it_is_rendered() -> None:
    scorecard = card([("customer", HOSTILE), ("trainee", HOSTILE + " How many rooms?"), ("customer", HOSTILE)])
    for html in (transcript_html(scorecard, "en"), findings_html(scorecard, "en"), summary_html(scorecard, "en")):
        assert "<script" not in html and "<img" not in html
        assert "${" not in html and "`" not in html.replace("&#96;", "")
    assert "&lt;script&gt;" in transcript_html(scorecard, "en")


def test_downloads_are_json_markdown_and_html(tmp_path) -> None:
    scorecard = card(TV, "tv-parent")
    json_path, md_path, html_path = export_files(scorecard, "scorecard-abc/../x")
    assert json.loads(json_path.read_text(encoding="utf-8"))["score"] == scorecard.score
    assert md_path.read_text(encoding="utf-8").startswith("# Scorecard")
    assert "<html>" in html_path.read_text(encoding="utf-8")
    assert "/" not in json_path.name.removesuffix(".json") and ".." not in json_path.name
