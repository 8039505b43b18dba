"""The web app's Practice tab, driven through its handlers (no browser): what a trainee sees call by call."""

from __future__ import annotations

import itertools
from pathlib import Path

from simulator.session import Simulator
from simulator.settings import Settings
from ui.practice_tab import KEEP, PracticeHandlers, brief_html, live_html
from ui.streaming import VoiceTap

SCRIPTS = Path(__file__).parent / "scripts"


def handlers(sim: Simulator, home: Path) -> PracticeHandlers:
    return PracticeHandlers(sim, home / "personas")


def lines(name: str) -> list[str]:
    return [line for line in (SCRIPTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_whole_offline_call_ends_in_a_deal_with_its_scorecard(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    view = practice.start("tv-parent.en", "en")
    assert view.chat[0]["role"] == "assistant"  # inbound: the parent speaks first
    assert view.line["interactive"] is True and "started" in view.status
    for line in lines("tv-parent.en.good.txt"):
        view = practice.send(line, view.thread_id, "en")
        assert view.chat[-1]["role"] in ("assistant", "user")
        if view.end["interactive"] is False:
            break
    else:
        view = practice.end(view.thread_id, "en")
    assert "deal" in view.status
    assert view.line["interactive"] is False and view.send["interactive"] is False
    card = practice.scorecard(view.thread_id)
    assert card is not None and card["milestones"]["outcome"] == "deal"


def test_an_outbound_customer_waits_for_the_trainee_to_open(sim: Simulator, home: Path) -> None:
    view = handlers(sim, home).start("hotel-member.en", "en")
    assert view.chat == []
    assert handlers(sim, home).scorecard(view.thread_id) is None


def test_mistakes_get_a_message_not_a_crash(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    assert "Start a call first" in practice.send("Hello", None, "en").status
    assert "Pick a persona" in practice.start(None, "en").status
    view = practice.start("tv-parent.en", "en")
    empty = practice.send("   ", view.thread_id, "en")
    assert "empty" in empty.status and empty.chat is KEEP
    too_long = practice.send("x" * 5000, view.thread_id, "en")
    assert "limit" in too_long.status
    ended = practice.end(view.thread_id, "en")
    assert "nothing to grade" in ended.status
    assert "has ended" in practice.send("Hello?", view.thread_id, "en").status


def test_the_trainee_can_play_a_customer_harder_than_written(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    hard = practice.start("tv-parent.en", "en", "hard")
    assert sim.view(hard.thread_id).difficulty == "hard"
    as_written = practice.start("tv-parent.en", "en", "normal")
    assert sim.view(as_written.thread_id).difficulty == "normal"


def test_the_chat_shows_markup_as_the_words_typed(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    view = practice.start("hotel-member.en", "en")
    view = practice.send("<b>Hi</b> <img src=x onerror=alert(1)> & **bold**", view.thread_id, "en")
    assert view.chat[0]["content"] == "&lt;b&gt;Hi&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; &amp; **bold**"


def test_picking_a_chinese_customer_switches_the_ui_to_chinese(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    assert practice.picked("tv-parent.zh") == ("zh", "normal")
    assert practice.picked("hotel-member.en") == ("en", "normal")
    assert practice.picked("nobody.en") == (KEEP, KEEP)
    assert "目标" in practice.brief("tv-parent.zh", "zh")
    view = practice.start("tv-parent.zh", "zh")
    assert "已开始" in view.status


def test_the_brief_gives_the_fact_sheet_and_goal_but_never_the_hidden_needs(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    persona = practice.persona("tv-parent.en")
    html = brief_html(persona, "en")
    assert persona.fact_sheet.product in html and persona.fact_sheet.price in html
    assert "Take the order" in html and "Difficulty" in html and "inbound" in html
    for secret in [n.reveal for n in persona.needs] + [persona.urgent_motive.reveal, persona.customer.background]:
        assert secret not in html


def test_the_live_panel_shows_milestones_and_mood(sim: Simulator, home: Path) -> None:
    practice = handlers(sim, home)
    view = practice.start("tv-parent.en", "en")
    script = lines("tv-parent.en.good.txt")
    for line in script[:5]:
        view = practice.send(line, view.thread_id, "en")
    live = practice.live(view.thread_id, "en")
    assert "✓ Need with an urgent motive" in live and "○ Price and time accepted" in live
    assert "mood-" in live
    assert live_html(None, "en") == ""


def test_a_call_resumes_in_a_new_app_where_it_stopped(home: Path) -> None:
    first = Simulator(Settings(home=home))
    view = handlers(first, home).start("tv-parent.en", "en")
    view = handlers(first, home).send("Good afternoon, LinguaPal order line, this is Lily.", view.thread_id, "en")
    first.close()
    second = Simulator(Settings(home=home))
    resumed = handlers(second, home).resume(view.thread_id, "en")
    assert resumed.chat == view.chat and resumed.line["interactive"] is True
    assert resumed.picker == "tv-parent.en" and "LinguaPal" in resumed.brief
    assert "resumed" in resumed.status
    second.close()


class WordByWord:
    """A stand-in for a model voice: the persona's line, one word at a time."""

    name = "fake-llm"

    def speak(self, request):
        for word in request.offline_text().split(" "):
            yield word + " "


def test_a_streaming_voice_fills_the_reply_in_as_it_speaks(home: Path) -> None:
    sim = Simulator(Settings(home=home), voice=WordByWord())
    practice = handlers(sim, home)
    assert isinstance(sim.context.voice, VoiceTap) and practice.tap.streams
    view = practice.start("tv-parent.en", "en")
    updates = list(practice.send_streaming("May I have your name, sir?", view.thread_id, "en"))
    assert updates[0].chat[-2] == {"role": "user", "content": "May I have your name, sir?"}
    partial = [u.chat[-1]["content"] for u in updates[1:-1]]
    assert len(partial) >= 2 and all(len(a) < len(b) for a, b in itertools.pairwise(partial))
    final = updates[-1]
    assert final.chat[-1]["content"] == sim.view(view.thread_id).transcript[-1]["text"]
    assert final.line["interactive"] is True
    sim.close()


def test_with_a_model_the_scorecard_gets_its_wording_once_and_the_panel_shows_the_coach(
    sim: Simulator, home: Path
) -> None:
    from fake_openai import SUMMARY, FakeOpenAI, coach_json

    from graders.feedback import CoachedScorecard
    from simulator.llm import LLMClient, LLMConfig
    from ui.scorecard_view import summary_html

    with FakeOpenAI(coach_json) as server:
        config = LLMConfig(base_url=server.url, api_key=None, model="fake-model", timeout=5, retries=0)
        practice = PracticeHandlers(sim, home / "personas", LLMClient(config))
        view = practice.start("tv-parent.en", "en")
        view = practice.send("It costs 1,280 yuan. Shall I place the order?", view.thread_id, "en")
        view = practice.end(view.thread_id, "en")
        card = practice.scorecard(view.thread_id)
        again = practice.scorecard(view.thread_id)
        asked = len(server.requests)
    assert card is not None and card["wording"] == "llm" and card["coach_summary"] == SUMMARY
    assert again == card and asked == 1  # shown twice, worded once
    assert SUMMARY in summary_html(CoachedScorecard.model_validate(card), "en").replace("&#x27;", "'")
    graded = sim.view(view.thread_id).scorecard
    assert graded["score"] == card["score"] and "coach_summary" not in graded  # the saved grades are the rules'
