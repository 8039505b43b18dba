"""History in the web app: every call of this installation, its scorecard, and resuming an unfinished one."""

from __future__ import annotations

from pathlib import Path

from simulator.session import Simulator
from ui.history_tab import HistoryHandlers
from ui.practice_tab import PracticeHandlers

SCRIPT = Path(__file__).parent / "scripts" / "tv-parent.en.good.txt"


def test_history_lists_calls_newest_first_with_outcome_and_score(sim: Simulator, home: Path) -> None:
    practice = PracticeHandlers(sim, home / "personas")
    done = practice.start("tv-parent.en", "en").thread_id
    for line in SCRIPT.read_text(encoding="utf-8").splitlines():
        if practice.send(line, done, "en").end["interactive"] is False:
            break
    else:
        practice.end(done, "en")
    open_call = practice.start("hotel-member.en", "en").thread_id
    practice.send("Good morning, this is Anna from the hotel's customer service centre.", open_call, "en")

    history = HistoryHandlers(sim)
    table, ids = history.table("en")
    assert ids == [open_call, done]
    assert list(table.columns) == ["date (UTC)", "customer", "language", "outcome", "score", "call"]
    newest, oldest = table.to_dict("records")
    assert newest["customer"] == "hotel-member" and newest["outcome"] == "in progress"
    assert oldest["outcome"] == "deal" and oldest["score"] > 50 and oldest["date (UTC)"][:2] == "20"
    assert list(history.table("zh")[0].columns)[3] == "结果"

    picked, card, resume, note = history.pick(ids, 1, "en")
    assert picked == done and card["milestones"]["outcome"] == "deal" and resume["interactive"] is False
    picked, card, resume, note = history.pick(ids, 0, "en")
    assert picked == open_call and card is None and resume["interactive"] is True and "not finished" in note
    assert history.pick(ids, 7, "en")[0] is None
