"""The one player: its HTML fragment, its assets, and its behaviour in a real browser."""

import json
import shutil
from html.parser import HTMLParser

import pytest

import eigenvue
from eigenvue import player
from eigenvue.export import frame_images
from eigenvue.player import PLAYER_CSS, PLAYER_JS, asset_paths, player_fragment
from tests.chromium import CHROMIUM_FLAGS


def frames(n, dark=False):
    return [
        {
            "src": f"/img/step-{i}.png",
            "srcDark": f"/img/step-{i}-dark.png" if dark else None,
            "alt": f"Step {i + 1} of {n}",
            "title": f"Title {i} </script><b>",
            "explanation": f"Explanation {i} & <more>",
            "phase": "forward" if i % 2 else None,
        }
        for i in range(n)
    ]


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(markup):
    parser = Collect()
    parser.feed(markup)
    return parser


def test_fragment_holds_the_first_frame_the_controls_and_every_frame_as_json():
    given = frames(3)
    parsed = parse(player_fragment(given, player_id="p1"))
    (root,) = [a for t, a in parsed.tags if "ev-player" in a.get("class", "").split()]
    assert root["id"] == "p1" and root["tabindex"] == "0"
    (image,) = [a for t, a in parsed.tags if t == "img"]
    assert image["src"] == "/img/step-0.png" and image["alt"] == "Step 1 of 3"
    classes = {a.get("class") for t, a in parsed.tags}
    assert {"ev-prev", "ev-play", "ev-next", "ev-slider", "ev-counter"} <= classes
    (slider,) = [a for t, a in parsed.tags if a.get("class") == "ev-slider"]
    assert slider["max"] == "2"
    # Markup in titles cannot escape the JSON script element, and round-trips exactly.
    (payload,) = parsed.scripts
    assert json.loads(payload) == given


def test_frames_in_one_long_folder_are_written_once_and_read_back_whole():
    given = [
        {
            "src": f"frames/0123456789abcdef/{i:03d}.webp",
            "srcDark": f"frames/fedcba9876543210/{i:03d}.webp",
            "alt": "First" if i == 0 else "",
            "title": f"Step {i}",
            "explanation": "",
            "phase": None,
        }
        for i in range(3)
    ]
    (payload,) = parse(player_fragment(given, player_id="p")).scripts
    data = json.loads(payload)
    assert data["srcBase"] == "frames/0123456789abcdef/"
    assert data["srcDarkBase"] == "frames/fedcba9876543210/"
    assert data["frames"][1] == {
        "src": "001.webp",
        "srcDark": "001.webp",
        "title": "Step 1",
        "explanation": "",
    }
    from tests.docs_site import _frames

    assert _frames(data) == given


def test_dark_variants_use_material_image_fragments():
    parsed = parse(player_fragment(frames(2, dark=True), player_id="p2"))
    images = [a["src"] for t, a in parsed.tags if t == "img"]
    assert images == ["/img/step-0.png#only-light", "/img/step-0-dark.png#only-dark"]
    assert "body:not([data-md-color-scheme]) .ev-player img.ev-image-dark" in PLAYER_CSS


def test_a_player_needs_frames():
    with pytest.raises(ValueError):
        player_fragment([], player_id="empty")


def test_assets_are_the_shipped_files():
    js, css = asset_paths()
    assert js.read_text(encoding="utf-8") == PLAYER_JS
    assert css.read_text(encoding="utf-8") == PLAYER_CSS
    assert "window.eigenvuePlayer" in PLAYER_JS and "document$" in PLAYER_JS


# -- in a real browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=CHROMIUM_FLAGS,
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    path = tmp_path_factory.mktemp("player") / "backpropagation.html"
    trace = eigenvue.trace("backpropagation")
    path.write_text(player.standalone_html(trace, frame_images(trace)), encoding="utf-8")
    return path, trace


def state(page, selector="#ev-player-backpropagation"):
    return page.eval_on_selector(
        selector,
        """root => ({
            counter: root.querySelector('.ev-counter').textContent,
            title: root.querySelector('.ev-title').textContent,
            src: root.querySelector('img.ev-image-light').getAttribute('src'),
            slider: root.querySelector('.ev-slider').value,
            playing: root.querySelector('.ev-play').getAttribute('aria-pressed'),
        })""",
    )


