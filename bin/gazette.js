#!/usr/bin/env node
// The CLI, bundled by `npm install` (the `prepare` script) or `npm run build`
// (scripts/bundle-cli.ts), run with its compiled code kept on disk (bin/run-bundle.cjs). This
// file is CommonJS (bin/package.json): an ES module entry costs every start some 4 ms more.
"use strict";

const module_ = require("node:module");
const path = require("node:path");
const { runBundle } = require("./run-bundle.cjs");

// Node ≥ 22.1 also keeps the compiled code of the modules the bundle loads from node_modules
// (MJML, linkedom…); Node 20 lacks it and ignores this.
module_.enableCompileCache?.();

const argv = process.argv.slice(2);
const bundle = dispatchesNoCommand(argv) ? "gazette-help.cjs" : "gazette.cjs";
runBundle(path.join(__dirname, "../dist/cli", bundle), argv);

/**
 * Whether the command line holds global options alone (--help, --version, --config FILE), on
 * which commander prints the help, the version or the usage and runs no command: then the CLI
 * without the commands' modules (dist/cli/gazette-help.cjs) does it, a tenth of the bundle.
 */
function dispatchesNoCommand(args) {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "-c" || arg === "--config") index++;
    else if (!/^(-h|--help|-V|--version|--config=.*)$/.test(arg)) return false;
  }
  return true;
}
