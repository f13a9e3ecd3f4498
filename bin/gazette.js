#!/usr/bin/env node
// The CLI, bundled into dist/cli/gazette.cjs by `npm install` (the `prepare` script) or
// `npm run build`, run with its compiled code kept on disk (bin/run-bundle.cjs). This file is
// CommonJS (bin/package.json): an ES module entry costs every start some 4 ms more.
"use strict";

const module_ = require("node:module");
const path = require("node:path");
const { runBundle } = require("./run-bundle.cjs");

// Node ≥ 22.1 also keeps the compiled code of the modules the bundle loads from node_modules
// (MJML, linkedom…); Node 20 lacks it and ignores this.
module_.enableCompileCache?.();
runBundle(path.join(__dirname, "../dist/cli/gazette.cjs"), process.argv.slice(2));
