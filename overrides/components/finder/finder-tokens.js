/*
 * How the finder turns text into search terms: the browser twin of
 * build_tools/finder/tokens.py (which built the index). Both must give exactly the same
 * terms; tests/finder/test_token_parity.py runs the two on one word list. Also the other
 * half of build_tools/finder/index.py: loading the index it packed.
 *
 * Works in the page (window.HelpdirTokens, after lunr, and for Russian its stemmer) and in Node
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
      "stemmer-en": function (token) { return lunr.stemmer(token); },
      /* A site language without a stemmer (docs/adding-a-language.md): words as written. */
      "stemmer-none": function (token) { return token; }
    };
    Object.keys(pipelineFunctions).forEach(function (label) {
      if (!lunr.Pipeline.registeredFunctions[label]) {
        lunr.Pipeline.registerFunction(pipelineFunctions[label], label);
      }
    });
  }

  /*
   * lunr.py's index arrives packed (build_tools/finder/index.py): sorted terms and, per
   * field, the gaps between the entries each term occurs in. This gives lunr.js the same
   * index with lunr's own scoring (BM25, k1 1.2, b 0.75, the field boosts), but lazily: a
   * term's postings and an entry's vector are made the first time a query needs them, so a
   * cheap phone answers the first query soon after the page has loaded.
   */
  function loadIndex(packed) {
    var fields = packed.f.map(function (f) { return f[0]; });
    var count = packed.c;
    var terms = packed.w;
    var k1 = 1.2;
    var b = 0.75;
    var documentsWithTerm = new Array(terms.length).fill(0);
    // Per field and entry: [term, frequency, term, frequency, …], terms ascending.
    var forward = fields.map(function () {
      var lists = new Array(count);
      for (var d = 0; d < count; d++) lists[d] = [];
      return lists;
    });
    var lengths = fields.map(function () { return new Array(count).fill(0); });
    fields.forEach(function (field, f) {
      var postings = packed[field];
      for (var t = 0; t < terms.length; t++) {
        var gaps = postings[t];
        var doc = 0;
        var last = -1;
        for (var g = 0; g < gaps.length; g++) {
          doc += gaps[g];
          var list = forward[f][doc];
          if (doc !== last) {
            list.push(t, 1);
            documentsWithTerm[t] += 1;
            last = doc;
          } else {
            list[list.length - 1] += 1;
          }
          lengths[f][doc] += 1;
        }
      }
    });
    var averages = lengths.map(function (list) {
      return list.reduce(function (a, c) { return a + c; }, 0) / count;
    });
    var idf = documentsWithTerm.map(function (df) {
      return Math.log(1 + Math.abs((count - df + 0.5) / (df + 0.5)));
    });

    function vector(f, d) {
      var list = forward[f][d];
      var boost = packed.f[f][1];
      var norm = k1 * (1 - b + b * (lengths[f][d] / averages[f]));
      var elements = [];
      for (var i = 0; i < list.length; i += 2) {
        var tf = list[i + 1];
        var score = idf[list[i]] * ((k1 + 1) * tf) / (norm + tf);
        elements.push(list[i], Math.round(score * boost * 1000) / 1000);
      }
      return new lunr.Vector(elements);
    }

    function posting(t) {
      var made = { _index: t };
      fields.forEach(function (field) {
        var docs = {};
        var doc = 0;
        packed[field][t].forEach(function (gap) {
          doc += gap;
          docs[doc] = {};
        });
        made[field] = docs;
      });
      return made;
    }

    /* Made on first use, then a plain property (no getter on later lookups). */
    function lazy(target, key, make) {
      Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true,
        get: function () {
          var value = make();
          Object.defineProperty(target, key, { value: value, enumerable: true });
          return value;
        }
      });
    }

    var invertedIndex = Object.create(null);
    terms.forEach(function (term, t) {
      lazy(invertedIndex, term, function () { return posting(t); });
    });
    var fieldVectors = Object.create(null);
    fields.forEach(function (field, f) {
      for (var d = 0; d < count; d++) {
        lazy(fieldVectors, field + "/" + d, vector.bind(null, f, d));
      }
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields,
      pipeline: lunr.Pipeline.load(packed.p)
    });
  }

  return {
    loadIndex: loadIndex,
    fold: fold,
    words: words,
    hasLatin: hasLatin,
    latinToCyrillic: latinToCyrillic,
    stemBe: stemBe,
    stem: function (lang, word) { return STEMMERS[lang] ? STEMMERS[lang](word) : word; }
  };
});
