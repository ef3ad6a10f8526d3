/*
 * The finder on the directory home: search as you type, filters, the guided path and the
 * opt-in offline copy. Everything runs on this device: the index and the cards come in one
 * file (finder/data.json) and nothing typed leaves the page — no URL, no history, no storage.
 * Cards are built with createElement/textContent only; no data ever becomes HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-hd-finder]");
  var configElement = document.getElementById("hd-finder-config");
  if (!root || !configElement || !window.lunr || !window.HelpdirTokens) return;

  var lunr = window.lunr;
  var T = window.HelpdirTokens;
  var config = JSON.parse(configElement.textContent);
  var ui = config.ui;
  // Cards drawn per keystroke: enough to choose from on a phone, few enough to stay quick.
  var MAX_SHOWN = 20;
  var WEEK = 10080;
  var MINSK_OFFSET_MINUTES = 180; // Belarus keeps UTC+3 all year.

  // Flag bits, by name: the build hands the table over (build_tools/finder/records.py FLAGS).
  var FLAG = config.flags;
  // Words that narrow nothing (build_tools/finder/tokens.py STOP_WORDS, left out of the index
  // too); everything else a person types must match.
  var SKIP = {};
  config.skip.forEach(function (w) { SKIP[w] = true; });

  var els = {
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
  };
  var state = { data: null, index: null, dialled: null, guideServices: null, guideDone: false };

  root.hidden = false;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function setStatus(text) {
    els.status.textContent = text;
  }

  // ------------------------------------------------------------------ the index

  // ------------------------------------------------------------------ searching

  /* A phone in the data is [as shown, tel: value]; the tel: value comes from the build's one
   * rule (8-801 free lines are dialled 8801…, not +375…) and is never worked out here. */
  function phoneDigits(phone) {
    return phone[0].replace(/\D/g, "");
  }

  function nationalDigits(digits) {
    if (digits.indexOf("375") === 0) return digits.slice(3);
    if (digits.length === 11 && digits.indexOf("80") === 0) return digits.slice(2);
    if (digits.length === 11 && digits.charAt(0) === "8") return digits.slice(1);
    return digits;
  }

  /* Every entry's numbers as [all digits, national digits], worked out once. */
  function dialled(data) {
    return data.e.phones.map(function (phones) {
      return phones.map(function (phone) {
        var local = phoneDigits(phone);
        return [local, nationalDigits(local)];
      });
    });
  }

  /* Entries with a phone number containing the typed digits, however they were grouped. */
  function searchPhones(digits) {
    var found = new Map();
    var wanted = nationalDigits(digits);
    state.dialled.forEach(function (numbers, position) {
      numbers.forEach(function (number) {
        var local = number[0];
        var national = number[1];
        var score = 0;
        if (local === digits || national === wanted) score = 20;
        else if (local.indexOf(digits) !== -1 || national.indexOf(wanted) !== -1) score = 5;
        if (score > (found.get(position) || 0)) found.set(position, score);
      });
    });
    return found;
  }

  /* Exact (stemmed) and beginning-of-word matches; one typo forgiven only when those find
   * nothing, so "Minsk" never brings Pinsk along. A word in Latin letters is also tried in
   * Cyrillic ("Viciebsk", "krizisnaya") when as typed it finds nothing. */
  function searchWord(word) {
    var variants = [word];
    if (T.hasLatin(word)) {
      var cyrillic = T.latinToCyrillic(word);
      if (cyrillic !== word) variants.push(cyrillic);
    }
    var results = [];
    for (var v = 0; v < variants.length && !results.length; v++) {
      results = exactOrStart(variants[v]);
    }
    // A query without terms would match every entry in lunr (it counts as all-negated).
    var forgiving = variants.filter(function (v) { return v.length >= 5 && /[a-zа-я]/.test(v); });
    if (!results.length && forgiving.length) {
      results = state.index.query(function (q) {
        forgiving.forEach(function (v) {
          q.term(v, { usePipeline: true, editDistance: 1 });
        });
      });
    }
    var found = new Map();
    results.forEach(function (r) { found.set(Number(r.ref), r.score); });
    return found;
  }

  function exactOrStart(word) {
    return state.index.query(function (q) {
      q.term(word, { usePipeline: true, boost: 10 });
      if (word.length >= 3) {
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
      }
    });
  }

  /* The index never changes, so each word is looked up once while a person types on. */
  var remembered = new Map();
  function lookUp(part) {
    var key = part.digits ? "#" + part.digits : part.word;
    if (!remembered.has(key)) {
      if (remembered.size > 500) remembered.clear();
      remembered.set(key, part.digits ? searchPhones(part.digits) : searchWord(part.word));
    }
    return remembered.get(key);
  }

  /* Every part of the query must match (a part that matches nothing at all is let go). */
  function searchQuery(text) {
    var words = T.words(text);
    var parts = [];
    var digits = "";
    words.forEach(function (w) {
      if (/^\d+$/.test(w)) {
        digits += w;
        return;
      }
      if (digits) parts.push({ digits: digits });
      digits = "";
      parts.push({ word: w });
    });
    if (digits) parts.push({ digits: digits });
    var meaningful = parts.filter(function (p) {
      if (p.digits) return p.digits.length >= 3 || parts.length === 1;
      return !SKIP[p.word] && (p.word.length >= 2 || parts.length === 1);
    });
    if (!meaningful.length) return null;
    var total = null;
    meaningful.forEach(function (part) {
      var found = lookUp(part);
      if (!found.size) return;
      if (total === null) {
        total = found;
        return;
      }
      var both = new Map();
      total.forEach(function (score, position) {
        if (found.has(position)) both.set(position, score + found.get(position));
      });
      total = both;
    });
    return total || new Map();
  }

  // ------------------------------------------------------------------ hours

  function minuteOfWeek(date) {
    var minsk = new Date(date.getTime() + MINSK_OFFSET_MINUTES * 60000);
    var day = (minsk.getUTCDay() + 6) % 7;
    return day * 1440 + minsk.getUTCHours() * 60 + minsk.getUTCMinutes();
  }

  /* The minute of the week the current opening ends, or -1 when closed now. */
  function openUntil(rules, now) {
    for (var r = 0; r < rules.length; r++) {
      var rule = rules[r];
      for (var day = 0; day < 7; day++) {
        if (!(rule[0] & (1 << day))) continue;
        for (var s = 1; s + 1 < rule.length; s += 2) {
          var start = day * 1440 + rule[s];
          var end = day * 1440 + rule[s + 1];
          if ((now >= start && now < end) || (now + WEEK >= start && now + WEEK < end)) {
            return end;
          }
        }
      }
    }
    return -1;
  }

  function clock(minute) {
    var m = minute % 1440;
    var h = Math.floor(m / 60);
    var mm = m % 60;
    return (h < 10 ? "0" : "") + h + ":" + (mm < 10 ? "0" : "") + mm;
  }

  function isOpen(position, now) {
    var E = state.data.e;
    if (E.flags[position] & FLAG.always) return true;
    return openUntil(E.hours[position], now) !== -1;
  }

  // ------------------------------------------------------------------ filters

  function filters() {
    var checked = {};
    els.checks.forEach(function (box) { checked[box.getAttribute("data-filter")] = box.checked; });
    return {
      region: els.region.value,
      town: els.town.value,
      service: els.service.value,
      serves: els.serves.value,
      checked: checked,
      described: described()
    };
  }

  /* The filters the build describes (build_tools/finder/filters.py): each control says what
   * it matches — "flags" (any of the flag names in its value), "at-least" (a number column of
   * the entries, at least the number typed) or "holds" (a list column holds the value). A
   * control that is off, empty or holds no sensible number narrows nothing. */
  function described() {
    var chosen = [];
    els.described.forEach(function (control) {
      var kind = control.getAttribute("data-match");
      var value = control.type === "checkbox"
        ? (control.checked ? control.getAttribute("data-value") : "")
        : control.value.trim();
      if (kind === "at-least" && !(Number(value) > 0)) value = "";
      if (!value) return;
      var column = kind === "flags" ? "" : control.getAttribute("data-value");
      chosen.push({ kind: kind, column: column, value: value });
    });
    return chosen;
  }

  function matchesDescribed(position, filter) {
    var E = state.data.e;
    if (filter.kind === "flags") {
      return filter.value.split(" ").some(function (name) {
        return Boolean(E.flags[position] & FLAG[name]);
      });
    }
    if (filter.kind === "at-least") return E[filter.column][position] >= Number(filter.value);
    if (filter.kind === "holds") return E[filter.column][position].indexOf(filter.value) !== -1;
    return false;
  }

  function anyFilter(f) {
    if (f.region || f.town || f.service || f.serves || state.guideServices) return true;
    if (f.described.length) return true;
    return Object.keys(f.checked).some(function (k) { return f.checked[k]; });
  }

  function passes(position, f, now) {
    var data = state.data;
    var E = data.e;
    var flags = E.flags[position];
    var national = flags & FLAG.national;
    var region = E.region[position];
    var town = E.town[position];
    if (f.region && !national && (region < 0 || data.r[region][0] !== f.region)) return false;
    if (f.town && !national && (town < 0 || data.l[town][0] !== f.town)) return false;
    if (f.service || state.guideServices) {
      var services = E.services[position].map(function (i) { return data.s[i][0]; });
      if (f.service && services.indexOf(f.service) === -1) return false;
      if (state.guideServices && !state.guideServices.some(function (s) {
        return services.indexOf(s) !== -1;
      })) return false;
    }
    if (f.serves && !(flags & FLAG[f.serves])) return false;
    if (f.checked.free && !(flags & FLAG.free)) return false;
    if (f.checked.anonymous && !(flags & FLAG.anonymous)) return false;
    if (f.checked.wheelchair && !(flags & (FLAG.wheelchair | FLAG.wheelchairLimited))) {
      return false;
    }
    if (f.checked.always && !(flags & FLAG.always)) return false;
    if (f.checked.open_now && !isOpen(position, now)) return false;
    if (f.checked.free_places && !hasFreePlaces(position)) return false;
    return f.described.every(function (filter) { return matchesDescribed(position, filter); });
  }

  function fillTowns() {
    var region = els.region.value;
    var keep = els.town.value;
    while (els.town.options.length > 1) els.town.remove(1);
    state.data.l.forEach(function (town) {
      if (region && state.data.r[town[2]][0] !== region) return;
      var option = document.createElement("option");
      option.value = town[0];
      option.textContent = town[1];
      els.town.appendChild(option);
    });
    els.town.value = keep;
    if (els.town.value !== keep) els.town.value = "";
  }

  // ------------------------------------------------------------------ free places today
  // The availability component (overrides/components/availability/availability.js) judges
  // each report on this device and says when it learns something new; the finder only asks.

  function hasFreePlaces(position) {
    var places = window.helpdirAvailability;
    return Boolean(state.data.e.flags[position] & FLAG.places) && Boolean(places) &&
      places.isFree(state.data.e.id[position]);
  }

  function placesLine(position) {
    var places = window.helpdirAvailability;
    if (!(state.data.e.flags[position] & FLAG.places) || !places) return null;
    return places.element(state.data.e.id[position]);
  }

  document.addEventListener("helpdir:availability", function () {
    var box = root.querySelector('[data-filter="free_places"]');
    if (state.data && box && box.checked) update();
  });

  // ------------------------------------------------------------------ cards

  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
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
      var until = openUntil(E.hours[position], now);
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

  // ------------------------------------------------------------------ showing results

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

  function update() {
    if (!state.data) return;
    var f = filters();
    var now = minuteOfWeek(new Date());
    var scores = searchQuery(els.query.value);
    var list = [];
    if (scores === null) {
      if (anyFilter(f)) {
        state.data.e.id.forEach(function (id, position) { list.push([position, 0]); });
      }
    } else {
      scores.forEach(function (score, position) { list.push([position, score]); });
    }
    var flagsOf = state.data.e.flags;
    var matching = list.filter(function (pair) { return passes(pair[0], f, now); });
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
    show(matching.slice(0, MAX_SHOWN).map(function (pair) { return pair[0]; }), now);
    if (scores === null && !anyFilter(f)) setStatus("");
    else if (!matching.length) setStatus(ui.nothing);
    else if (matching.length > MAX_SHOWN) {
      setStatus(format(ui.found_more, { n: matching.length, shown: MAX_SHOWN }));
    } else setStatus(format(ui.found, { n: matching.length }));
  }

  function start(data) {
    state.data = data;
    state.index = T.loadIndex(data.x);
    state.dialled = dialled(data);
    fillTowns();
    setStatus("");
    update();
  }

  els.query.addEventListener("input", update);
  els.query.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();
  });
  els.region.addEventListener("change", function () {
    fillTowns();
    update();
  });
  els.service.addEventListener("change", function () {
    state.guideServices = null;
    update();
  });
  [els.town, els.serves].forEach(function (select) { select.addEventListener("change", update); });
  els.checks.forEach(function (box) { box.addEventListener("change", update); });
  els.described.forEach(function (control) {
    control.addEventListener(control.type === "number" ? "input" : "change", update);
  });
  els.clear.addEventListener("click", function () {
    els.query.value = "";
    [els.region, els.town, els.service, els.serves].forEach(function (s) { s.value = ""; });
    els.checks.forEach(function (box) { box.checked = false; });
    els.described.forEach(function (control) {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    state.guideServices = null;
    fillTowns();
    update();
  });

  fetch(config.data, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function () { setStatus(ui.load_failed); });

  // ------------------------------------------------------------------ guided path

  (function guide() {
    var section = root.querySelector("[data-hd-guide]");
    if (!section) return;
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
      restart.textContent = ui.guide_restart;
      restart.hidden = true;
      show(config.start);
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
        if (state.data) fillTowns();
      }
      var next = answer.getAttribute("data-next");
      if (next) {
        show(next);
        return;
      }
      show("");
      els.query.value = "";
      update();
      if (!anyFilter(filters()) && state.data) {
        // "Show everything, anywhere": list every entry.
        state.guideServices = state.data.s.map(function (s) { return s[0]; });
        update();
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

  // ------------------------------------------------------------------ offline copy

  (function offline() {
    var section = root.querySelector("[data-hd-offline]");
    if (!section) return;
    var keep = section.querySelector("[data-offline-keep]");
    var remove = section.querySelector("[data-offline-remove]");
    var status = section.querySelector("[data-offline-status]");
    var PREFIX = "helpdir-offline-";
    var workers = navigator.serviceWorker;

    function kept(yes) {
      keep.hidden = yes;
      remove.hidden = !yes;
    }

    if (!workers || !window.isSecureContext || !window.caches) {
      keep.disabled = true;
      status.textContent = ui.offline_unavailable;
      return;
    }
    workers.getRegistration(config.scope).then(function (registration) {
      kept(Boolean(registration));
    }, function () {});

    function activated(registration) {
      return new Promise(function (resolve, reject) {
        var worker = registration.installing || registration.waiting;
        if (!worker) {
          if (registration.active) resolve();
          else reject(new Error("no worker"));
          return;
        }
        worker.addEventListener("statechange", function () {
          if (worker.state === "activated") resolve();
          if (worker.state === "redundant") reject(new Error("install failed"));
        });
      });
    }

    keep.addEventListener("click", function () {
      keep.disabled = true;
      status.textContent = ui.offline_saving;
      workers.register(config.worker, { scope: config.scope })
        .then(activated)
        .then(function () {
          kept(true);
          status.textContent = ui.offline_kept;
        })
        .catch(function () {
          status.textContent = ui.offline_failed;
          return removeAll();
        })
        .then(function () { keep.disabled = false; });
    });

    function removeAll() {
      return workers.getRegistrations()
        .then(function (registrations) {
          return Promise.all(registrations.map(function (r) { return r.unregister(); }));
        })
        .then(function () { return caches.keys(); })
        .then(function (names) {
          return Promise.all(names.filter(function (name) {
            return name.indexOf(PREFIX) === 0;
          }).map(function (name) { return caches.delete(name); }));
        });
    }

    remove.addEventListener("click", function () {
      removeAll().then(function () {
        kept(false);
        status.textContent = ui.offline_removed;
        keep.focus();
      });
    });
  })();
})();
