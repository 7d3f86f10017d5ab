/* Click a frame of a player on the docs site to see it full size.
 *
 * The frames are wide teaching pictures (diagram, pseudocode and narration) that a
 * narrow window shrinks; this opens the frame shown right now in a <dialog> (on a
 * phone at its own size, to scroll across). Enter on a focused player opens it too.
 * While it is open, the arrow keys step the player and the enlarged frame
 * follows. Listeners sit on the document, so pages loaded by mkdocs-material's
 * instant navigation work without re-initialising.
 */
(function () {
  "use strict";

  if (window.eigenvueLightbox) return;
  window.eigenvueLightbox = true;

  var dialog = null;
  var image = null;
  var player = null;

  function visibleFrame(root) {
    var images = root.querySelectorAll(".ev-stage img");
    for (var i = 0; i < images.length; i++) {
      if (images[i].offsetParent !== null) return images[i];
    }
    return images[0] || null;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "ev-lightbox";
    dialog.setAttribute("aria-label", "Enlarged frame");
    image = document.createElement("img");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ev-lightbox__close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    dialog.appendChild(image);
    dialog.appendChild(close);
    // A click anywhere closes it: on the backdrop, the frame or the button.
    dialog.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      if (player) player.focus();
      player = null;
    });
    dialog.addEventListener("keydown", function (event) {
      if (!player || !player.eigenvue) return;
      var step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
      if (!step) return;
      event.preventDefault();
      player.eigenvue.pause();
      player.eigenvue.show(player.eigenvue.index + step);
      sync();
    });
    document.body.appendChild(dialog);
  }

  function sync() {
    var shown = visibleFrame(player);
    if (!shown) return;
    image.src = shown.src;
    image.alt = shown.alt;
  }

  function open(root) {
    if (typeof HTMLDialogElement === "undefined") return;
    if (!dialog || !document.body.contains(dialog)) build();
    player = root;
    sync();
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLImageElement) || !target.closest(".ev-stage")) return;
    var root = target.closest(".ev-player");
    if (root) open(root);
  });

  // From the keyboard: Enter on a focused player opens its frame full size.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || !(target instanceof HTMLElement)) return;
    if (!target.classList.contains("ev-player") || !target.closest(".md-typeset")) return;
    event.preventDefault();
    open(target);
  });
})();