@pytest.mark.slow
def test_standalone_player_steps_with_keys_buttons_and_slider(browser, standalone):
    path, trace = standalone
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelector('.ev-player').dataset.evReady === 'true'")
    frames = json.loads(page.text_content("script.ev-frames"))
    assert state(page)["counter"] == f"1 / {len(trace)}"

    page.focus(".ev-player")
    page.keyboard.press("ArrowRight")
    now = state(page)
    assert now["counter"] == "2 / 9" and now["title"] == trace[1].title
    assert now["src"] == frames[1]["src"] and now["slider"] == "1"
    page.keyboard.press("End")
    assert state(page)["title"] == trace[-1].title
    page.keyboard.press("Home")
    assert state(page)["counter"] == "1 / 9"
    page.keyboard.press("ArrowLeft")  # already at the start: stays
    assert state(page)["counter"] == "1 / 9"

    page.click(".ev-next")
    page.click(".ev-next")
    assert state(page)["title"] == trace[2].title
    page.click(".ev-prev")
    assert state(page)["counter"] == "2 / 9"
    page.eval_on_selector(
        ".ev-slider", "s => { s.value = '6'; s.dispatchEvent(new Event('input')); }"
    )
    assert state(page)["title"] == trace[6].title

    page.focus(".ev-player")
    page.keyboard.press(" ")
    assert state(page)["playing"] == "true"
    page.wait_for_function(
        "document.querySelector('.ev-counter').textContent === '8 / 9'", timeout=5000
    )
    page.keyboard.press(" ")
    assert state(page)["playing"] == "false"
    assert errors == []
    page.close()


@pytest.mark.slow
def test_init_is_idempotent_and_players_on_one_page_are_independent(browser, tmp_path):
    parts = [
        player_fragment(frames(4), player_id="a"),
        player_fragment(frames(3, dark=True), player_id="b"),
    ]
    page_path = tmp_path / "two.html"
    page_path.write_text(
        f"<!DOCTYPE html><html><head><style>{PLAYER_CSS}</style></head><body>"
        + "".join(parts)
        + f"<script>{PLAYER_JS}</script><script>{PLAYER_JS}</script></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(page_path.as_uri())
    page.evaluate("window.eigenvuePlayer.init(); window.eigenvuePlayer.init();")
    page.focus("#a")
    page.keyboard.press("ArrowRight")  # one press, one step: no handler bound twice
    assert state(page, "#a")["counter"] == "2 / 4"
    assert state(page, "#b")["counter"] == "1 / 3"
    # Outside mkdocs-material only the light image of a light/dark pair is shown.
    visible = page.eval_on_selector_all(
        "#b img", "imgs => imgs.map(i => getComputedStyle(i).display !== 'none')"
    )
    assert visible == [True, False]
    page.click("#b .ev-next")
    assert page.get_attribute("#b img.ev-image-dark", "src") == "/img/step-1-dark.png#only-dark"
    page.close()


@pytest.mark.slow
def test_a_standalone_player_takes_the_keys_without_a_click_and_announces_each_step(
    browser, standalone
):
    path, trace = standalone
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelector('.ev-player').dataset.evReady === 'true'")
    assert page.evaluate("document.activeElement.classList.contains('ev-player')")
    page.keyboard.press("ArrowRight")  # no click, no focus() first
    assert state(page)["counter"] == f"2 / {len(trace)}"
    live = page.locator(".ev-live")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == f"Step 2 of {len(trace)}: {trace[1].title}"
    assert page.get_attribute(".ev-slider", "aria-valuetext") == f"Step 2 of {len(trace)}"
    # The keyboard focus is visible: a ring drawn around the player.
    outline = page.eval_on_selector(
        ".ev-player", "p => [getComputedStyle(p).outlineStyle, getComputedStyle(p).outlineWidth]"
    )
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2
    # A click on the text moves the focus to the page: the keys still step the player.
    page.mouse.click(5, 5)
    page.keyboard.press("ArrowRight")
    assert state(page)["counter"] == f"3 / {len(trace)}"
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_autoplay_respects_prefers_reduced_motion(browser, tmp_path, motion):
    fragment = player_fragment(frames(4), player_id="auto", interval_ms=100, autoplay=True)
    page_path = tmp_path / "auto.html"
    page_path.write_text(
        f"<!DOCTYPE html><html><head><style>{PLAYER_CSS}</style></head><body>{fragment}"
        f"<script>{PLAYER_JS}</script></body></html>",
        encoding="utf-8",
    )
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_function("document.querySelector('#auto').dataset.evReady === 'true'")
    if motion == "reduce":
        page.wait_for_timeout(400)  # four intervals: a player that played would have moved
        assert state(page, "#auto")["counter"] == "1 / 4"
        assert state(page, "#auto")["playing"] == "false"
    else:
        page.wait_for_function(
            "document.querySelector('#auto .ev-counter').textContent === '4 / 4'", timeout=5000
        )
    context.close()


def test_first_frames_load_lazily_with_their_size_and_the_smallest_text_size():
    markup = player_fragment(frames(3, dark=True), player_id="p", size=(1200, 700), text_px=11.11)
    tags = parse(markup).tags
    images = [a for t, a in tags if t == "img"]
    assert len(images) == 2
    assert all((i["loading"], i["width"], i["height"]) == ("lazy", "1200", "700") for i in images)
    (root,) = [a for t, a in tags if t == "div" and a.get("class") == "ev-player"]
    assert root["data-text-px"] == "11.11"
    assert "--ev-frame-width:1200px" in root["style"]
    assert "data-autofocus" not in root and "data-autoplay" not in root
