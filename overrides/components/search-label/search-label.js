/*
 * Material's search panel is a dialog without a name, so screen readers announce an
 * anonymous dialog. Give it the name Material already uses for "search" in the page's
 * language (passed by the template in data-label).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script && script.getAttribute("data-label");
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && label && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", label);
  }
})();
