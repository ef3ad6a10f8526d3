/* "Open now / closed now" in Minsk time, whatever the visitor's own time zone: the one rule in
   the browser. The entry pages load this file for their hints; the finder's bundle carries the
   same file (build_tools/finder/assets.py) and asks window.HelpdirOpenNow for its cards and its
   "open now" filter, so the two can never disagree.

   Hours arrive as weekly intervals [start, end] in minutes from Monday 00:00, Minsk time, end
   exclusive, built by the data stage (build_tools/data/hours.py); an end past Sunday midnight
   (> one week) runs into the next Monday. A page carries them in data-open-now, with both
   phrases in its own language; without this script the hint stays hidden and the written-out
   hours say everything. */
(function (root) {
  "use strict";

  /* Loaded twice on one page (its own tag and the finder's bundle): the first copy serves. */
  if (root.HelpdirOpenNow) return;

  var WEEK = 7 * 24 * 60;
  var DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var minskClock = null;

  /* Minutes since Monday 00:00 in Minsk at the given moment. The formatter is made on first
     use only: loading time-zone data is the slowest step of the script, and pages without
     opening hours should not wait for it. */
  function minskMinute(date) {
    var parts = {};
    minskClock = minskClock || new Intl.DateTimeFormat("en-US", {
      timeZone: "Europe/Minsk",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    });
    minskClock.formatToParts(date).forEach(function (part) {
      parts[part.type] = part.value;
    });
    var hour = Number(parts.hour) % 24;
    return DAYS[parts.weekday] * 1440 + hour * 60 + Number(parts.minute);
  }

  /* The minute of the week the interval open at ``minute`` ends (may exceed a week), or -1
     when none is. Intervals past Sunday midnight count a week later too. */
  function openUntil(intervals, minute) {
    for (var i = 0; i < intervals.length; i++) {
      var span = intervals[i];
      if ((minute >= span[0] && minute < span[1]) ||
        (minute + WEEK >= span[0] && minute + WEEK < span[1])) {
        return span[1];
      }
    }
    return -1;
  }

  function isOpen(intervals, minute) {
    return openUntil(intervals, minute) !== -1;
  }

  root.HelpdirOpenNow = { minute: minskMinute, openUntil: openUntil, isOpen: isOpen };

  if (typeof document === "undefined") return;

  function show(hint, minute) {
    var intervals;
    try {
      intervals = JSON.parse(hint.getAttribute("data-open-now"));
    } catch (error) {
      return;
    }
    if (!Array.isArray(intervals)) {
      return;
    }
    var open = isOpen(intervals, minute);
    hint.textContent = hint.getAttribute(open ? "data-open-text" : "data-closed-text");
    hint.classList.toggle("helpdir-open-now--open", open);
    hint.classList.toggle("helpdir-open-now--closed", !open);
    hint.hidden = false;
  }

  function update() {
    var hints = document.querySelectorAll("[data-open-now]");
    if (!hints.length) return;
    var minute = minskMinute(new Date());
    hints.forEach(function (hint) {
      show(hint, minute);
    });
  }

  update();
  /* A page left open keeps telling the truth. */
  root.setInterval(update, 60 * 1000);
})(typeof window !== "undefined" ? window : globalThis);
