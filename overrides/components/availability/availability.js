/* Free places today, judged on the visitor's device.

   The page carries each crisis room's or shelter's last report (data-state, data-places,
   data-reported on its [data-availability] line) and the words for every case; this script
   reads the site's data/status.json (same origin, never from a cache, so a new report can be
   published as that one file) and shows, for each line: places free or full with the time of
   the report, or "unknown — call to ask" when there is no report or it is older than the
   page's limit (data-max-age-hours). Without the file (offline, or not published), the
   page's own reports are judged the same way. Nothing is stored and nothing is sent.

   The finder's cards use window.helpdirAvailability to make and filter the same lines; the
   event "helpdir:availability" on document says the lines were judged again. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  var HOUR = 3600 * 1000;
  var MINSK_OFFSET = 3 * HOUR; /* Belarus keeps UTC+3 all year */
  var maxAge = Number(script.getAttribute("data-max-age-hours")) || 48;
  var months, words, pageReports;
  try {
    months = JSON.parse(script.getAttribute("data-months"));
    words = JSON.parse(script.getAttribute("data-words"));
    pageReports = JSON.parse(script.getAttribute("data-reports") || "{}") || {};
  } catch (error) {
    return;
  }
  /* Reports from status.json once it has been read (it then replaces the page's own). */
  var fileReports = null;

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function timeText(ms) {
    var d = new Date(ms + MINSK_OFFSET);
    return d.getUTCDate() + " " + months[d.getUTCMonth()] + ", " +
      two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  }

  function valid(report) {
    return report && (report.state === "free" || report.state === "full") &&
      typeof report.reported === "string";
  }

  function fromElement(element) {
    var state = element.getAttribute("data-state");
    if (!state) return null;
    return {
      state: state,
      places: Number(element.getAttribute("data-places")) || null,
      reported: element.getAttribute("data-reported")
    };
  }

  function report(id, element) {
    var found = fileReports ? fileReports[id] :
      (element && fromElement(element)) || pageReports[id];
    return valid(found) ? found : null;
  }

  /* {state: "free" | "full" | "unknown", text} for an entry, as of now. */
  function describe(id, element) {
    var found = report(id, element);
    var at = found ? Date.parse(found.reported) : NaN;
    var age = Date.now() - at;
    if (!found || isNaN(at) || age > maxAge * HOUR || age < -HOUR) {
      return { state: "unknown", text: words.unknown };
    }
    var said = found.state === "full" ? words.full :
      found.places ? words.free_n.replace("{n}", String(found.places)) : words.free;
    return { state: found.state, text: said + " " + words.as_of.replace("{time}", timeText(at)) };
  }

  function paint(element) {
    var id = element.getAttribute("data-availability");
    var now = describe(id, element);
    ["free", "full", "unknown"].forEach(function (state) {
      element.classList.toggle("helpdir-availability--" + state, state === now.state);
    });
    var line = element.querySelector(".helpdir-availability__state");
    if (line && line.textContent !== now.text) line.textContent = now.text;
  }

  /* A new line for the finder's cards, made with DOM text only. */
  function element(id, tag) {
    var line = document.createElement(tag || "p");
    line.className = "helpdir-availability";
    line.setAttribute("data-availability", id);
    var state = document.createElement("span");
    state.className = "helpdir-availability__state";
    var call = document.createElement("span");
    call.className = "helpdir-availability__call";
    call.textContent = words.call_anyway;
    line.appendChild(state);
    line.appendChild(document.createTextNode(" "));
    line.appendChild(call);
    paint(line);
    return line;
  }

  function update() {
    document.querySelectorAll("[data-availability]").forEach(paint);
    document.dispatchEvent(new CustomEvent("helpdir:availability"));
  }

  window.helpdirAvailability = {
    describe: describe,
    element: element,
    isFree: function (id) {
      return describe(id).state === "free";
    }
  };

  update();
  /* Online, the published file (never a cached copy: cache "no-store"); offline, the
     offline copy's worker may answer with the one it kept. No answer: the page's own. */
  var url = script.getAttribute("data-status-url");
  if (url && window.fetch) {
    fetch(url, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("no status file");
        return response.json();
      })
      .then(function (data) {
        if (data && data.reports && typeof data.reports === "object") {
          fileReports = data.reports;
          update();
        }
      })
      .catch(function () { /* the page's own reports stay */ });
  }
  /* A page left open keeps telling the truth as reports age. */
  window.setInterval(update, 60 * 1000);
})();
