/*
 * The finder, results: a card per entry (DOM text only), the list kept from one keystroke to
 * the next, the status line, and update(), which every control calls.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var FLAG = F.FLAG;
  var ui = F.ui;
  var els = F.els;
  var state = F.state;
  var text = F.text;
  var format = F.format;
  var MAX_SHOWN = F.MAX_SHOWN;
  // "Open now" is the open-now component's rule, the entry pages' own (it comes first in the
  // bundle): Minsk time from the device's clock, weekly intervals from the data.
  var openNow = window.HelpdirOpenNow;

  // ---------------------------------------------------------------- hours

  function clock(minute) {
    var m = minute % 1440;
    var h = Math.floor(m / 60);
    var mm = m % 60;
    return (h < 10 ? "0" : "") + h + ":" + (mm < 10 ? "0" : "") + mm;
  }

  /* Whether the entry at this position is open at ``now`` (minute of the week, Minsk time). */
  function isOpen(position, now) {
    var E = state.data.e;
    if (E.flags[position] & FLAG.always) return true;
    return openNow.isOpen(E.hours[position], now);
  }

  // ---------------------------------------------------------------- cards

  function placesLine(position) {
    var places = window.helpdirAvailability;
    if (!(state.data.e.flags[position] & FLAG.places) || !places) return null;
    return places.element(state.data.e.id[position]);
  }

  function card(position, now) {
    var data = state.data;
    var E = data.e;
    var flags = E.flags[position];
    var item = text("li", "hd-card");
    var heading = text("h3", "hd-card__name");
    var link = text("a", null, E.name[position]);
    link.href = encodeURIComponent(E.id[position]) + "/";
    heading.appendChild(link);
    item.appendChild(heading);
    if (flags & FLAG.sample) item.appendChild(text("p", "hd-card__sample", ui.sample));
    if (flags & FLAG.unconfirmed) {
      var source = E.source ? E.source[position] : "";
      item.appendChild(text("p", "hd-card__unconfirmed",
        source ? format(ui.unconfirmed_from, { source: source }) : ui.unconfirmed));
    }
    var town = E.town[position];
    var region = E.region[position];
    var where = flags & FLAG.national ? ui.nationwide
      : town >= 0 ? data.l[town][1]
      : region >= 0 ? data.r[region][1] : "";
    var services = E.services[position].map(function (i) { return data.s[i][1]; }).join(", ");
    item.appendChild(text("p", "hd-card__meta", [services, where].filter(Boolean).join(" · ")));
    var hours = "";
    if (flags & FLAG.always) hours = ui.always;
    else if (flags & FLAG.hoursKnown) {
      var until = openNow.openUntil(E.hours[position], now);
      hours = until === -1 ? ui.closed_now : format(ui.open_until, { time: clock(until) });
    }
    var badges = [];
    if (flags & FLAG.free) badges.push(ui.free);
    if (flags & FLAG.anonymous) badges.push(ui.anonymous);
    var line = [hours].concat(badges).filter(Boolean).join(" · ");
    if (line) item.appendChild(text("p", "hd-card__hours", line));
    var places = placesLine(position);
    if (places) item.appendChild(places);
    var phones = E.phones[position];
    if (phones.length) {
      var calls = text("p", "hd-card__calls");
      phones.forEach(function (phone) {
        var call = text("a", "hd-card__call", phone[0]);
        call.href = "tel:" + phone[1];
        call.setAttribute("aria-label", ui.call + " " + call.textContent);
        calls.appendChild(call);
      });
      item.appendChild(calls);
    }
    return item;
  }

  // ---------------------------------------------------------------- showing results

  /* Cards are kept while the minute lasts (hours and "open now" depend on it) and, from one
   * keystroke to the next, cards already in the list stay where they are: typing a letter
   * more mostly reorders the same entries, and a card left in place is neither built, styled
   * nor laid out again. */
  var cards = { minute: -1, byPosition: new Map() };

  function cardFor(position, now) {
    if (cards.minute !== now || cards.byPosition.size > 4 * MAX_SHOWN) {
      cards.minute = now;
      cards.byPosition = new Map();
    }
    var node = cards.byPosition.get(position);
    if (!node) {
      node = card(position, now);
      cards.byPosition.set(position, node);
    }
    return node;
  }

  function show(positions, now) {
    var list = els.results;
    var wanted = positions.map(function (position) { return cardFor(position, now); });
    var keep = new Set(wanted);
    Array.prototype.slice.call(list.children).forEach(function (node) {
      if (!keep.has(node)) list.removeChild(node);
    });
    wanted.forEach(function (node, i) {
      var here = list.children[i] || null;
      if (here !== node) list.insertBefore(node, here);
    });
  }

  /* [position, score] pairs of the entries that pass the filters, best first; with no
   * query (``scores`` null), every entry when some filter is set. */
  function ranked(scores, f, now) {
    var list = [];
    if (scores === null) {
      if (F.anyFilter(f)) {
        state.data.e.id.forEach(function (id, position) { list.push([position, 0]); });
      }
    } else {
      scores.forEach(function (score, position) { list.push([position, score]); });
    }
    var flagsOf = state.data.e.flags;
    var matching = list.filter(function (pair) { return F.passes(pair[0], f, now); });
    var local = f.region || f.town;
    matching.sort(function (a, b) {
      if (b[1] !== a[1]) return b[1] - a[1];
      if (local) {
        var na = flagsOf[a[0]] & FLAG.national;
        var nb = flagsOf[b[0]] & FLAG.national;
        if (na !== nb) return na ? 1 : -1;
      }
      return a[0] - b[0];
    });
    return matching;
  }

  /* The query and the filters, read again, decide the list and the status line. */
  function update() {
    if (!state.data) return;
    var f = F.filters();
    var now = openNow.minute(new Date());
    var found = F.searchForgivingLayout(els.query.value, function (scores) {
      var n = 0;
      scores.forEach(function (score, position) { if (F.passes(position, f, now)) n++; });
      return n;
    });
    var scores = found.scores;
    var matching = ranked(scores, f, now);
    show(matching.slice(0, MAX_SHOWN).map(function (pair) { return pair[0]; }), now);
    var status = "";
    if (scores === null && !F.anyFilter(f)) status = "";
    else if (!matching.length) status = ui.nothing;
    else if (matching.length > MAX_SHOWN) {
      status = format(ui.found_more, { n: matching.length, shown: MAX_SHOWN });
    } else status = format(ui.found, { n: matching.length });
    // Said, never stored: what was searched for when the keys were read on another layout.
    if (found.text) status = format(ui.layout_retried, { query: found.text }) + " " + status;
    F.setStatus(status);
  }

  F.isOpen = isOpen;
  F.update = update;
})();
