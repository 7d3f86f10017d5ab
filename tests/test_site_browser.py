"""The built site in headless Chromium: the player steps, a quiz answer opens, both palettes."""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

import eigenvue
from tests.chromium import CHROMIUM_FLAGS
from tests.docs_site import session_site

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server():
    site = session_site()
    handler = functools.partial(_QuietHandler, directory=str(site.site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser, url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_player_steps_forward_and_a_quiz_answer_opens(server, browser, scheme):
    meta = eigenvue.get("backpropagation")
    trace = eigenvue.trace("backpropagation")
    context, page, errors = _open(browser, f"{server}/algorithms/backpropagation/", scheme)
    try:
        player = page.locator(".ev-player").first
        counter = player.locator(".ev-counter")
        title = player.locator(".ev-title")
        assert counter.inner_text() == f"1 / {len(trace)}"
        assert title.inner_text() == trace[0].title

        # Exactly one frame is visible: the one of the page's palette, loaded.
        shown = player.locator(f"img.ev-image-{scheme}")
        hidden = player.locator(f"img.ev-image-{'dark' if scheme == 'light' else 'light'}")
        assert shown.is_visible() and not hidden.is_visible()
        first_src = shown.get_attribute("src")

        player.locator(".ev-next").click()
        assert counter.inner_text() == f"2 / {len(trace)}"
        assert title.inner_text() == trace[1].title
        assert player.locator(".ev-explanation").inner_text() == trace[1].explanation
        assert shown.get_attribute("src") != first_src
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
        )

        # Quiz: the answer is hidden until "Show answer" is clicked.
        question = meta.quiz[0]
        explanation = page.get_by_text(question.explanation[:60], exact=False)
        assert not explanation.is_visible()
        page.locator("details", has_text=question.explanation[:60]).locator("summary").click()
        assert explanation.is_visible()
        assert errors == []
    finally:
        context.close()


def test_a_frame_opens_full_size_and_follows_the_arrow_keys(server, browser):
    context, page, errors = _open(browser, f"{server}/algorithms/backpropagation/", "light")
    try:
        player = page.locator(".ev-player").first
        player.locator("img.ev-image-light").click()
        enlarged = page.locator("dialog.ev-lightbox img")
        assert enlarged.is_visible()
        assert (
            enlarged.get_attribute("src").split("#")[0]
            == (player.locator("img.ev-image-light").evaluate("img => img.src").split("#")[0])
        )
        page.keyboard.press("ArrowRight")
        assert player.locator(".ev-counter").inner_text().startswith("2 / ")
        assert "/001.png" in enlarged.get_attribute("src")
        page.keyboard.press("Escape")
        assert not page.locator("dialog.ev-lightbox").is_visible()
        assert errors == []
    finally:
        context.close()


def test_the_catalogue_shows_a_card_per_algorithm(server, browser):
    context, page, errors = _open(browser, f"{server}/algorithms/", "dark")
    try:
        cards = page.locator(".ev-cards li")
        assert cards.count() == len(eigenvue.list())
        for info in eigenvue.list():
            card = cards.filter(has_text=info.name).first
            assert card.is_visible()
            if eigenvue.get_algorithm(info.id).frames_ref is not None:
                thumbnail = card.locator('img[src$="#only-dark"]')
                assert thumbnail.is_visible()
                thumbnail.scroll_into_view_if_needed()
                page.wait_for_function(
                    "img => img.complete && img.naturalWidth > 0",
                    arg=thumbnail.element_handle(),
                )
        assert errors == []
    finally:
        context.close()
