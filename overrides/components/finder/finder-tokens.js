/*
 * How the finder turns text into search terms: the browser twin of
 * build_tools/finder/tokens.py (which built the index). Both must give exactly the same
 * terms; tests/finder/test_token_parity.py runs the two on one word list. Also the other
 * half of build_tools/finder/index.py: unpacking the index it packed.
 *
 * Works in the page (window.HelpdirTokens, after lunr and its Russian stemmer) and in Node
 * (module.exports is a function that takes lunr), so the parity test can load it.
 */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = make;
  } else {
    root.HelpdirTokens = make(root.lunr);
  }
})(this, function (lunr) {
  "use strict";

  var FOLD = {
    "ё": "е", "і": "и", "ї": "и", "ў": "у",
    "'": "", "’": "", "ʼ": "", "`": "", "´": "",
    "ŭ": "u", "ć": "c", "č": "ch", "ś": "s", "š": "sh", "ź": "z", "ž": "zh",
    "ń": "n", "ĺ": "l", "ł": "l", "é": "e", "ë": "e"
  };
  var FOLD_CHARS = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  var NOT_WORD = /[^0-9a-zа-я]+/g;

  var LATIN_PAIRS = [
    ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"],
    ["ts", "ц"], ["ya", "я"], ["yu", "ю"], ["ye", "е"], ["yo", "е"], ["ja", "я"],
    ["ju", "ю"], ["je", "е"], ["jo", "е"], ["ia", "я"], ["iu", "ю"], ["ie", "е"],
    ["io", "е"], ["a", "а"], ["b", "б"], ["c", "ц"], ["d", "д"], ["e", "е"], ["f", "ф"],
    ["g", "г"], ["h", "г"], ["i", "и"], ["j", "й"], ["k", "к"], ["l", "л"], ["m", "м"],
    ["n", "н"], ["o", "о"], ["p", "п"], ["q", "к"], ["r", "р"], ["s", "с"], ["t", "т"],
    ["u", "у"], ["v", "в"], ["w", "в"], ["x", "кс"], ["y", "ы"], ["z", "з"]
  ];
  var LATIN_MAP = {};
  LATIN_PAIRS.forEach(function (pair) { LATIN_MAP[pair[0]] = pair[1]; });
  var LATIN = new RegExp(LATIN_PAIRS.map(function (pair) { return pair[0]; }).join("|"), "g");

  var BE_ENDINGS = [
    "ями", "ьми", "ами", "ыми", "ими", "ага", "яга", "аму", "яму", "ому", "ему",
    "ым", "им", "ых", "их", "ам", "ям", "ом", "ем", "ах", "ях"
  ];
  var BE_VOWELS = "аеиоуыэюяйь";
  var BE_MIN_STEM = 3;
  var BE_FLEETING = ["ак", "ок", "ец"];

  function fold(text) {
    var out = String(text).normalize("NFKC").toLowerCase();
    out = out.replace(FOLD_CHARS, function (ch) { return FOLD[ch]; });
    return out.replace(NOT_WORD, " ").trim();
  }

  function words(text) {
    var folded = fold(text);
    return folded ? folded.split(" ") : [];
  }

  function hasLatin(word) {
    return /[a-z]/.test(word);
  }

  function latinToCyrillic(word) {
    return word.replace(LATIN, function (m) { return LATIN_MAP[m]; });
  }

  function stemBe(word) {
    if (hasLatin(word) || word.length <= BE_MIN_STEM) return word;
    for (var i = 0; i < BE_ENDINGS.length; i++) {
      var ending = BE_ENDINGS[i];
      if (word.slice(-ending.length) === ending && word.length - ending.length >= BE_MIN_STEM) {
        word = word.slice(0, -ending.length);
        break;
      }
    }
    var end = word.length;
    while (end > BE_MIN_STEM - 1 && BE_VOWELS.indexOf(word.charAt(end - 1)) !== -1) end--;
    word = word.slice(0, end);
    if (word.length >= 5 && BE_FLEETING.indexOf(word.slice(-2)) !== -1) {
      word = word.slice(0, -2) + word.slice(-1);
    }
    return word;
  }

  function viaPipeline(fn) {
    return function (word) { return fn(new lunr.Token(word, {})).toString(); };
  }

  var STEMMERS = {
    ru: lunr && lunr.ru ? viaPipeline(lunr.ru.stemmer) : null,
    be: stemBe,
    en: lunr ? viaPipeline(lunr.stemmer) : null
  };

  /* The labels the index names (build_tools/finder/index.py) for the Belarusian stemmer and
   * for lunr's own English one (wrapped: registering would relabel lunr.stemmer itself). */
  if (lunr && lunr.Pipeline) {
    var pipelineFunctions = {
      "stemmer-be": function (token) { return token.update(stemBe); },
      "stemmer-en": function (token) { return lunr.stemmer(token); }
    };
    Object.keys(pipelineFunctions).forEach(function (label) {
      if (!lunr.Pipeline.registeredFunctions[label]) {
        lunr.Pipeline.registerFunction(pipelineFunctions[label], label);
      }
    });
  }

  /*
   * lunr.py's index arrives packed (build_tools/finder/index.py): sorted terms and, per
   * field, the gaps between the entries each term occurs in. This rebuilds lunr's own
   * serialised form, with lunr's scoring, and loads it.
   */
  function unpackIndex(packed) {
    var fields = packed.f.map(function (f) { return f[0]; });
    var count = packed.c;
    var terms = packed.w;
    var k1 = 1.2;
    var b = 0.75;
    var frequencies = {};
    var lengths = {};
    var documentsWithTerm = new Array(terms.length).fill(0);
    var inverted = new Array(terms.length);
    fields.forEach(function (field) {
      frequencies[field] = [];
      lengths[field] = new Array(count).fill(0);
      for (var d = 0; d < count; d++) frequencies[field].push([]);
    });
    for (var t = 0; t < terms.length; t++) {
      var posting = { _index: t };
      for (var f = 0; f < fields.length; f++) {
        var field = fields[f];
        var docs = {};
        var gaps = packed[field][t];
        var doc = 0;
        for (var g = 0; g < gaps.length; g++) {
          doc += gaps[g];
          if (!docs[doc]) {
            docs[doc] = {};
            documentsWithTerm[t] += 1;
            frequencies[field][doc].push([t, 0]);
          }
          var list = frequencies[field][doc];
          list[list.length - 1][1] += 1;
          lengths[field][doc] += 1;
        }
        posting[field] = docs;
      }
      inverted[t] = [terms[t], posting];
    }
    var vectors = [];
    packed.f.forEach(function (pair) {
      var field = pair[0];
      var boost = pair[1];
      var total = lengths[field].reduce(function (a, c) { return a + c; }, 0);
      var average = total / count;
      for (var d = 0; d < count; d++) {
        var elements = [];
        frequencies[field][d].forEach(function (item) {
          var df = documentsWithTerm[item[0]];
          var idf = Math.log(1 + Math.abs((count - df + 0.5) / (df + 0.5)));
          var tf = item[1];
          var score = idf * ((k1 + 1) * tf) /
            (k1 * (1 - b + b * (lengths[field][d] / average)) + tf);
          score *= boost;
          elements.push(item[0], Math.round(score * 1000) / 1000);
        });
        vectors.push([field + "/" + d, elements]);
      }
    });
    return {
      version: lunr.version,
      fields: fields,
      fieldVectors: vectors,
      invertedIndex: inverted,
      pipeline: packed.p
    };
  }

  return {
    unpackIndex: unpackIndex,
    fold: fold,
    words: words,
    hasLatin: hasLatin,
    latinToCyrillic: latinToCyrillic,
    stemBe: stemBe,
    stem: function (lang, word) { return STEMMERS[lang](word); }
  };
});
