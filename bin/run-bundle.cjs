// Runs a CommonJS bundle (dist/cli/gazette.cjs, see scripts/bundle-cli.ts) with V8's compiled
// code of it kept on disk, as Node ≥ 22.1's module.enableCompileCache() does for the files it
// loads and Node 20 cannot: a start that finds the code deserializes it (about 10 ms for the CLI)
// instead of parsing and compiling 2 MB of source (about 40 ms), and the functions the command ran
// last time come compiled with it.
//
// The cache is a folder beside the bundle (.cache/, emptied by each build), or the user's own
// ($XDG_CACHE_HOME/gazette/compile-cache) where that cannot be written, one file per command:
// V8 stores the functions a run compiled, so `status` keeps what `status` runs. A file is written
// once, after a run that ended with exit code 0, and names the bundle's size and modification
// time besides Node's version (and Node's flags, when a run has any): V8 checks only the source's length, so the name is what keeps a
// rebuilt bundle from running an earlier build's code. Writing is atomic (a temporary file, then a
// rename); where neither folder can be written, it only costs the speed.
// NODE_DISABLE_COMPILE_CACHE=1, Node's own switch, turns it off.
"use strict";

const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

/**
 * Runs `bundle` as the main module, with `argv` (the command line after the script) deciding
 * which cache file holds its compiled code.
 * @param {string} bundle absolute path of the bundle
 * @param {readonly string[]} argv
 */
function runBundle(bundle, argv) {
  const fd = fs.openSync(bundle, "r");
  let source;
  let stat;
  try {
    stat = fs.fstatSync(fd, { bigint: true });
    // The bundle is ASCII (scripts/bundle-cli.ts escapes the rest), so each byte is one character.
    source = fs.readFileSync(fd, "latin1");
  } finally {
    fs.closeSync(fd);
  }
  const name = [
    path.basename(bundle),
    commandWord(argv),
    process.version,
    process.arch,
    stat.size,
    stat.mtimeNs,
    ...flagsKey(),
  ].join("-");
  const isCached = process.env.NODE_DISABLE_COMPILE_CACHE !== "1";
  // Beside the bundle, else (an install the user cannot write to) in the user's own cache folder.
  const beside = path.join(path.dirname(bundle), ".cache", name);
  const userOwn = () => path.join(userCacheDir(), name);
  const cachedData = isCached ? (readIfThere(beside) ?? readIfThere(userOwn())) : undefined;
  const script = new vm.Script(`${WRAPPER}${source}\n})`, { filename: bundle, cachedData });
  if (isCached && (cachedData === undefined || script.cachedDataRejected)) {
    process.once("exit", (code) => {
      if (code === 0 && !writeQuietly(beside, script)) writeQuietly(userOwn(), script);
    });
  }
  const bundleModule = { exports: {}, filename: bundle, id: ".", loaded: false };
  const run = script.runInThisContext();
  run.call(
    bundleModule.exports,
    bundleModule.exports,
    Module.createRequire(bundle),
    bundleModule,
    bundle,
    path.dirname(bundle),
    nativeImport,
  );
}

// CommonJS's wrapper, and the bundle's import() of packages it leaves out (scripts/bundle-cli.ts
// rewrites each to __gazetteImport): made here, in a module Node loaded itself, since a vm.Script's
// own import() needs Node 20's experimental vm modules.
const WRAPPER = "(function (exports, require, module, __filename, __dirname, __gazetteImport) { ";

/** @param {string} specifier a package's name (resolved as from this folder: the same node_modules) */
function nativeImport(specifier) {
  return import(specifier);
}

/** The first word of the command line that can be a command's name ("status"), or "none". */
function commandWord(argv) {
  return argv.find((arg) => /^[a-z][a-z-]{0,30}$/.test(arg)) ?? "none";
}

/**
 * Node's flags of this run, as a short hash, or nothing when there are none: V8 rejects code kept
 * under other flags (a test run's --log-function-events, a user's NODE_OPTIONS), and writing it
 * again would throw out the code of every run without them. Each set of flags gets its own file.
 */
function flagsKey() {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").trim();
  if (flags === "") return [];
  // FNV-1a, 32 bits: node:crypto costs a start more than it saves here.
  let hash = 0x811c9dc5;
  for (let i = 0; i < flags.length; i++) hash = Math.imul(hash ^ flags.charCodeAt(i), 0x01000193);
  return [`f${(hash >>> 0).toString(36)}`];
}

function readIfThere(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** $XDG_CACHE_HOME/gazette/compile-cache, by default ~/.cache/gazette/compile-cache. */
function userCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(require("node:os").homedir(), ".cache");
  return path.join(base, "gazette", "compile-cache");
}

/**
 * Writes the script's compiled code to `file`, and says whether it could: a cache that cannot be
 * written is no error.
 */
function writeQuietly(file, script) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, file);
    return true;
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {}
    return false;
  }
}

module.exports = { runBundle };

// `node bin/run-bundle.cjs FILE [ARGS]` runs FILE as `node FILE [ARGS]` would: npm run bench:cli
// times the libraries alone this way.
if (require.main === module) {
  const bundle = path.resolve(process.argv[2] ?? "");
  process.argv.splice(1, 2, bundle);
  runBundle(bundle, process.argv.slice(2));
}
