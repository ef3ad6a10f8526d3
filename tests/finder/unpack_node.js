// Unpacks a packed finder index (JSON on stdin) with finder-tokens.js and prints lunr's
// serialised form, as the browser would load it. argv: mkdocs search dir, our module.
"use strict";
const path = require("path");
const fs = require("fs");
const lunr = require(path.join(process.argv[2], "templates", "search", "lunr.js"));
require(path.join(process.argv[2], "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(process.argv[2], "lunr-language", "lunr.ru.js"))(lunr);
const tokens = require(process.argv[3])(lunr);
const packed = JSON.parse(fs.readFileSync(0, "utf8"));
const serialised = tokens.unpackIndex(packed);
lunr.Index.load(serialised); // must load without an unregistered pipeline function
process.stdout.write(JSON.stringify(serialised));
