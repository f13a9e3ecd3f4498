// Bundles the compiled CLI for a fast start (issue 17 §6); `npm run build` runs it after tsc.
//
// Node 20 loads an ES module graph file by file, and compiles each module anew on every start: a
// command on the store resolved, read and compiled some 450 modules (Kysely's 262 and zod's 95
// among them) before it did anything. The bundle is one CommonJS file, dist/cli/gazette.cjs, with
// our sources and the libraries every command on the store loads (BUNDLED). bin/gazette.js runs it
// through bin/run-bundle.cjs, which keeps V8's compiled code of it on disk (Node 20 has no compile
// cache of its own): a later start deserializes the code instead of compiling 2 MB of source.
// Each module behind a dynamic `import()` — every command's — is still evaluated only when that
// import runs (esbuild wraps it in a lazy initializer), so a command runs only what it uses. The
// other libraries stay in node_modules, loaded when a code path needs them: the SQLite driver's
// compiled addon (its JavaScript is bundled), those that find files beside themselves (MJML's
// components), and those that only some commands load. Worker threads keep running tsc's dist/
// (their entry points are files, not imports).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT_DIR = path.join(ROOT, "dist/cli");
/** The bundled CLI, which bin/gazette.js runs. */
export const CLI_BUNDLE = path.join(OUT_DIR, "gazette.cjs");
/**
 * The CLI with no command's module, which bin/gazette.js runs for `gazette --help` and
 * `--version`: the whole bundle's compiled code (some 650 KB of it for the top level alone) was
 * most of that start.
 */
export const HELP_BUNDLE = path.join(OUT_DIR, "gazette-help.cjs");
/** Where bin/run-bundle.cjs keeps V8's compiled code of the bundle; emptied by each build. */
const CODE_CACHE_DIR = path.join(OUT_DIR, ".cache");

/** The libraries that `gazette status` loads and the bundle holds, each hundreds of files or more. */
const START_LIBRARIES = ["commander", "kysely", "zod", "yaml", "cron-parser", "luxon", "node-cron"];

/**
 * The libraries bundled: those of START_LIBRARIES; better-sqlite3's JavaScript (a dozen files that
 * Node resolved, read and compiled anew at every start, some 6 ms of every command on the store;
 * its compiled addon is loaded by path, see store/open-database.ts); and those that have no
 * CommonJS form and are imported statically (a CommonJS bundle would require() them, and
 * esbuild's interop would take the module's namespace for its default export).
 */
const BUNDLED = new Set([...START_LIBRARIES, "better-sqlite3", "p-limit", "yocto-queue"]);

/**
 * Every library that `gazette status` and `gazette lists` load: the config's (yaml, zod, the two
 * cron parsers, luxon), the store's (Kysely, the SQLite driver) and commander.
 * test/cli/startup.test.ts holds the commands to this list; `npm run bench:cli` times these
 * libraries alone, the part of a start that is theirs.
 */
export const STORE_COMMAND_LIBRARIES = [...START_LIBRARIES, "better-sqlite3"].sort();

// A module's own URL (import.meta.url) locates its worker or its templates: in the bundle it is
// the URL of tsc's compiled copy of the module, beside which those files are. Written as a token
// while bundling, and resolved from the bundle's own folder when it runs.
const URL_TOKEN = "__gazette_module_url__:";

/** How the CLI is bundled, and the libraries alone that bench:cli compares it with. */
const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  // CommonJS: V8 caches the compiled code of a script (vm.Script), not of an ES module, on Node 20.
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
} satisfies BuildOptions;

/**
 * Builds dist/cli/gazette.cjs, and dist/cli/gazette-help.cjs for `gazette --help` and
 * `--version`, from src/ (dist/ must already hold tsc's build).
 */
export async function bundleCli(): Promise<void> {
  const [cli, help] = await Promise.all([
    bundleEntry(CLI_BUNDLE, []),
    bundleEntry(HELP_BUNDLE, [noCommandModules()]),
  ]);
  mkdirSync(OUT_DIR, { recursive: true });
  // The compiled code of an earlier build is of other source: removed before the new bundles land.
  rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
  writeFileSync(CLI_BUNDLE, cli);
  writeFileSync(HELP_BUNDLE, help);
}

/** The CLI (src/cli/bin.ts) bundled into `outfile`'s text, with `plugins` besides ours. */
async function bundleEntry(outfile: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ["src/cli/bin.ts"],
    outfile,
    write: false,
    plugins: [
      ...plugins,
      keepUnbundledPackagesExternal(),
      zodWithEnglishOnly(),
      commanderSpawnOnUse(),
      nodeCronInTheBundle(),
      moduleUrlsOfCompiledCopies(),
    ],
  });
  const [output] = result.outputFiles;
  if (output === undefined || result.outputFiles.length !== 1)
    throw new Error("one output expected");
  return asciiOnly(withLazyBuiltins(withNativeImports(withModuleUrls(output.text))));
}

