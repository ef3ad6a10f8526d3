/*
 * The finder, guided help: a few questions (directory_data/guide.yml, rendered by the build)
 * that set the filters and end in results; the emergency numbers come first when asked for.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var section = F.root.querySelector("[data-hd-guide]");
  if (!section) return;
  var els = F.els;
  var state = F.state;
  var steps = section.querySelectorAll("[data-guide-step]");
  var emergency = section.querySelector("[data-guide-emergency]");
  var restart = section.querySelector("[data-guide-restart]");

  function show(id) {
    steps.forEach(function (step) {
      step.hidden = step.getAttribute("data-guide-step") !== id;
      if (!step.hidden) {
        var first = step.querySelector("button");
        if (first && document.activeElement && section.contains(document.activeElement)) {
          first.focus();
        }
      }
    });
  }

  function begin() {
    emergency.hidden = true;
    restart.textContent = F.ui.guide_restart;
    restart.hidden = true;
    show(F.config.start);
  }

  section.addEventListener("click", function (event) {
    var answer = event.target.closest(".hd-guide__answer");
    if (!answer || !section.contains(answer)) return;
    restart.hidden = false;
    if (answer.hasAttribute("data-emergency")) {
      emergency.hidden = false;
      var call = emergency.querySelector("a");
      if (call) call.focus();
    }
    var services = answer.getAttribute("data-services");
    if (services) {
      state.guideServices = services.split(" ");
      els.service.value = "";
    }
    if (answer.hasAttribute("data-region")) {
      els.region.value = answer.getAttribute("data-region");
      if (state.data) F.fillTowns();
    }
    var next = answer.getAttribute("data-next");
    if (next) {
      show(next);
      return;
    }
    show("");
    els.query.value = "";
    F.update();
    if (!F.anyFilter(F.filters()) && state.data) {
      // "Show everything, anywhere": list every entry.
      state.guideServices = state.data.s.map(function (s) { return s[0]; });
      F.update();
    }
    els.status.setAttribute("tabindex", "-1");
    els.status.focus();
  });
  restart.addEventListener("click", function () {
    state.guideServices = null;
    begin();
    var first = section.querySelector("[data-guide-step]:not([hidden]) button");
    if (first) first.focus();
  });
  begin();
})();
