/*
 * How the finder turns text into search terms: the browser twin of
 * build_tools/finder/tokens.py (which built the index). Both must give exactly the same
 * terms; tests/finder/test_token_parity.py runs the two on one word list.
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
    "ями", "ами", "ыми", "ими", "ага", "яга", "аму", "яму", "ому", "ему",
    "ым", "им", "ых", "их", "ам", "ям", "ом", "ем", "ах", "ях"
  ];
  var BE_VOWELS = "аеиоуыэюяйь";
  var BE_MIN_STEM = 3;

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
    return word.slice(0, end);
  }

  function viaPipeline(fn) {
    return function (word) { return fn(new lunr.Token(word, {})).toString(); };
  }

  var STEMMERS = {
    ru: lunr && lunr.ru ? viaPipeline(lunr.ru.stemmer) : null,
    be: stemBe,
    en: lunr ? viaPipeline(lunr.stemmer) : null
  };

  /* Belarusian as a lunr pipeline function, registered under the label the index names. */
  if (lunr && lunr.Pipeline && !lunr.Pipeline.registeredFunctions["stemmer-be"]) {
    var beStemmer = function (token) { return token.update(stemBe); };
    lunr.Pipeline.registerFunction(beStemmer, "stemmer-be");
  }

  return {
    fold: fold,
    words: words,
    hasLatin: hasLatin,
    latinToCyrillic: latinToCyrillic,
    stemBe: stemBe,
    stem: function (lang, word) { return STEMMERS[lang](word); }
  };
});
