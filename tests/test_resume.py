"""A call survives the process dying: every turn is checkpointed and the call resumes by its id."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import cli_env

from simulator.session import CallError, Simulator
from simulator.settings import Settings


def test_killing_the_terminal_mid_call_loses_no_turn(home: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "practice", "--persona", "hotel-member", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(home),
    )
    assert proc.stdin is not None
    proc.stdin.write("Good morning, this is Anna from the hotel's customer service centre.\n")
    proc.stdin.write("Could I ask which of our services you were most satisfied with, and what could be better?\n")
    proc.stdin.flush()
    sim = Simulator(Settings(home=home))
    deadline = time.time() + 60
    thread_id = None
    while time.time() < deadline:
        ids = sim.thread_ids()
        if ids and len(sim.view(ids[0]).transcript) >= 4:
            thread_id = ids[0]
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert thread_id, "the call never reached four turns"
    before = sim.view(thread_id)
    assert [m["role"] for m in before.transcript] == ["trainee", "customer", "trainee", "customer"]
    assert not before.finished

    after = Simulator(Settings(home=home)).say(thread_id, "Roughly how much do you spend with us in a year?")
    assert after.transcript[:4] == before.transcript
    assert len(after.transcript) == 6


def test_a_finished_or_unknown_call_cannot_be_resumed(sim: Simulator) -> None:
    view = sim.start("tv-parent", "en")
    sim.end(view.thread_id)
    for thread in (view.thread_id, "no-such-call"):
        try:
            sim.say(thread, "hello?")
        except CallError as exc:
            assert re.search(r"ended|no call", str(exc))
        else:
            raise AssertionError("resuming should have failed")


def test_an_empty_or_huge_line_is_refused_and_the_call_goes_on(sim: Simulator) -> None:
    view = sim.start("tv-parent", "en")
    for bad in ("   ", "x" * 5000):
        try:
            sim.say(view.thread_id, bad)
        except CallError as exc:
            assert "empty" in str(exc) or "limit" in str(exc)
    assert len(sim.say(view.thread_id, "May I have your name?").transcript) == 3
