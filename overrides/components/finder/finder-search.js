/*
 * The finder, searching: what a query finds in the index (words) and in the numbers (digits),
 * as a Map of entry position → score. Nothing here touches the page.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var T = F.tokens;
  var lunr = F.lunr;
  var state = F.state;

  // Words that narrow nothing (build_tools/finder/tokens.py STOP_WORDS, left out of the index
  // too); everything else a person types must match.
  var SKIP = {};
  F.config.skip.forEach(function (w) { SKIP[w] = true; });

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

  /* Every part of the query must match (a part that matches nothing at all is let go).
   * {found: Map or null when the query holds nothing to search for, matched: how many of its
   * parts found something}. */
  function searchParts(text) {
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
    if (!meaningful.length) return { found: null, matched: 0 };
    var total = null;
    var matched = 0;
    meaningful.forEach(function (part) {
      var found = lookUp(part);
      if (!found.size) return;
      matched += 1;
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
    return { found: total || new Map(), matched: matched };
  }

  function searchQuery(text) {
    return searchParts(text).found;
  }

  /*
   * The query as typed, or, when that finds little, as the same keys on another layout would
   * have typed it (finder-layouts.js): Latin on the Russian or Belarusian layout, Cyrillic on
   * the Latin one. ``count(scores)`` says how many results a search gives under the filters.
   * A reading is taken only when more of its words find something than of the query as typed
   * (gibberish on every layout stays gibberish) and it finds something; the reading whose
   * words find most wins, then the one with most results, then, on a tie, the page's own
   * language decides (the Belarusian layout on Belarusian pages, the Russian one elsewhere:
   * the two differ in three keys only, and a forgiven typo can make both find the same).
   * Returns {scores, text}: ``text`` is what was searched for instead, or null.
   */
  var LITTLE = 3;
  var PREFERRED = F.config.lang === "be" ? "be" : "ru";
  function searchForgivingLayout(text, count) {
    var typed = searchParts(text);
    var scores = typed.found;
    var n = scores === null ? 0 : count(scores);
    var best = { scores: scores, text: null, matched: typed.matched, n: n };
    if (scores === null || n >= LITTLE) return best;
    var alternatives = F.layouts.alternatives(text);
    alternatives.sort(function (a, b) {
      return (b.layout === PREFERRED) - (a.layout === PREFERRED);
    });
    alternatives.forEach(function (alt) {
      var reading = searchParts(alt.text);
      if (!reading.found || reading.matched <= typed.matched) return;
      var found = count(reading.found);
      if (!found) return;
      if (reading.matched > best.matched || (reading.matched === best.matched && found > best.n)) {
        best = { scores: reading.found, text: alt.text.trim(), matched: reading.matched, n: found };
      }
    });
    return best;
  }

  F.dialled = dialled;
  F.searchForgivingLayout = searchForgivingLayout;
  F.searchQuery = searchQuery;
})();