// Node's modules that a command on the store imports and does not use, each required when its
// module is first used (a property read: every use of them in the bundle is one): node:crypto
// (some 4 ms to load; the signing keys and tokens use it when a link is signed or checked) and
// node:worker_threads (the feed parse workers, started when a collect parses).
const LAZY_BUILTINS = ["node:crypto", "node:worker_threads"];
const LAZY_REQUIRE =
  "var __gazetteLazy=(id,loaded)=>new Proxy({},{get:(_,key)=>(loaded??=require(id))[key],has:(_,key)=>key in(loaded??=require(id))});";

/**
 * The bundle with each require() of LAZY_BUILTINS made lazy. esbuild writes an import of a
 * built-in as `import_x = require("node:x")` and reads it as `import_x.name`; any other form
 * (a spread, a default import) fails the build, to be looked at.
 */
function withLazyBuiltins(text: string): string {
  let replaced = text;
  for (const id of LAZY_BUILTINS) {
    const call = `require(${JSON.stringify(id)})`;
    const assigned = new RegExp(`\\b(import_\\w+)=${call.replace(/[()]/g, "\\$&")}`, "g");
    replaced = replaced.replace(
      assigned,
      (_match, name: string) => `${name}=__gazetteLazy(${JSON.stringify(id)})`,
    );
    if (replaced.includes(call)) throw new Error(`the bundle uses ${id} in a form left eager`);
  }
  return `${LAZY_REQUIRE}${replaced}`;
}

