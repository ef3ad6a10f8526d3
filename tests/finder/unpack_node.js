// Loads a packed finder index (JSON on stdin) with finder-tokens.js as the browser does and
// prints lunr's serialisation of what it got. argv: mkdocs search dir, our module.
"use strict";
const path = require("path");
const fs = require("fs");
const lunr = require(path.join(process.argv[2], "templates", "search", "lunr.js"));
require(path.join(process.argv[2], "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(process.argv[2], "lunr-language", "lunr.ru.js"))(lunr);
const tokens = require(process.argv[3])(lunr);
const packed = JSON.parse(fs.readFileSync(0, "utf8"));
const index = tokens.loadIndex(packed);
process.stdout.write(JSON.stringify(index.toJSON()));
