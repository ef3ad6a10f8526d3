/* The quick exit: leave for a neutral site at once, by button, skip link or Shift ×3.
 *
 * After the GOV.UK "Exit this page" pattern. The links already work without this script;
 * it adds what a link cannot do:
 *  - the page is blanked the moment the exit starts, before the next site has loaded, so a
 *    glance at the screen shows nothing;
 *  - location.replace, so this page is not left behind as the entry "Back" returns to;
 *  - Shift pressed three times (Shift alone, within a few seconds) exits too; each press is
 *    announced to screen readers, and any other key in between starts the count again, so
 *    typing capital letters never triggers it;
 *  - when the browser restores the page from its back-forward cache after an exit, it is
 *    blanked again and left again.
 * Nothing is stored anywhere.
 */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var WINDOW_MS = 5000;

  var root = document.querySelector("[data-helpdir-exit-root]");
  var links = document.querySelectorAll("a[data-helpdir-exit]");
  if (!root || !links.length) {
    return;
  }
  var status = root.querySelector("[data-helpdir-exit-status]");
  var destination = links[0].href;
  var exiting = false;
  var presses = 0;
  var shiftDown = false;
  var otherKey = false;
  var timer = null;

  /* The skip link must be the first thing a keyboard reaches, before Material's own
     "skip to content" link, which sits above the header in the page. */
  var skip = document.querySelector(".helpdir-exit-skip");
  if (skip && document.body.firstElementChild !== skip) {
    document.body.insertBefore(skip, document.body.firstChild);
  }
  root.classList.add("helpdir-exit--ready");

  function announce(text) {
    if (!status) {
      return;
    }
    status.textContent = "";
    /* a fresh text node, so the same message is read again when repeated */
    window.setTimeout(function () {
      status.textContent = text || "";
    }, 50);
  }

  function showPresses(count) {
    root.setAttribute("data-presses", String(count));
  }

  function blank() {
    document.documentElement.classList.add("helpdir-exiting");
    if (!document.querySelector(".helpdir-exit-overlay")) {
      var overlay = document.createElement("div");
      overlay.className = "helpdir-exit-overlay";
      overlay.setAttribute("role", "status");
      var text = document.createElement("span");
      text.className = "helpdir-exit-overlay__text";
      text.textContent = root.getAttribute("data-leaving") || "";
      overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
    document.title = "\u200b";
  }

  function exit() {
    exiting = true;
    reset(false);
    blank();
    window.location.replace(destination);
  }

  function reset(tell) {
    var had = presses > 0;
    presses = 0;
    showPresses(0);
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (tell && had) {
      announce(root.getAttribute("data-reset"));
    }
  }

  function countPress() {
    presses += 1;
    showPresses(presses);
    if (presses >= PRESSES_TO_EXIT) {
      exit();
      return;
    }
    var left = PRESSES_TO_EXIT - presses;
    announce(root.getAttribute(left === 2 ? "data-press-two" : "data-press-one"));
    if (timer !== null) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(function () {
      timer = null;
      reset(true);
    }, WINDOW_MS);
  }

  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", function (event) {
      event.preventDefault();
      exit();
    });
  }

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftDown = true;
          otherKey = false;
        }
        return;
      }
      /* any other key (alone or with Shift) means the visitor is typing, not exiting */
      otherKey = true;
      if (presses > 0) {
        reset(false);
      }
    },
    true
  );

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift") {
        return;
      }
      var alone = shiftDown && !otherKey;
      shiftDown = false;
      otherKey = false;
      if (alone && !exiting) {
        countPress();
      }
    },
    true
  );

  /* Leaving the tab (or a dialog taking the keyboard) ends a half-finished count. */
  window.addEventListener("blur", function () {
    shiftDown = false;
    reset(false);
  });

  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) {
      blank();
      window.location.replace(destination);
    }
  });
})();
