/*
 * Material's site search, loaded when the visitor first reaches for it.
 *
 * Material starts its search worker and downloads the search index (and the worker its
 * stemmers) as soon as a page opens, whether or not anyone searches: on a slow connection
 * that is most of what a page transfers. This script runs just before Material's bundle and
 * holds back exactly two things until the search box is first used (focus, a click or touch
 * on the search icon, or Material's shortcuts /, s and f):
 *  - the search worker: Material gets a stand-in that keeps its messages, and the real
 *    worker is started at first use and handed them;
 *  - the request for search/search_index.json: it is sent at first use.
 * Material's own search code, worker, index and stemmers are used unchanged; once search has
 * started, both hooks are taken away again. Nothing is stored or sent anywhere.
 *
 * It also names Material's search dialog for screen readers (Material leaves it anonymous),
 * with the word the page's language uses for "search" (passed in data-label).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script && script.getAttribute("data-label");
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && label && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", label);
  }

  var configElement = document.getElementById("__config");
  var form = document.forms.namedItem("search");
  if (!configElement || !form || !window.Worker || !window.XMLHttpRequest) {
    return;
  }
  var here = window.location.href;
  var workerUrl;
  var indexUrl;
  try {
    var config = JSON.parse(configElement.textContent);
    workerUrl = new URL(config.search, here).href;
    indexUrl = new URL("search/search_index.json", new URL(config.base, here)).href;
    // very old browsers cannot make the stand-in: there, search loads as it always has
    new EventTarget();
    if (typeof WeakSet !== "function") {
      return;
    }
  } catch (error) {
    return;
  }

  var RealWorker = window.Worker;
  var request = XMLHttpRequest.prototype;
  var realOpen = request.open;
  var realSend = request.send;
  var heldRequests = new WeakSet();
  var started = false;
  var onStart = [];

  function sameUrl(url, expected) {
    try {
      return new URL(String(url), here).href === expected;
    } catch (error) {
      return false;
    }
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    window.Worker = RealWorker;
    request.open = realOpen;
    request.send = realSend;
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("pointerdown", onPointer, true);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("change", onToggle, true);
    var waiting = onStart;
    onStart = [];
    for (var i = 0; i < waiting.length; i++) {
      waiting[i]();
    }
  }

  /* The search worker: a stand-in with the two methods and the events Material uses. */
  function LazyWorker(url, options) {
    if (started || !sameUrl(url, workerUrl)) {
      return new RealWorker(url, options);
    }
    var standIn = new EventTarget();
    var kept = [];
    var real = null;
    standIn.postMessage = function (message) {
      if (real) {
        real.postMessage(message);
      } else {
        kept.push(message);
      }
    };
    standIn.terminate = function () {
      kept = [];
      if (real) {
        real.terminate();
      }
    };
    onStart.push(function () {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function () {
        standIn.dispatchEvent(new Event("error"));
      });
      for (var i = 0; i < kept.length; i++) {
        real.postMessage(kept[i]);
      }
      kept = [];
    });
    return standIn;
  }
  window.Worker = LazyWorker;

  /* The index request: opened as Material opens it, sent at first use. */
  request.open = function (method, url) {
    if (sameUrl(url, indexUrl)) {
      heldRequests.add(this);
    }
    return realOpen.apply(this, arguments);
  };
  request.send = function () {
    if (!started && heldRequests.has(this)) {
      var xhr = this;
      var args = arguments;
      onStart.push(function () {
        realSend.apply(xhr, args);
      });
      return undefined;
    }
    return realSend.apply(this, arguments);
  };

  /* First use: anything in the search form gets focus, the search icon is touched or
     clicked, the search toggle opens, or one of Material's search shortcuts is pressed
     where it would open search (not while typing in a field). */
  function onFocus(event) {
    if (form.contains(event.target)) {
      start();
    }
  }
  function onPointer(event) {
    var target = event.target;
    if (target && target.closest && target.closest("label[for='__search'], .md-search")) {
      start();
    }
  }
  function onToggle(event) {
    if (event.target && event.target.id === "__search" && event.target.checked) {
      start();
    }
  }
  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key !== "/" && event.key !== "s" && event.key !== "f") {
      return;
    }
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) {
      return;
    }
    start();
  }
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("pointerdown", onPointer, true);
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("change", onToggle, true);
})();
