// Runs the finder's browser tokenizer in Node for the parity test: lunr and its Russian
// stemmer from the installed mkdocs package (argv[2]), our module (argv[3]); texts as a
// JSON list on stdin; prints what each step makes of every text as JSON.
"use strict";
const path = require("path");
const fs = require("fs");
const searchDir = process.argv[2];
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.ru.js"))(lunr);
const tokens = require(process.argv[3])(lunr);

const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const out = texts.map((text) => {
  const words = tokens.words(text);
  return {
    fold: tokens.fold(text),
    words: words,
    cyrillic: words.map(tokens.latinToCyrillic),
    ru: words.map((w) => tokens.stem("ru", w)),
    be: words.map((w) => tokens.stem("be", w)),
    en: words.map((w) => tokens.stem("en", w)),
  };
});
process.stdout.write(JSON.stringify(out));
