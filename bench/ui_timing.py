"""Web app timing in a real browser: page-ready time and the offline reply round trip.

Starts `salesim serve` on a free localhost port with a fresh data folder and the offline voice, drives Debian's
Chromium through Playwright, and prints medians and worst cases:

- page ready: from navigation to the Practice tab's Start button and brief on screen; "cold" is a new browser
  context (empty cache), "warm" a reload in the same one.
- reply round trip: from the Enter key in the trainee's box to the customer's reply bubble painted, timed inside
  the page (keydown and the next animation frame after the bubble appears), over a whole seed call.

    python bench/ui_timing.py [--loads 5] [--calls 2] [--baseline] [--json]

On a busy machine both figures grow with the load; `--baseline` also times a bare Gradio page (one button) under
the same conditions, to tell the app's own cost from the machine's.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SALESIM_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SCRIPT = ROOT / "tests" / "scripts" / "tv-parent.en.good.txt"

WATCH = """() => {
  window.__rt = {n: document.querySelectorAll('#chat .bot-row').length, t0: null, t1: null};
  if (window.__watching) return;
  window.__watching = true;
  document.querySelector('#trainee-line textarea').addEventListener('keydown', e => {
    if (e.key === 'Enter') window.__rt.t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    const rt = window.__rt;
    if (rt.t0 !== null && rt.t1 === null && document.querySelectorAll('#chat .bot-row').length > rt.n) {
      rt.t1 = -1;
      requestAnimationFrame(() => { rt.t1 = performance.now(); });
    }
  }).observe(document.querySelector('#chat'), {childList: true, subtree: true});
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BARE_APP = """
import sys
import ui.gradio_offline
import gradio as gr
with gr.Blocks() as demo:
    gr.Button("Start", elem_id="start-call")
    gr.HTML("<h3>brief</h3>", elem_id="brief")
demo.launch(server_port=int(sys.argv[1]), ssr_mode=False)
"""


def start_server(home: Path, bare: bool = False) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    env = {**os.environ, "SALESIM_HOME": str(home), "SALESIM_BACKEND": "offline"}
    command = ["-c", BARE_APP, str(port)] if bare else ["-m", "ui.cli", "serve", "--port", str(port)]
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"salesim serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return proc, url, time.perf_counter() - began
        except OSError:
            time.sleep(0.1)


def page_ready(page, url: str) -> float:
    began = time.perf_counter()
    page.goto(url)
    page.locator("#start-call").wait_for()
    page.locator("#brief h3").wait_for()
    return time.perf_counter() - began


def call_round_trips(page) -> list[float]:
    """Play the seed call; the round trip of every reply, in milliseconds."""
    page.click("#start-call")
    page.locator("#chat .bot-row").first.wait_for()
    page.wait_for_function("!document.querySelector('#trainee-line textarea').disabled")
    box = page.locator("#trainee-line textarea")
    trips = []
    for line in SCRIPT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or box.is_disabled():
            break
        page.evaluate(WATCH)
        box.fill(line)
        box.press("Enter")
        page.wait_for_function("window.__rt.t1 > 0", polling=5)
        trips.append(page.evaluate("window.__rt.t1 - window.__rt.t0"))
        page.wait_for_function("!document.querySelector('#trainee-line textarea').value")
    return trips


def bare_page_ready(loads: int) -> list[float]:
    """Cold page-ready of a one-button Gradio page: the floor any Gradio app has on this machine."""
    with tempfile.TemporaryDirectory(prefix="salesim-bench-") as home:
        proc, url, _ = start_server(Path(home), bare=True)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page_ready(browser.new_page(), url)
                times = []
                for _ in range(loads):
                    context = browser.new_context()
                    times.append(page_ready(context.new_page(), url))
                    context.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    return times


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "max": round(max(values), 3), "n": len(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="page loads per kind (cold, warm)")
    parser.add_argument("--calls", type=int, default=2, help="whole seed calls to time the replies of")
    parser.add_argument("--baseline", action="store_true", help="also time a bare Gradio page, for comparison")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    baseline = bare_page_ready(args.loads) if args.baseline else None
    with tempfile.TemporaryDirectory(prefix="salesim-bench-") as home:
        proc, url, started = start_server(Path(home))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                cold, warm, trips = [], [], []
                page_ready(browser.new_page(), url)  # the server's first render, not counted
                for _ in range(args.loads):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    cold.append(page_ready(page, url))
                    warm.append(page_ready(page, url))
                    context.close()
                for _ in range(args.calls):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    page_ready(page, url)
                    trips += call_round_trips(page)
                    context.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    result = {
        "server_start_s": round(started, 2),
        "page_ready_cold_s": summary(cold),
        "page_ready_warm_s": summary(warm),
        "reply_round_trip_ms": summary(trips),
        **({"bare_gradio_page_ready_cold_s": summary(baseline)} if baseline else {}),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"server start (salesim serve until it answers): {result['server_start_s']} s")
    for key, label, unit in (
        ("page_ready_cold_s", "page ready, cold (new context)", "s"),
        ("page_ready_warm_s", "page ready, warm (reload)", "s"),
        ("reply_round_trip_ms", "offline reply round trip", "ms"),
    ):
        r = result[key]
        print(f"{label:34} median {r['median']:>8} {unit}   max {r['max']:>8} {unit}   (n={r['n']})")
    if baseline:
        r = result["bare_gradio_page_ready_cold_s"]
        print(f"{'bare Gradio page, cold':34} median {r['median']:>8} s   max {r['max']:>8} s   (n={r['n']})")
    print(f"load average {result['load_average']} on {result['cpus']} CPUs")


if __name__ == "__main__":
    main()
