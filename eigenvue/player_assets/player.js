/* eigenvue step-through player.
 *
 * One player for every page that shows frames: the standalone HTML file, the
 * notebook output and the documentation site. Markup comes from
 * eigenvue.player.player_fragment(); this script turns every `.ev-player` on
 * the page into a working player, once each (calling init() again is safe).
 */
(function () {
  "use strict";

  if (window.eigenvuePlayer) {
    window.eigenvuePlayer.init();
    return;
  }

  var DEFAULT_INTERVAL_MS = 1500;

  // The frames' JSON: a list, or {srcBase, srcDarkBase, frames} when every URL lies in
  // one folder (written once to keep long players light); fields left out are empty.
  function expand(data) {
    if (Array.isArray(data)) return data;
    var frames = data.frames || [];
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (data.srcBase) frame.src = data.srcBase + frame.src;
      if (data.srcDarkBase && frame.srcDark) frame.srcDark = data.srcDarkBase + frame.srcDark;
    }
    return frames;
  }

  function setup(root, data) {
    var frames;
    if (data === undefined) {
      var script = root.querySelector("script.ev-frames");
      if (!script) return;
      try {
        data = JSON.parse(script.textContent);
      } catch (error) {
        return;
      }
    }
    frames = expand(data);
    if (!frames.length) return;

    var light = root.querySelector("img.ev-image-light");
    var dark = root.querySelector("img.ev-image-dark");
    var slider = root.querySelector(".ev-slider");
    var counter = root.querySelector(".ev-counter");
    var live = root.querySelector(".ev-live");
    var title = root.querySelector(".ev-title");
    var explanation = root.querySelector(".ev-explanation");
    var phase = root.querySelector(".ev-phase");
    var prev = root.querySelector(".ev-prev");
    var next = root.querySelector(".ev-next");
    var play = root.querySelector(".ev-play");
    var interval = parseInt(root.getAttribute("data-interval"), 10) || DEFAULT_INTERVAL_MS;
    var index = 0;
    var timer = null;

    // Only the palette on show is fetched ahead: the other one's image is hidden (and
    // lazily loaded), so it costs nothing until the reader switches palettes.
    function darkShown() {
      return !!(dark && dark.offsetParent !== null && light.offsetParent === null);
    }

    function preload(i) {
      if (i < 0 || i >= frames.length) return;
      var useDark = darkShown() && frames[i].srcDark;
      var key = useDark ? "preloadedDark" : "preloaded";
      if (frames[i][key]) return;
      frames[i][key] = true;
      new Image().src = useDark ? frames[i].srcDark : frames[i].src;
    }

    // A frame without alt text in the JSON (the docs site leaves it out to keep pages
    // light) is described by its title and explanation, as the first frame's markup is.
    function altOf(frame) {
      if (frame.alt) return frame.alt;
      var head = (frame.title || "").trim();
      return head + (/[.!?:]$/.test(head) ? " " : ". ") + (frame.explanation || "").trim();
    }

    function show(i, announce) {
      index = Math.max(0, Math.min(frames.length - 1, i));
      var frame = frames[index];
      var alt = altOf(frame);
      if (frame.srcDark && dark) {
        light.src = frame.src + "#only-light";
        dark.src = frame.srcDark + "#only-dark";
        dark.alt = alt;
      } else {
        light.src = frame.src;
      }
      light.alt = alt;
      slider.value = String(index);
      slider.setAttribute("aria-valuetext", "Step " + (index + 1) + " of " + frames.length);
      counter.textContent = (index + 1) + " / " + frames.length;
      if (live && announce) {
        live.textContent = "Step " + (index + 1) + " of " + frames.length + ": " + frame.title;
      }
      title.textContent = frame.title;
      explanation.textContent = frame.explanation;
      if (phase) {
        phase.textContent = frame.phase || "";
        phase.hidden = !frame.phase;
      }
      prev.disabled = index === 0;
      next.disabled = index === frames.length - 1;
      root.setAttribute("data-step", String(index));
      preload(index + 1);
    }

    function stop() {
      if (timer !== null) {
        clearInterval(timer);
        timer = null;
      }
      play.textContent = "▶ Play";
      play.setAttribute("aria-label", "Play");
      play.setAttribute("aria-pressed", "false");
    }

    function start() {
      if (index >= frames.length - 1) show(0);
      play.textContent = "❚❚ Pause";
      play.setAttribute("aria-label", "Pause");
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(function () {
        if (index >= frames.length - 1) {
          stop();
        } else {
          show(index + 1, true);
        }
      }, interval);
    }

    function toggle() {
      if (timer === null) start();
      else stop();
    }

    prev.addEventListener("click", function () { stop(); show(index - 1, true); });
    next.addEventListener("click", function () { stop(); show(index + 1, true); });
    play.addEventListener("click", toggle);
    slider.addEventListener("input", function () { stop(); show(parseInt(slider.value, 10), true); });

    function onKey(event) {
      var target = event.target;
      var tag = target && target.tagName;
      // The slider and the buttons already handle their own keys.
      if (tag === "INPUT" && /^Arrow|^Home$|^End$/.test(event.key)) return;
      if (tag === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
      var handled = true;
      switch (event.key) {
        case "ArrowLeft": stop(); show(index - 1, true); break;
        case "ArrowRight": stop(); show(index + 1, true); break;
        case "Home": stop(); show(0, true); break;
        case "End": stop(); show(frames.length - 1, true); break;
        case " ": case "Spacebar": toggle(); break;
        default: handled = false;
      }
      if (handled) event.preventDefault();
    }
    root.addEventListener("keydown", onKey);

    root.eigenvue = { show: show, play: start, pause: stop, get index() { return index; } };
    show(0);

    if (root.hasAttribute("data-autofocus")) {
      // A page made for this one player: its keys work from the start, without a click,
      // and keep working when the focus falls back to the page (after a click on the text).
      root.focus({ preventScroll: true });
      document.addEventListener("keydown", function (event) {
        if (event.target === document.body || event.target === document.documentElement) {
          onKey(event);
        }
      });
    }
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (root.hasAttribute("data-autoplay") && !reduce && frames.length > 1) start();
  }

  // A player whose frames live in a file of their own (an example's player on the docs
  // site, kept out of the page's first load) fetches them when it nears the viewport.
  function setupLater(root, url) {
    var started = false;
    function load() {
      if (started) return;
      started = true;
      fetch(url)
        .then(function (response) { return response.json(); })
        .then(function (data) { setup(root, data); root.setAttribute("data-ev-loaded", "true"); })
        .catch(function () { started = false; });
    }
    if (!("IntersectionObserver" in window)) {
      load();
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          observer.disconnect();
          load();
        }
      }
    }, { rootMargin: "800px 0px" });
    observer.observe(root);
    root.addEventListener("focusin", load);
  }

  function init() {
    var players = document.querySelectorAll(".ev-player");
    for (var i = 0; i < players.length; i++) {
      var root = players[i];
      if (root.getAttribute("data-ev-ready") === "true") continue;
      root.setAttribute("data-ev-ready", "true");
      var script = root.querySelector("script.ev-frames");
      var url = script && script.getAttribute("data-src");
      if (url && !script.textContent.trim()) setupLater(root, url);
      else setup(root);
    }
  }

  window.eigenvuePlayer = { init: init, version: 1 };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // mkdocs-material's instant navigation swaps page content without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  }
})();
