/*
 * The wrong keyboard: the same keys read on the other layout. Someone with the Latin layout
 * still on types "rhbpbcyfz rjvyfnf" meaning «кризисная комната»; someone with a Cyrillic
 * layout on types "Ьштыл" meaning "Minsk". These tables say which character each key of a
 * standard PC keyboard gives on the US Latin layout, the Russian ЙЦУКЕН layout and the
 * Belarusian one (the Russian layout with three keys changed: і where Russian has и, ў where
 * it has щ, the apostrophe where it has ъ).
 *
 * Pure functions, no page: the finder (finder-search.js) uses them in the browser
 * (window.HelpdirLayouts) and tests/finder/test_layouts.py runs them in Node.
 */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = make();
  } else {
    root.HelpdirLayouts = make();
  }
})(this, function () {
  "use strict";

  // One string per layout, key by key in the same order: the letter rows left to right, then
  // the keys beside them (` [ ] ; ' , . /), lower case; then the same keys with Shift.
  var KEYS = {
    latin: "qwertyuiopasdfghjklzxcvbnm`[];',./" + "QWERTYUIOPASDFGHJKLZXCVBNM~{}:\"<>?",
    ru: "йцукенгшщзфывапролдячсмитьёхъжэбю." + "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЁХЪЖЭБЮ,",
    be: "йцукенгшўзфывапролдячсмітьёх'жэбю." + "ЙЦУКЕНГШЎЗФЫВАПРОЛДЯЧСМІТЬЁХ'ЖЭБЮ,"
  };

  function table(from, to) {
    var map = {};
    var a = Array.from(KEYS[from]);
    var b = Array.from(KEYS[to]);
    for (var i = 0; i < a.length; i++) {
      if (!(a[i] in map)) map[a[i]] = b[i];
    }
    return map;
  }

  var LATIN_TO = { ru: table("latin", "ru"), be: table("latin", "be") };
  // Cyrillic typed meaning Latin: both Cyrillic layouts read back to the keys. Punctuation
  // (".", ",", the apostrophe) is left as it is: it means the same typed either way often
  // enough, and the search skips it.
  var TO_LATIN = {};
  ["ru", "be"].forEach(function (layout) {
    var map = table(layout, "latin");
    Object.keys(map).forEach(function (ch) {
      if (/[\u0400-\u04ff]/.test(ch)) TO_LATIN[ch] = map[ch];
    });
  });

  function convert(text, map) {
    return Array.from(String(text)).map(function (ch) {
      return Object.prototype.hasOwnProperty.call(map, ch) ? map[ch] : ch;
    }).join("");
  }

  function hasLatin(text) {
    return /[A-Za-z]/.test(text);
  }

  function hasCyrillic(text) {
    return /[\u0400-\u04ff]/.test(text);
  }

  /*
   * What the same keys would have given on the other layouts, as [{layout, text}], for a
   * query with letters of one script: Latin → Russian and Belarusian; Cyrillic → Latin.
   * Letters of the other script in a mixed query stay as typed. Nothing for a query
   * without letters.
   */
  function alternatives(text) {
    var out = [];
    if (hasLatin(text)) {
      out.push({ layout: "ru", text: convert(text, LATIN_TO.ru) });
      out.push({ layout: "be", text: convert(text, LATIN_TO.be) });
    }
    if (hasCyrillic(text)) {
      out.push({ layout: "latin", text: convert(text, TO_LATIN) });
    }
    return out.filter(function (alt) { return alt.text !== text; });
  }

  return {
    alternatives: alternatives,
    toRussian: function (text) { return convert(text, LATIN_TO.ru); },
    toBelarusian: function (text) { return convert(text, LATIN_TO.be); },
    toLatin: function (text) { return convert(text, TO_LATIN); }
  };
});
