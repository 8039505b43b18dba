"""The web app as a whole: it builds around one store, speaks two languages, and stays off the internet."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from conftest import cli_env

from simulator.session import Simulator
from simulator.settings import Settings
from ui.app import build_app, launch_options
from ui.i18n import STRINGS, Labels, t


def test_the_app_builds_offline_with_analytics_off(home: Path) -> None:
    sim = Simulator(Settings(home=home))
    demo = build_app(Settings(home=home), sim)
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False" and os.environ["HF_HUB_OFFLINE"] == "1"
    assert demo.analytics_enabled is False
    options = launch_options()
    assert options["server_name"] == "127.0.0.1" and options["share"] is False and options["ssr_mode"] is False
    assert "fonts.googleapis" not in demo.config.get("stylesheets", []) and "@import" not in options["css"]
    ids = {c.get("props", {}).get("elem_id") for c in demo.config["components"]}
    assert {"persona-picker", "start-call", "chat", "trainee-line", "end-call", "persona-table"} <= ids
    sim.close()


def test_every_word_of_the_ui_exists_in_english_and_chinese() -> None:
    for key, entry in STRINGS.items():
        assert set(entry) == {"en", "zh"}, key
        assert entry["en"].count("{") == entry["zh"].count("{"), key
    assert t("start_call", "zh") == "开始通话" and t("start_call", "fr") == "Start the call"


def test_labels_follow_the_language() -> None:
    labels = Labels()
    labels.add("button", "start_call", "value")
    labels.add("box", "persona")
    assert labels.updates("zh") == [
        {"__type__": "update", "value": "开始通话"},
        {"__type__": "update", "label": "客户"},
    ]


def test_serve_is_a_salesim_command(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "serve", "--help"],
        capture_output=True,
        text=True,
        env=cli_env(home),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "--host" in result.stdout and "--port" in result.stdout and "--share" in result.stdout


START_AND_WATCH = """
import json, socket, sys, urllib.request
outside = []
def watch(event, args):
    if event == "socket.getaddrinfo" and args[0] not in ("127.0.0.1", "localhost", "::1", None):
        outside.append(f"lookup {args[0]}")
    if event == "socket.connect" and isinstance(args[1], tuple) and args[1][0] not in ("127.0.0.1", "::1"):
        outside.append(f"connect {args[1][0]}")
sys.addaudithook(watch)
from ui.app import build_app, launch_options
demo = build_app()
_, url, _ = demo.launch(**{**launch_options(port=int(sys.argv[1])), "prevent_thread_lock": True, "quiet": True})
urllib.request.urlopen(url, timeout=30).read()
demo.close()
print(json.dumps(outside))
"""


def test_starting_the_app_reaches_nothing_outside_this_machine(home: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in cli_env(home).items() if k not in ("GRADIO_ANALYTICS_ENABLED", "HF_HUB_OFFLINE")}
    result = subprocess.run(
        [sys.executable, "-c", START_AND_WATCH, str(port)], capture_output=True, text=True, env=env, timeout=180
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
