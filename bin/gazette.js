#!/usr/bin/env node
// The compiled CLI lives in dist/, built by `npm install` (the `prepare` script) or `npm run build`.
import "../dist/cli/bin.js";
