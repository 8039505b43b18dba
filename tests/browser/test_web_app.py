"""The web app in a real browser: `salesim serve` on a free localhost port, driven by Playwright through
Debian's Chromium. A trainee plays a whole offline call, ends it and reads the scorecard; the page stays
off the internet and shows people's words as words, never as HTML.

Screenshots go to SALESIM_SCREENSHOT_DIR when it is set (the README's come from there), else to a temp folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("SALESIM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCRIPTS = Path(__file__).parent.parent / "scripts"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${7*7} **bold**'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def script(name: str) -> list[str]:
    return [line for line in (SCRIPTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`salesim serve` as a user starts it, with a fresh data folder and the offline voice."""
    home = tmp_path_factory.mktemp("salesim-home")
    port = free_port()
    log = (home / "serve.log").open("w")
    env = {**os.environ, "SALESIM_HOME": str(home), "SALESIM_BACKEND": "offline"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"salesim serve exited ({proc.returncode}):\n{(home / 'serve.log').read_text()}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"salesim serve did not answer in 120 s:\n{(home / 'serve.log').read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium fonts-wqy-microhei"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url: str) -> Iterator:
    """A fresh tab on the app that remembers every request it made outside this machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    tab = context.new_page()
    tab.outside = []
    tab.on("request", lambda r: None if r.url.startswith((app_url, "data:", "blob:")) else tab.outside.append(r.url))
    tab.set_default_timeout(20_000)
    tab.goto(app_url)
    tab.locator("#start-call").wait_for()
    yield tab
    context.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SALESIM_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def bubbles(page, who: str) -> int:
    return page.locator(f"#chat .{who}-row").count()


def say(page, line: str) -> None:
    """Type a line, press Enter, wait for the customer's answer."""
    before = bubbles(page, "bot")
    box = page.locator("#trainee-line textarea")
    box.fill(line)
    box.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#chat .bot-row').length > {before}")
    page.wait_for_function("!document.querySelector('#trainee-line textarea').value")


def test_a_trainee_plays_a_whole_offline_call_and_reads_the_scorecard(page, shots: Path) -> None:
    assert page.locator("#brief").inner_text().startswith("Inbound: a parent asks")
    page.click("#start-call")
    page.locator("#chat .bot-row").first.wait_for()
    assert "English-learning machine" in page.locator("#chat .bot-row").first.inner_text()  # he speaks first
    page.locator("#live-toggle input").check()
    said = 0
    for number, line in enumerate(script("tv-parent.en.good.txt")):
        if page.locator("#trainee-line textarea").is_disabled():
            break
        say(page, line)
        said += 1
        if number == 5:
            assert "✓ Need with an urgent motive" in page.locator("#live-panel").inner_text()
            page.screenshot(path=str(shots / "practice.png"))
    if not page.locator("#trainee-line textarea").is_disabled():
        page.click("#end-call")
    card = page.locator("#practice-scorecard")
    card.locator(".sc-score").wait_for()
    assert "outcome deal" in page.locator("#practice-status").inner_text()
    assert "Outcome: deal" in card.locator(".sc-outcome").inner_text()
    assert card.locator("circle").count() >= 5  # this call's stages beside the ideal
    assert card.locator(".sc-chart svg").count() == 2  # SPIN and FABE
    trainee_turns = card.locator(".turn.trainee")
    assert trainee_turns.count() == said
    assert card.locator(".turn.trainee [data-label='implication']").count() >= 1
    assert card.locator(".turn.trainee [data-label='ask_commitment']").count() >= 1
    assert card.locator(".finding.strength").count() >= 5
    for button in ("Download JSON", "Download Markdown", "Download HTML"):
        assert card.get_by_role("button", name=button).is_enabled()
    box = card.bounding_box()
    top = box["y"] + page.evaluate("window.scrollY")  # clip is in page coordinates
    page.screenshot(
        path=str(shots / "scorecard.png"),
        full_page=True,
        clip={"x": box["x"], "y": top, "width": box["width"], "height": min(box["height"], 1500)},
    )

    page.get_by_role("tab", name="History").click()
    history = page.locator("#history-table")
    history.get_by_text("deal").filter(visible=True).first.wait_for()
    history.get_by_text("tv-parent").filter(visible=True).first.click()
    page.locator("#history-scorecard .sc-score").wait_for()
    assert page.outside == []


def test_the_chinese_ui_plays_a_chinese_call(page, shots: Path) -> None:
    page.locator("#ui-lang").get_by_text("中文").click()
    page.get_by_role("button", name="开始通话").wait_for()
    page.locator("#persona-picker input").click()
    page.get_by_role("option").filter(has_text="家长看了电视购物").first.click()
    page.locator("#brief").get_by_text("灵语英语学习机").first.wait_for()
    page.get_by_role("button", name="开始通话").click()
    page.locator("#chat .bot-row").first.wait_for()
    page.locator("#live-toggle input").check()
    for line in script("tv-parent.zh.good.txt")[:5]:
        say(page, line)
    assert "客户情绪" in page.locator("#live-panel").inner_text()
    assert page.get_by_role("tab", name="历史记录").is_visible()
    page.screenshot(path=str(shots / "practice-zh.png"))
    said = bubbles(page, "user")

    page.get_by_role("tab", name="历史记录").click()  # leave the call, find it in the history, carry on
    page.locator("#history-table").get_by_text("进行中").filter(visible=True).first.click()
    page.get_by_role("button", name="继续这通电话").click()
    page.locator("#practice-status").get_by_text("已从中断处继续").wait_for()
    assert bubbles(page, "user") == said
    say(page, script("tv-parent.zh.good.txt")[5])
    page.get_by_role("button", name="结束通话").click()
    page.locator("#practice-scorecard .sc-score").wait_for()
    assert "评分卡" in page.locator("#practice-scorecard").inner_text()
    assert page.outside == []


def test_peoples_words_are_shown_as_words_never_run_as_html(page) -> None:
    page.locator("#persona-picker input").click()
    page.get_by_role("option").filter(has_text="hotel's service centre").first.click()
    page.click("#start-call")
    page.locator("#trainee-line textarea").wait_for(state="visible")
    page.wait_for_function("!document.querySelector('#trainee-line textarea').disabled")
    say(page, HOSTILE)
    assert page.locator("#chat .user-row").last.inner_text().strip() == HOSTILE
    page.click("#end-call")
    card = page.locator("#practice-scorecard")
    card.locator(".sc-score").wait_for()
    assert HOSTILE in card.locator(".turn.trainee").first.inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#chat img, #chat script, #practice-scorecard img, #practice-scorecard script").count() == 0