// The help bundle: the command list with no command's module behind it (a command's import()
// would fail: bin/gazette.js runs this bundle only for a command line that dispatches none).
function noCommandModules(): Plugin {
  return {
    name: "gazette-no-command-modules",
    setup(bundle) {
      bundle.onResolve({ filter: /^\.\/commands\// }, (args) =>
        args.kind === "dynamic-import" &&
        args.importer.endsWith(path.join("cli", "command-list.ts"))
          ? { path: args.path, namespace: "no-command" }
          : undefined,
      );
      bundle.onLoad({ filter: /.*/, namespace: "no-command" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`the help bundle holds no command (${args.path})`)});`,
        loader: "js",
      }));
    },
  };
}

/**
 * One file, bundled as the CLI is, that imports each of `libraries` whole and does nothing else:
 * what loading them costs a command, with no code of ours. `outfile` must be under the project
 * (the libraries left unbundled resolve from its node_modules).
 */
export async function bundleLibraries(
  libraries: readonly string[],
  outfile: string,
): Promise<void> {
  const imports = libraries.map(
    (name, index) => `import * as l${index} from ${JSON.stringify(name)};`,
  );
  const kept = `globalThis.gazetteLibraries = [${libraries.map((_, index) => `l${index}`).join(", ")}];`;
  await build({
    ...BUNDLE_OPTIONS,
    stdin: { contents: [...imports, kept].join("\n"), resolveDir: ROOT, loader: "js" },
    outfile,
    plugins: [
      keepUnbundledPackagesExternal(),
      zodWithEnglishOnly(),
      commanderSpawnOnUse(),
      nodeCronInTheBundle(),
    ],
  });
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

function keepUnbundledPackagesExternal(): Plugin {
  return {
    name: "gazette-external-packages",
    setup(bundle) {
      // A bare specifier: a Node.js built-in or a package.
      bundle.onResolve({ filter: /^[^./]/ }, (args) =>
        BUNDLED.has(packageName(args.path)) ? undefined : { external: true },
      );
    },
  };
}

// zod's `z.locales` namespace holds its messages in some 50 languages, 300 KB that every command
// on the store would compile: esbuild keeps them all, since `z` is one object. Gazette's messages
// are English (zod's default, which zod's schemas import directly), and nothing reads `z.locales`:
// the bundle's `z.locales` holds English alone.
const ZOD_LOCALES = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/;

function zodWithEnglishOnly(): Plugin {
  return {
    name: "gazette-zod-english",
    setup(bundle) {
      bundle.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        ZOD_LOCALES.test(args.importer)
          ? {
              path: path.join(path.dirname(args.importer), "../locales/en.js"),
              namespace: "zod-en",
            }
          : undefined,
      );
      bundle.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};`,
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

// commander requires node:child_process when it loads, for the subcommands it runs as programs of
// their own (gazette has none), and child_process loads net, dgram and Node's streams: some 3 ms
// of every start. The bundle requires it when commander spawns.
function commanderSpawnOnUse(): Plugin {
  return rewritePackageFile("commander", /[\\/]commander[\\/]lib[\\/]command\.js$/, [
    [
      "const childProcess = require('node:child_process');",
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    ],
  ]);
}

// node-cron (its ES module form, which the bundle takes) finds its daemon beside itself by
// import.meta.url, which a CommonJS bundle lacks: the URL is its own file's, resolved when first
// needed (resolving it costs every command some 5 ms of searching node_modules, and only a task
// given as a file, which gazette never gives, forks the daemon). Its child_process is required
// when it forks, as commander's is.
function nodeCronInTheBundle(): Plugin {
  // Not require.resolve(…), which esbuild would follow and bundle node-cron's CommonJS form for.
  const ownUrl =
    'require("node:url").pathToFileURL(require("node:module").createRequire(__filename).resolve("node-cron")).href';
  return rewritePackageFile(
    "node-cron",
    /[\\/]node-cron[\\/]dist[\\/]node-cron\.js$/,
    [
      [
        "import { fork } from 'child_process';",
        'const fork = (...args) => require("node:child_process").fork(...args);',
      ],
      [
        "const daemonPath = resolve(dirname(fileURLToPath(import.meta.url)), 'daemon.js');",
        `let daemonPathOnce; const daemonPath = () => (daemonPathOnce ??= resolve(dirname(fileURLToPath(${ownUrl})), 'daemon.js'));`,
      ],
      ["fork(daemonPath)", "fork(daemonPath())"],
      [
        "const moduleFilename = fileURLToPath(import.meta.url);",
        `let moduleFilenameOnce; const moduleFilename = () => (moduleFilenameOnce ??= fileURLToPath(${ownUrl}));`,
      ],
      ["line.indexOf(moduleFilename)", "line.indexOf(moduleFilename())"],
    ],
    "import.meta.url",
  );
}

/**
 * A plugin that bundles a package's file (`file`, under node_modules) with each text of
 * `replacements` replaced, everywhere; a text that is not there, or `leftOver` still there after,
 * fails the build (the package changed, and the rewrite with it must be looked at again).
 */
function rewritePackageFile(
  name: string,
  file: RegExp,
  replacements: readonly (readonly [string, string])[],
  leftOver?: string,
): Plugin {
  return {
    name: `gazette-rewrite-${name}`,
    setup(bundle) {
      bundle.onLoad({ filter: file }, (args) => {
        let contents = readFileSync(args.path, "utf8");
        for (const [text, replacement] of replacements) {
          if (!contents.includes(text)) {
            throw new Error(`${args.path}: no "${text}" to replace (${name} changed)`);
          }
          contents = contents.replaceAll(text, replacement);
        }
        if (leftOver !== undefined && contents.includes(leftOver)) {
          throw new Error(
            `${args.path}: "${leftOver}" is left after the rewrite (${name} changed)`,
          );
        }
        return { contents, loader: "js" };
      });
    },
  };
}

function moduleUrlsOfCompiledCopies(): Plugin {
  return {
    name: "gazette-module-urls",
    setup(bundle) {
      bundle.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta")) return undefined;
        const compiled = path
          .relative(path.join(ROOT, "src"), args.path)
          .replace(/\.ts$/, ".js")
          .split(path.sep)
          .join("/");
        const rewritten = source.replaceAll(
          "import.meta.url",
          JSON.stringify(URL_TOKEN + compiled),
        );
        if (rewritten.includes("import.meta")) {
          throw new Error(`${args.path}: only import.meta.url is supported in the bundled CLI`);
        }
        return { contents: rewritten, loader: "ts" };
      });
    },
  };
}

/** The tokens in the bundle, each replaced by the URL of tsc's copy of its module. */
function withModuleUrls(text: string): string {
  const pattern = new RegExp(`"${URL_TOKEN}([^"]+)"`, "g");
  const replaced = text.replace(pattern, (_match, compiled: string) => {
    const relative = path.relative(OUT_DIR, path.join(ROOT, "dist", compiled));
    return `require("node:url").pathToFileURL(require("node:path").join(__dirname,${JSON.stringify(relative.split(path.sep).join("/"))})).href`;
  });
  if (replaced.includes(URL_TOKEN)) throw new Error(`a module URL was left unresolved`);
  return replaced;
}

/**
 * The bundle with each import() of a package it leaves out (MJML, eld…) made by bin/run-bundle.cjs,
 * which passes its own import() in as `__gazetteImport`: run by vm.Script, the bundle's own would
 * need Node 20's experimental vm modules (an error, or a warning printed by every command that
 * imports). Those packages then load as ES modules, as they did before the bundle.
 */
function withNativeImports(text: string): string {
  const replaced = text.replace(/\bimport\(("[^"]+")\)/g, "__gazetteImport($1)");
  if (/\bimport\(/.test(replaced))
    throw new Error("the bundle calls import() with no package name");
  return replaced;
}

/**
 * The bundle with each character beyond ASCII written as its \u escape, which means the same in a
 * string, a template, a regular expression (with or without the u flag, a surrogate pair of
 * escapes is the one character) and a comment: bin/run-bundle.cjs reads one byte per character,
 * several times faster than decoding UTF-8. esbuild's `charset: "ascii"` leaves regular
 * expressions as they are.
 */
function asciiOnly(text: string): string {
  // "\\é" would become "\\\\u00e9", a backslash and five letters: none is written today.
  if (/\\[^\0-\x7f]/.test(text)) throw new Error("the bundle escapes a character beyond ASCII");
  return text.replace(
    /[^\0-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

if (process.argv[1] === import.meta.filename) await bundleCli();
