"""The built site in headless Chromium: the player, the catalogue, axe-core, bytes, text size.

Every page of the session's site (home, catalogue, every algorithm page, the
hand-written pages) is checked with axe-core in both palettes; every algorithm
page's first load is weighed, and the smallest text of its frames is measured
as shown. Screenshots at 1280 and 390 px, light and dark, are written to
``$EIGENVUE_SCREENSHOTS`` when that is set, for a person to look at.
"""

import functools
import http.server
import os
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
        alt = shown.get_attribute("alt")
        assert trace[1].title in alt and trace[1].explanation in alt
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
        assert "/001." in enlarged.get_attribute("src")
        page.keyboard.press("Escape")
        assert not page.locator("dialog.ev-lightbox").is_visible()
        # The keyboard opens it too: Enter on the focused player.
        player.focus()
        page.keyboard.press("Enter")
        assert page.locator("dialog.ev-lightbox").is_visible()
        page.keyboard.press("Escape")
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


# -- accessibility, weight and legibility of every page ------------------------------------

#: The most an algorithm page may transfer when it first loads (issue 14).
FIRST_LOAD_LIMIT = 800_000
#: The smallest text of a frame, as shown at a 1280 px window, in CSS pixels.
SMALLEST_TEXT_PX = 11.0


def _site_pages():
    """Site-relative URLs of every page: home, the catalogue, each algorithm, the others."""
    site = session_site()
    pages = []
    for path in sorted(site.site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site.site_dir).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        pages.append("" if relative == "." else f"{relative}/")
    return pages


def _algorithm_pages():
    return [f"algorithms/{info.id}/" for info in eigenvue.list()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(server, browser, scheme):
    axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
    axe = axe_api.Axe()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        pages = _site_pages()
        assert "" in pages and "algorithms/" in pages
        assert set(_algorithm_pages()) <= set(pages)
        for url in pages:
            page.goto(f"{server}/{url}")
            page.wait_for_load_state("networkidle")
            violations = axe.run(page).response["violations"]
            if violations:
                found[url] = [
                    (v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations
                ]
    finally:
        context.close()
    assert found == {}


def test_every_algorithm_page_first_loads_at_most_800_kb(server, browser):
    heavy = {}
    for url in _algorithm_pages():
        # A fresh context each time: an empty browser cache, as a first visit has.
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        sizes = []
        page.on(
            "requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"])
        )
        page.goto(f"{server}/{url}")
        page.wait_for_load_state("networkidle")
        context.close()
        if sum(sizes) > FIRST_LOAD_LIMIT:
            heavy[url] = (sum(sizes), len(sizes))
        assert sizes, url
    assert heavy == {}


def test_the_smallest_text_of_every_frame_shows_at_11_px_or_more(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    small = {}
    try:
        for info in eigenvue.list():
            if eigenvue.get_algorithm(info.id).frames_ref is None:
                continue
            page.goto(f"{server}/algorithms/{info.id}/")
            player = page.locator(".ev-player").first
            player.scroll_into_view_if_needed()
            image = player.locator("img.ev-image-light")
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
            )
            shown, natural = image.evaluate("img => [img.clientWidth, img.naturalWidth]")
            text_px = float(player.get_attribute("data-text-px"))
            if text_px * shown / natural < SMALLEST_TEXT_PX:
                small[info.id] = round(text_px * shown / natural, 2)
    finally:
        context.close()
    assert small == {}


def test_on_a_phone_the_player_fits_and_the_lightbox_shows_the_frame_at_full_size(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{server}/algorithms/backpropagation/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing makes the page scroll sideways
        player = page.locator(".ev-player").first
        player.scroll_into_view_if_needed()
        for control in (".ev-prev", ".ev-play", ".ev-next", ".ev-slider"):
            box = player.locator(control).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        player.locator("img.ev-image-light").click()
        enlarged = page.locator("dialog.ev-lightbox img")
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=enlarged.element_handle()
        )
        shown, natural = enlarged.evaluate("img => [img.clientWidth, img.naturalWidth]")
        assert shown == natural  # scroll across it rather than squint at it
    finally:
        context.close()


@pytest.mark.skipif(not os.environ.get("EIGENVUE_SCREENSHOTS"), reason="EIGENVUE_SCREENSHOTS unset")
def test_screenshots_for_a_person_to_look_at(server, browser):
    folder = Path(os.environ["EIGENVUE_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            for name, url in [
                ("catalogue", "algorithms/"),
                ("backpropagation", "algorithms/backpropagation/"),
                ("quicksort", "algorithms/quicksort/"),
                ("self-attention", "algorithms/self-attention/"),
                ("quantum-teleportation", "algorithms/quantum-teleportation/"),
            ]:
                page.goto(f"{server}/{url}")
                page.wait_for_load_state("networkidle")
                player = page.locator(".ev-player")
                if player.count():
                    player.first.scroll_into_view_if_needed()
                    page.wait_for_timeout(300)
                page.screenshot(path=str(folder / f"{name}-{width}-{scheme}.png"))
            context.close()
