/* Accessibility repairs of mkdocs-material's markup, on every page of the site.
 *
 * axe-core reports these on a stock mkdocs-material page; each fix below is the
 * smallest change that gives assistive technology what it needs:
 * - the search overlay is a dialog without a name: it is named "Search";
 * - every code block carries an unnamed <nav> of buttons, so a page has many
 *   landmarks that cannot be told apart: each is named after its block;
 * - a wide table scrolls inside a wrapper that the keyboard cannot reach: the
 *   wrapper becomes focusable.
 * Material adds parts of its markup after load (and on instant navigation), so
 * the repairs run again whenever the page's content changes.
 */
(function () {
  "use strict";

  if (window.eigenvueAccessibility) return;
  window.eigenvueAccessibility = true;

  function repair() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    var navs = document.querySelectorAll(".md-code__nav");
    for (var i = 0; i < navs.length; i++) {
      if (!navs[i].hasAttribute("aria-label")) {
        navs[i].setAttribute("aria-label", "Code block " + (i + 1) + " actions");
      }
    }
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var j = 0; j < wraps.length; j++) {
      if (!wraps[j].hasAttribute("tabindex")) wraps[j].setAttribute("tabindex", "0");
    }
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", repair);
  } else {
    repair();
  }
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
