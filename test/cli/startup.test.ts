import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGES_MANIFEST, STORE_COMMAND_LIBRARIES } from "../../scripts/bundle-cli.js";
import { CLI_ENTRY, runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { HEAVY_LIBRARIES as HEAVY, LIGHT_ENTRIES } from "../helpers/heavy-libraries.js";

// Issue 17 §6: a command loads the libraries it uses and no others. Timing belongs to
// `npm run bench:cli`; this test watches what a command imports, which does not drift.

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gazette-startup-"));
  writeDemoConfig(dir, { name: "Startup Test" });
  // A module resolve hook (module.register) that writes each resolved URL to a file.
  writeFileSync(
    path.join(dir, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + "\\n");
  return result;
}
`,
  );
});

/** The files (file: URLs) a command's process imported, in the order it resolved them. */
async function filesLoadedBy(args: string[]): Promise<string[]> {
  const log = path.join(dir, `loaded-${args.join("-")}.txt`);
  writeFileSync(log, "");
  const hooks = pathToFileURL(path.join(dir, "hooks.mjs")).href;
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)},{data:{file:${JSON.stringify(log)}}});`;
  const result = await runCli(["--config", "gazette.yaml", ...args], {
    cwd: dir,
    nodeArgs: ["--import", register],
  });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.startsWith("file:"));
}

/** The packages (node_modules folders) a command's process imported, each once. */
async function packagesLoadedBy(args: string[]): Promise<string[]> {
  // The libraries that the build bundled come with the files of the bundle that hold them.
  const bundled: Record<string, string[]> = JSON.parse(readFileSync(PACKAGES_MANIFEST, "utf8"));
  const files = (await filesLoadedBy(args)).filter(
    (url) => !LIGHT_ENTRIES.some((entry) => entry.file.test(url)),
  );
  const names = files.flatMap((url) => {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name !== undefined) return [name];
    return bundled[path.relative(path.dirname(CLI_ENTRY), fileURLToPath(url))] ?? [];
  });
  return [...new Set(names)].sort();
}

describe("gazette starts without what it does not use", () => {
  it("--help loads no library but commander", async () => {
    expect(await packagesLoadedBy(["--help"])).toEqual(["commander"]);
  });

  // src/cli/command-list.ts: a command's module loads when it is dispatched, not for the list.
  // esbuild names the chunk of an import() after its module (status-….js), a shared one chunk-….js.
  it("--help loads no command's module, nor any other import()", async () => {
    const names = (await filesLoadedBy(["--help"]))
      .filter((url) => url.includes("/dist/cli/"))
      .map((url) => path.basename(fileURLToPath(url)));
    expect(names).toContain("bin.js");
    expect(names.filter((name) => name !== "bin.js" && !name.startsWith("chunk-"))).toEqual([]);
    const status = (await filesLoadedBy(["status"])).map((url) => path.basename(url));
    expect(status.some((name) => name.startsWith("status-"))).toBe(true);
  });

  // The list that bench:cli times alone, to tell the libraries' part of a start from ours.
  it.each([["status"], ["lists"]])(
    "%s loads the config's and the store's libraries and no other",
    async (command) => {
      const loaded = await packagesLoadedBy([command]);
      expect(loaded.filter((name) => HEAVY.includes(name))).toEqual([]);
      expect(loaded).toEqual(STORE_COMMAND_LIBRARIES);
    },
  );

  // Node 20 reads, compiles and links an ES module graph file by file: `status` loaded 465 files
  // (Kysely's 262 and zod's 95 among them) before the build bundled the CLI.
  it("status loads the bundle: a few dozen files, none of Kysely's or zod's own", async () => {
    const files = await filesLoadedBy(["status"]);
    expect(
      files.filter((url) => /\/node_modules\/(kysely|zod|yaml|commander)\//.test(url)),
    ).toEqual([]);
    expect(new Set(files).size).toBeLessThan(50);
  });

  // The bundle keeps zod's English messages alone (scripts/bundle-cli.ts drops its other locales).
  it("a config error names the problem in zod's English", async () => {
    const bad = path.join(dir, "bad-topics");
    mkdirSync(bad, { recursive: true });
    writeDemoConfig(bad, { name: "Startup Test", extra: "topics:\n  - 5\n" });
    const result = await runCli(["--config", "gazette.yaml", "status"], { cwd: bad });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /gazette\.yaml:\d+ topics\[0\]: Invalid input: expected string, received number/,
    );
  });
});
