/*
 * The finder on the directory home, part 1 of the bundle: the page, its configuration and the
 * state the other parts share (window.HelpdirFinder). The bundle's order is written once, in
 * build_tools/finder/assets.py (OWN_SCRIPTS); each later part adds to this object.
 *
 * Everything runs on this device: the index and the cards come in one file (finder/data.json)
 * and nothing typed leaves the page — no URL, no history, no storage. Cards are built with
 * createElement/textContent only; no data ever becomes HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-hd-finder]");
  var configElement = document.getElementById("hd-finder-config");
  if (!root || !configElement || !window.lunr || !window.HelpdirTokens) return;
  if (!window.HelpdirLayouts) return;
  if (!window.HelpdirOpenNow) return; // the open-now rule, first in the bundle

  var config = JSON.parse(configElement.textContent);

  window.HelpdirFinder = {
    root: root,
    config: config,
    ui: config.ui,
    lunr: window.lunr,
    tokens: window.HelpdirTokens,
    layouts: window.HelpdirLayouts,
    // Flag bits, by name: the build hands the table over (build_tools/finder/records.py FLAGS).
    FLAG: config.flags,
    // Cards drawn per keystroke: enough to choose from on a phone, few enough to stay quick.
    MAX_SHOWN: 20,
    els: {
      query: root.querySelector("#hd-finder-q"),
      status: root.querySelector("#hd-finder-status"),
      results: root.querySelector("#hd-finder-results"),
      region: root.querySelector('[data-filter="region"]'),
      town: root.querySelector('[data-filter="town"]'),
      service: root.querySelector('[data-filter="service"]'),
      serves: root.querySelector('[data-filter="serves"]'),
      checks: root.querySelectorAll('input[type="checkbox"][data-filter]:not([data-match])'),
      described: root.querySelectorAll("[data-match]"),
      clear: root.querySelector("[data-finder-clear]")
    },
    // data: the records, index: lunr's, dialled: the entries' numbers as digits,
    // guideServices: the kinds of help the guided path chose.
    state: { data: null, index: null, dialled: null, guideServices: null },

    format: function (template, values) {
      return template.replace(/\{(\w+)\}/g, function (match, key) {
        return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
      });
    },

    setStatus: function (text) {
      window.HelpdirFinder.els.status.textContent = text;
    },

    /* An element with text in it: the only way data reaches the page. */
    text: function (tag, className, content) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (content !== undefined) node.textContent = content;
      return node;
    }
  };

  root.hidden = false;
})();
