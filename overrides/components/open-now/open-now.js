/* "Open now / closed now" beside opening hours, worked out in Minsk time whatever the
   visitor's own time zone. The page carries the weekly intervals (minutes from Monday 00:00,
   Minsk time) in data-open-now and both phrases in its own language; without this script the
   hint stays hidden and the written-out hours say everything. */
(function () {
  "use strict";

  var WEEK = 7 * 24 * 60;
  var DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var minskClock = null;

  /* Minutes since Monday 00:00 in Minsk at the given moment. The formatter is made on first
     use only: loading time-zone data is the slowest step of the script, and pages without
     opening hours (the finder's among them) should not wait for it. */
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

  /* Intervals may run past Sunday midnight (end > WEEK): the same minute a week later counts. */
  function isOpen(intervals, minute) {
    return intervals.some(function (span) {
      return (minute >= span[0] && minute < span[1]) ||
        (minute + WEEK >= span[0] && minute + WEEK < span[1]);
    });
  }

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
  window.setInterval(update, 60 * 1000);
})();
