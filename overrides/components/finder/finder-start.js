/*
 * The finder, last part of the bundle: the query field and the clear button wired, then the
 * data fetched (same origin only) and the first answer drawn.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var els = F.els;
  var state = F.state;

  function start(data) {
    state.data = data;
    state.index = F.tokens.loadIndex(data.x);
    state.dialled = F.dialled(data);
    F.fillTowns();
    F.setStatus("");
    F.update();
  }

  els.query.addEventListener("input", function () { F.update(); });
  els.query.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();
  });
  els.clear.addEventListener("click", function () {
    els.query.value = "";
    F.clearFilters();
    F.update();
  });

  fetch(F.config.data, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function () { F.setStatus(F.ui.load_failed); });
})();
