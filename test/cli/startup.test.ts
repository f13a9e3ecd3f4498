import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { STORE_COMMAND_LIBRARIES } from "../../scripts/bundle-cli.js";
import { ROOT, runCli, runNode } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { HEAVY_LIBRARIES as HEAVY, LIGHT_ENTRIES } from "../helpers/heavy-libraries.js";

// Issue 17 §6: a command runs the libraries it uses and no others. Timing belongs to
// `npm run bench:cli`; these tests watch what a command reaches and loads, which does not drift.

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gazette-startup-"));
  writeDemoConfig(dir, { name: "Startup Test" });
  // Preloaded into a command's process: writes each file it loads (required or imported) to a file.
  writeFileSync(
    path.join(dir, "record-loads.cjs"),
    `const { appendFileSync } = require("node:fs");
const Module = require("node:module");
const file = process.env.LOAD_LOG;
const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  appendFileSync(file, filename + "\\n");
  return load.call(this, filename);
};
Module.register("data:text/javascript," + encodeURIComponent(
  "import{appendFileSync}from'node:fs';export async function resolve(s,c,n){const r=await n(s,c);" +
  "appendFileSync(" + JSON.stringify(file) + ",r.url+'\\\\n');return r;}"));
`,
  );
});

/** Our dependencies (package.json). */
const DEPENDENCIES = Object.keys(
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies,
);

/**
 * What a command's process ran, from V8's log of each function's first run
 * (--log-function-events) and the files it required or imported: esbuild names the function that
 * runs a bundled module after the module's path.
 */
