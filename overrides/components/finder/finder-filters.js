/*
 * The finder, filters: what the region, town, kind-of-help and "who it serves" lists and the
 * tick boxes let through. Flag bits are read by name only (the build's FLAGS table);
 * "open now" is the open-now component's rule (overrides/components/open-now/open-now.js),
 * the same one the entry pages use.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var FLAG = F.FLAG;
  var els = F.els;
  var state = F.state;

  /* What the controls say now. */
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

  /* Free places today: the availability component (overrides/components/availability/)
   * judges each report on this device and says when it learns something new; we only ask. */
  function hasFreePlaces(position) {
    var places = window.helpdirAvailability;
    return Boolean(state.data.e.flags[position] & FLAG.places) && Boolean(places) &&
      places.isFree(state.data.e.id[position]);
  }

  /* Whether the entry at this position passes the filters ``f`` at ``now`` (minute of the
   * week, Minsk time). */
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
    if (f.checked.open_now && !F.isOpen(position, now)) return false;
    if (f.checked.free_places && !hasFreePlaces(position)) return false;
    return f.described.every(function (filter) { return matchesDescribed(position, filter); });
  }

  /* The town list, narrowed to the chosen region; a chosen town stays if it still fits. */
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

  function clearFilters() {
    [els.region, els.town, els.service, els.serves].forEach(function (s) { s.value = ""; });
    els.checks.forEach(function (box) { box.checked = false; });
    els.described.forEach(function (control) {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    state.guideServices = null;
    fillTowns();
  }

  /* The controls answer at once; F.update is the results part's. */
  els.region.addEventListener("change", function () {
    fillTowns();
    F.update();
  });
  els.service.addEventListener("change", function () {
    state.guideServices = null;
    F.update();
  });
  [els.town, els.serves].forEach(function (select) {
    select.addEventListener("change", function () { F.update(); });
  });
  els.checks.forEach(function (box) {
    box.addEventListener("change", function () { F.update(); });
  });
  els.described.forEach(function (control) {
    control.addEventListener(control.type === "number" ? "input" : "change", function () {
      F.update();
    });
  });
  document.addEventListener("helpdir:availability", function () {
    var box = F.root.querySelector('[data-filter="free_places"]');
    if (state.data && box && box.checked) F.update();
  });

  F.filters = filters;
  F.anyFilter = anyFilter;
  F.passes = passes;
  F.fillTowns = fillTowns;
  F.clearFilters = clearFilters;
})();
