// Bundles the compiled CLI for a fast start (issue 17 §6); `npm run build` runs it after tsc.
//
// Node 20 loads an ES module graph file by file: a command on the store resolves, reads and
// compiles some 450 modules (Kysely's 262 and zod's 95 among them) before it does anything. The
// bundle is dist/cli/bin.js, the entry that bin/gazette.js imports, with our sources and the
// libraries every command on the store loads (BUNDLED) in a few files. Each dynamic `import()`
// stays a separate chunk in dist/cli/chunks/, so a command still loads only what it uses. The
// other libraries stay in node_modules: the native SQLite driver, those that find files beside
// themselves (node-cron's daemon, MJML's components), and those that only some commands load.
// Worker threads keep running tsc's dist/ (their entry points are files, not imports).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT_DIR = path.join(ROOT, "dist/cli");
const CHUNKS = "chunks";

/** The libraries bundled: those that `gazette status` loads, each hundreds of files or more. */
const BUNDLED = new Set(["commander", "kysely", "zod", "yaml", "cron-parser", "luxon"]);

/**
 * Every library that `gazette status` and `gazette lists` load: the config's (yaml, zod, the two
 * cron parsers, luxon), the store's (Kysely, the SQLite driver) and commander.
 * test/cli/startup.test.ts holds the commands to this list; `npm run bench:cli` times these
 * libraries alone, the part of a start that is theirs.
 */
export const STORE_COMMAND_LIBRARIES = [...BUNDLED, "better-sqlite3", "node-cron"].sort();

/**
 * What the bundle holds of node_modules, by output file (relative to dist/cli/): read by
 * test/cli/startup.test.ts, which checks which libraries a command loads.
 */
export const PACKAGES_MANIFEST = path.join(OUT_DIR, CHUNKS, "packages.json");

// A module's own URL (import.meta.url) locates its worker or its templates: in the bundle it is
// the URL of tsc's compiled copy of the module, beside which those files are. Written as a token
// while bundling, since which chunk a module lands in is known only after.
const URL_TOKEN = "__gazette_module_url__:";

/** How the CLI is bundled, and the libraries alone that bench:cli compares it with. */
const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS (commander, yaml) requires Node's built-in modules.
  banner: {
    js: 'import{createRequire as __gazetteCreateRequire}from"node:module";const require=__gazetteCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
} satisfies BuildOptions;

/** Builds dist/cli/bin.js and dist/cli/chunks/ from src/ (dist/ must already hold tsc's build). */
export async function bundleCli(): Promise<void> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: { bin: "src/cli/bin.ts" },
    outdir: OUT_DIR,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    splitting: true,
    metafile: true,
    write: false,
    plugins: [keepUnbundledPackagesExternal(), zodWithEnglishOnly(), moduleUrlsOfCompiledCopies()],
  });
  mkdirSync(path.join(OUT_DIR, CHUNKS), { recursive: true });
  for (const file of result.outputFiles) {
    writeFileSync(file.path, withModuleUrls(file.text, path.dirname(file.path)));
  }
  writeFileSync(PACKAGES_MANIFEST, `${JSON.stringify(packagesByOutput(result.metafile))}\n`);
  // The chunks of an earlier build, removed after the new ones are written (their names hash
  // their contents): a CLI started meanwhile finds the files it imports.
  const written = new Set([...result.outputFiles.map((file) => file.path), PACKAGES_MANIFEST]);
  for (const name of readdirSync(path.join(OUT_DIR, CHUNKS))) {
    const file = path.join(OUT_DIR, CHUNKS, name);
    if (!written.has(file)) rmSync(file);
  }
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
    plugins: [keepUnbundledPackagesExternal(), zodWithEnglishOnly()],
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

/** The tokens in one output file, each replaced by the URL of tsc's copy of its module. */
function withModuleUrls(text: string, outputDir: string): string {
  const pattern = new RegExp(`"${URL_TOKEN}([^"]+)"`, "g");
  const replaced = text.replace(pattern, (_match, compiled: string) => {
    const relative = path.relative(outputDir, path.join(ROOT, "dist", compiled));
    return `new URL(${JSON.stringify(relative.split(path.sep).join("/"))},import.meta.url).href`;
  });
  if (replaced.includes(URL_TOKEN)) throw new Error(`a module URL was left unresolved`);
  return replaced;
}

function packagesByOutput(metafile: Metafile): Record<string, string[]> {
  const byOutput: Record<string, string[]> = {};
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const names = Object.keys(inputs)
      .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
      .filter((name): name is string => name !== undefined);
    if (names.length > 0) {
      byOutput[path.relative(OUT_DIR, path.join(ROOT, output))] = [...new Set(names)].sort();
    }
  }
  return byOutput;
}

if (process.argv[1] === import.meta.filename) await bundleCli();