async function runLogged(
  args: string[],
): Promise<{ functions: string[]; files: string[]; scripts: string[] }> {
  const name = args.join("-");
  const functionLog = path.join(dir, `functions-${name}.log`);
  const loadLog = path.join(dir, `loaded-${name}.txt`);
  writeFileSync(loadLog, "");
  const result = await runCli(["--config", "gazette.yaml", ...args], {
    cwd: dir,
    env: { LOAD_LOG: loadLog },
    nodeArgs: [
      "--log-function-events",
      `--logfile=${functionLog}`,
      "--no-logfile-per-isolate",
      "--require",
      path.join(dir, "record-loads.cjs"),
    ],
  });
  expect(result.code, result.stderr).toBe(0);
  const log = readFileSync(functionLog, "utf8").split("\n");
  const functions = log
    .filter((line) => line.startsWith("function,first-execution,"))
    .map((line) => line.split(",").at(-1) ?? "");
  // The scripts V8 compiled or deserialized, by file name: which bundle ran.
  const scripts = log
    .filter((line) => line.startsWith("script-details,"))
    .map((line) => path.basename(line.split(",")[2] ?? ""));
  const files = readFileSync(loadLog, "utf8")
    .split("\n")
    .map((line) => line.replace(/^file:\/\//, ""))
    .filter((line) => line.startsWith("/"));
  return { functions, files: [...new Set(files)], scripts: [...new Set(scripts)] };
}

const PACKAGE_PATH = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/**
 * The libraries a command ran: those in the bundle of which a module ran, and those of our
 * dependencies it loaded from node_modules (not theirs: better-sqlite3 loads `bindings`).
 */
async function librariesRunBy(args: string[]): Promise<{ bundled: string[]; loaded: string[] }> {
  const { functions, files } = await runLogged(args);
  const names = (paths: string[]) => [
    ...new Set(paths.flatMap((file) => PACKAGE_PATH.exec(file)?.[1] ?? [])),
  ];
  return {
    bundled: names(functions).sort(),
    loaded: names(files.filter((file) => !LIGHT_ENTRIES.some((entry) => entry.file.test(file))))
      .filter((library) => DEPENDENCIES.includes(library))
      .sort(),
  };
}

describe("gazette starts without what it does not use", () => {
  // src/cli/command-list.ts: a command's module runs when the command is dispatched, not for the list.
  it("--help runs no library but commander, and loads none from node_modules", async () => {
    expect(await librariesRunBy(["--help"])).toEqual({ bundled: ["commander"], loaded: [] });
  });

  // bin/gazette.js: global options alone run the bundle without the commands' modules.
  it.each([
    [["--help"], "gazette-help.cjs"],
    [["--version"], "gazette-help.cjs"],
    [["status", "--help"], "gazette.cjs"],
    [["help", "status"], "gazette.cjs"],
    [["lists"], "gazette.cjs"],
  ])("%j runs %s", async (args, bundle) => {
    const { scripts } = await runLogged(args);
    expect(scripts.filter((name) => name.endsWith(".cjs") && name.startsWith("gazette"))).toEqual([
      bundle,
    ]);
  });

  // The list that bench:cli times alone, to tell the libraries' part of a start from ours.
  it.each([["status"], ["lists"]])(
    "%s runs the config's and the store's libraries and no other",
    async (command) => {
      const { bundled, loaded } = await librariesRunBy([command]);
      expect([...bundled, ...loaded].filter((name) => HEAVY.includes(name))).toEqual([]);
      expect([...new Set([...bundled, ...loaded])].sort()).toEqual(STORE_COMMAND_LIBRARIES);
      // The native SQLite driver: its JavaScript is in the bundle, its compiled addon is not.
      expect(bundled).toContain("better-sqlite3");
      expect(loaded).toEqual(["better-sqlite3"]);
    },
  );

  // scripts/bundle-cli.ts: node:crypto and node:worker_threads load when first used; commander's
  // and node-cron's child_process (net, dgram behind it) when they spawn.
  it("status loads none of Node's modules that it does not use", async () => {
    // Alone: the ESM hook of runLogged runs on a worker thread, which loads some of them.
    const log = path.join(dir, "builtins-status.txt");
    const preload = path.join(dir, "record-builtins.cjs");
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join("\\n")));`,
    );
    const result = await runCli(["--config", "gazette.yaml", "status"], {
      cwd: dir,
      // Extra CA certificates are read at start, with node:crypto.
      env: { NODE_EXTRA_CA_CERTS: undefined },
      nodeArgs: ["--require", preload],
    });
    expect(result.code, result.stderr).toBe(0);
    const builtins = readFileSync(log, "utf8")
      .split("\n")
      .flatMap((line) => /^NativeModule (\S+)$/.exec(line)?.[1] ?? []);
    expect(builtins).toContain("vm");
    expect(
      builtins.filter((name) =>
        ["crypto", "worker_threads", "child_process", "dgram"].includes(name),
      ),
    ).toEqual([]);
  });

  // Node 20 reads, compiles and links an ES module graph file by file: `status` loaded 465 files
  // (Kysely's 262 and zod's 95 among them) before the build bundled the CLI.
  it("status loads the bundle: a few dozen files, none of Kysely's or zod's own", async () => {
    const { files } = await runLogged(["status"]);
    expect(files).toContain(path.join(ROOT, "bin/run-bundle.cjs"));
    expect(
      files.filter((file) => /\/node_modules\/(kysely|zod|yaml|commander)\//.test(file)),
    ).toEqual([]);
    expect(files.length).toBeLessThan(50);
  });

  // The bundle keeps zod's English messages alone (scripts/bundle-cli.ts drops its other locales).
  it("a config error names the problem in zod's English", async () => {
    const bad = path.join(dir, "bad-topics");
    mkdirSync(bad, { recursive: true });
    writeDemoConfig(bad, { name: "Startup Test", extra: 'topics:\n  - ""\n' });
    const result = await runCli(["--config", "gazette.yaml", "status"], { cwd: bad });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /gazette\.yaml:\d+ topics\[0\]: Too small: expected string to have >=1 characters/,
    );
  });
});

// bin/run-bundle.cjs keeps V8's compiled code of a bundle in .cache/ beside it, one file per command.
describe("the compiled code kept on disk", () => {
  const RUN_BUNDLE = path.join(ROOT, "bin/run-bundle.cjs");
  // A fixed modification time, so that a test can rewrite a bundle and keep the cache's key.
  const MTIME = 1_700_000_000;

  function writeBundle(folder: string, text: string): string {
    mkdirSync(folder, { recursive: true });
    const bundle = path.join(folder, "b.cjs");
    writeFileSync(
      bundle,
      `console.log(${JSON.stringify(text)}); process.exitCode = +process.argv[3];\n`,
    );
    utimesSync(bundle, MTIME, MTIME);
    return bundle;
  }

  const cacheFiles = (folder: string) =>
    existsSync(path.join(folder, ".cache")) ? readdirSync(path.join(folder, ".cache")) : [];

  it("is written after a run that succeeds, named for its command, and used by the next", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gazette-code-cache-"));
    const bundle = writeBundle(folder, "one");
    expect((await runNode([RUN_BUNDLE, bundle, "status", "0"])).stdout).toBe("one\n");
    expect(cacheFiles(folder)).toEqual([expect.stringMatching(/^b\.cjs-status-v\d+\.\d+\.\d+-/)]);
    // Same length, same time: the key holds, and V8 runs the code it kept (it checks only the
    // source's length). This shows the cache is read; a real build changes the time.
    writeBundle(folder, "two");
    expect((await runNode([RUN_BUNDLE, bundle, "status", "0"])).stdout).toBe("one\n");
  });

  it("is not used for a bundle rebuilt since, even of the same length", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gazette-code-cache-"));
    const bundle = writeBundle(folder, "one");
    expect((await runNode([RUN_BUNDLE, bundle, "lists", "0"])).stdout).toBe("one\n");
    writeBundle(folder, "two");
    utimesSync(bundle, MTIME + 1, MTIME + 1);
    expect((await runNode([RUN_BUNDLE, bundle, "lists", "0"])).stdout).toBe("two\n");
    expect(cacheFiles(folder)).toHaveLength(2);
  });

  it("goes to the user's own cache folder where the bundle's folder cannot hold it", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gazette-code-cache-"));
    const bundle = writeBundle(folder, "one");
    writeFileSync(path.join(folder, ".cache"), ""); // a file: no folder can be made there
    const env = { XDG_CACHE_HOME: path.join(folder, "user-cache") };
    // Not writing beside the bundle is no error: nothing on stderr, exit code 0.
    expect(await runNode([RUN_BUNDLE, bundle, "status", "0"], { env })).toEqual({
      code: 0,
      stdout: "one\n",
      stderr: "",
    });
    const userOwn = path.join(folder, "user-cache", "gazette", "compile-cache");
    expect(readdirSync(userOwn)).toEqual([expect.stringMatching(/^b\.cjs-status-/)]);
    writeBundle(folder, "two"); // same length and time: the code kept there is run
    expect((await runNode([RUN_BUNDLE, bundle, "status", "0"], { env })).stdout).toBe("one\n");
  });

  it("is kept apart for each set of Node's flags: a run with others does not replace it", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gazette-code-cache-"));
    const bundle = writeBundle(folder, "one");
    expect((await runNode([RUN_BUNDLE, bundle, "status", "0"])).stdout).toBe("one\n");
    // V8 rejects code kept under other flags; before, such a run wrote its own over the plain one.
    const flagged = await runNode([RUN_BUNDLE, bundle, "status", "0"], {
      nodeArgs: ["--stack-size=900"],
    });
    expect(flagged.stdout).toBe("one\n");
    expect(cacheFiles(folder)).toHaveLength(2);
    writeBundle(folder, "two"); // same length and time: the plain run's code is still there
    expect((await runNode([RUN_BUNDLE, bundle, "status", "0"])).stdout).toBe("one\n");
  });

  it("is not written after a failed run, nor with NODE_DISABLE_COMPILE_CACHE=1", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gazette-code-cache-"));
    const bundle = writeBundle(folder, "one");
    expect((await runNode([RUN_BUNDLE, bundle, "status", "2"])).code).toBe(2);
    const disabled = await runNode([RUN_BUNDLE, bundle, "status", "0"], {
      env: { NODE_DISABLE_COMPILE_CACHE: "1" },
    });
    expect(disabled.code).toBe(0);
    expect(cacheFiles(folder)).toEqual([]);
  });
});
