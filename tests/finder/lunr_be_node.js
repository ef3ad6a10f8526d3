// Material's search with Belarusian: lunr, Snowball support, finder-tokens.js, lunr.be.min.js
// as the search worker loads them; builds an index of the texts on stdin (JSON list), runs
// the queries (argv[5], JSON list) and prints, per query, the positions of the texts found.
"use strict";
const path = require("path");
const fs = require("fs");
const [searchDir, tokensFile, pluginFile] = process.argv.slice(2, 5);
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
globalThis.lunr = lunr;
globalThis.importScripts = () => {
  globalThis.HelpdirTokens = require(tokensFile)(lunr);
};
require(pluginFile);
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const index = lunr(function () {
  this.use(lunr.be);
  this.ref("i");
  this.field("t");
  texts.forEach((t, i) => this.add({ i: String(i), t }));
});
const queries = JSON.parse(process.argv[5]);
process.stdout.write(
  JSON.stringify(queries.map((q) => index.search(q).map((r) => Number(r.ref)).sort()))
);
