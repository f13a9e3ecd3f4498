#!/usr/bin/env node
// The compiled CLI lives in dist/, built by `npm install` (the `prepare` script) or `npm run build`.
import module from "node:module";

// Node ≥ 22.1 keeps V8's compiled code of each module on disk: a later start skips compiling the
// bundle's chunks (Kysely, zod, yaml… for a command on the store). Node 20 lacks it and ignores this.
module.enableCompileCache?.();
await import("../dist/cli/bin.js");
