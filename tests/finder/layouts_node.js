// Runs finder-layouts.js in Node for tests/finder/test_layouts.py: reads a JSON list of
// [function name, text] from stdin and prints the answers as JSON.
"use strict";
const layouts = require(process.argv[2]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const calls = JSON.parse(input);
  process.stdout.write(JSON.stringify(calls.map(([name, text]) => layouts[name](text))));
});
