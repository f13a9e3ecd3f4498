import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ENTRY, type CliResult, ROOT, runCli } from "../helpers/cli.js";
import { TEST_DATABASE_URL } from "../helpers/stores.js";

// Issue 14, points 13 and 14: the mistakes a new user makes on day one end as one `gazette:`
// line with the documented exit code, and a config means the same from any folder.

/** A config in <dir>/config/ whose paths are all relative to that folder. */
function writeWorkspace(
  dir: string,
  options: { subscribersFile?: string; templates?: string | null } = {},
): string {
  mkdirSync(path.join(dir, "config"));
  mkdirSync(path.join(dir, "feeds"));
  copyFileSync(
    path.join(ROOT, "examples/feeds/orbit-mobile.xml"),
    path.join(dir, "feeds/orbit.xml"),
  );
  writeFileSync(path.join(dir, "config/people.csv"), "email,name\nada@example.com,Ada\n");
  const config = path.join(dir, "config/gazette.yaml");
  writeFileSync(
    config,
    `newsletter:
  name: Paths Test
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Paths Test <digest@news.example.com>
dataDir: ../data
subscribersFile: ${options.subscribersFile ?? "people.csv"}
${options.templates === null ? "" : `templates: ${options.templates ?? path.join(ROOT, "templates")}\n`}feeds:
  - url: ../feeds/orbit.xml
    name: Orbit
lists:
  - id: weekly
    name: Weekly
    lookback: 3650d
`,
  );
  return config;
}

/** A line that looks like part of a stack trace or Node's report of an uncaught error. */
const TRACE = /^\s+at |node:internal|Node\.js v|Unhandled 'error' event/m;

function expectOneGazetteLine(result: CliResult, pattern: RegExp): void {
  expect(result.stderr).not.toMatch(TRACE);
  const lines = result.stderr.trim().split("\n");
  expect(lines.filter((line) => line.startsWith("gazette:"))).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe("relative paths in the config", () => {
  it("resolve against the config file's folder, and a new database is announced", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-paths-"));
    const config = writeWorkspace(dir);
    const elsewhere = mkdtempSync(path.join(tmpdir(), "gazette-elsewhere-"));

    const run = await runCli(["--config", config, "run", "--dry-run"], { cwd: elsewhere });
    expect(run.code).toBe(0);
    const database = path.join(dir, "data/gazette.db");
    expect(run.stderr).toContain(`Created a new database at ${database}.`);
    expect(run.stdout).toMatch(/Subscribers file: 1 added/);
    expect(run.stdout).toMatch(/Feeds: 1 fetched, 0 unchanged, 0 failed · \d+ new articles/);
    expect(existsSync(path.join(elsewhere, "data"))).toBe(false);

    // A read-only command from a third folder finds the same database and says nothing new.
    const lists = await runCli(["--config", config, "lists"], { cwd: ROOT });
    expect(lists.code).toBe(0);
    expect(lists.stderr).not.toContain("Created a new database");
    expect(lists.stdout).toMatch(/subscribers: 1 active/);
  });
});

describe("a config written outside a checkout", () => {
  it("renders with the theme Gazette ships when templates is unset and none is beside it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-theme-"));
    const config = writeWorkspace(dir, { templates: null });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "gazette-elsewhere-"));

    const run = await runCli(["--config", config, "run"], { cwd: elsewhere });
    expect(run.stderr).not.toContain("cannot read the template");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Messages: 1 sent/);
    expect(readFileSync(path.join(dir, "data/issues/weekly/1.html"), "utf8")).toContain(
      "Paths Test",
    );
  });

  it("names a templates folder that the config sets and that is not there", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-theme-"));
    const config = writeWorkspace(dir, { templates: "my-theme" });
    const run = await runCli(["--config", config, "run"], { cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(path.join(dir, "config/my-theme/issue.mjml"));
  });
});

describe("everyday mistakes end as one gazette: line", () => {
  let dir: string;
  let config: string;
  const schema = `gz_cli_errors_${randomBytes(5).toString("hex")}`;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-errors-"));
    config = writeWorkspace(dir);
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  // feeds import and summarize printed Node's "ENOENT: no such file or directory, open …".
  it.each([
    [["subscribers", "import", "nope.csv"], "nope\\.csv"],
    [["feeds", "import", "nope.opml"], "nope\\.opml"],
    [["summarize", "--input", "nope.jsonl", "--output", "out.jsonl"], "nope\\.jsonl"],
  ])("an input file that is not there: exit 2, naming it (%j)", async (args, file) => {
    const result = await runCli(["--config", config, ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneGazetteLine(
      result,
      new RegExp(`^gazette: ${file}: no such file \\(check the path`, "m"),
    );
  });

  it.each([
    [["subscribers", "export", "--output", "no-such-folder/out.csv"]],
    [["suppressions", "export", "--output", "no-such-folder/out.csv"]],
    [["summarize", "--input", "in.jsonl", "--output", "no-such-folder/out.jsonl"]],
  ])("an --output in a folder that is not there: exit 2, naming it (%j)", async (args) => {
    writeFileSync(path.join(dir, "in.jsonl"), '{"id":1,"title":"T","text":"Some text."}\n');
    const result = await runCli(["--config", config, ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneGazetteLine(
      result,
      /^gazette: cannot write no-such-folder\/out\.\w+: its folder does not exist \(check the path/m,
    );
  });

  it.each([[["issue", "show", "x"]], [["render", "--issue", "x"]]])(
    "an issue number that is not one: exit 2, naming it (%j)",
    async (args) => {
      const result = await runCli(["--config", config, ...args], { cwd: dir });
      expect(result.code).toBe(2);
      expectOneGazetteLine(result, /^gazette: "x" is not an issue number \(a whole number from 1/m);
    },
  );

  it("inbox --watch without an inbox: exit 2 at once, instead of watching nothing", async () => {
    const result = await runCli(["--config", config, "inbox", "--watch"], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneGazetteLine(result, /^gazette: inbox --watch: no mailbox to watch: add `inbox:`/m);
    expect(result.stdout).toBe("");
  });

  it("a subscribersFile that is not there: exit 2 at config load, with file, line and key", async () => {
    const other = mkdtempSync(path.join(tmpdir(), "gazette-errors-"));
    const broken = writeWorkspace(other, { subscribersFile: "missing.csv" });
    const result = await runCli(["--config", broken, "status"], { cwd: other });
    expect(result.code).toBe(2);
    expectOneGazetteLine(result, /gazette: .*gazette\.yaml: 1 problem/);
    expect(result.stderr).toContain(
      `${broken}:8 subscribersFile: ${path.join(other, "config/missing.csv")} does not exist`,
    );
    expect(existsSync(path.join(other, "data"))).toBe(false);
  });

  it("a PostgreSQL server that refuses the connection: exit 1, saying so", async () => {
    const result = await runCli(["--config", config, "status"], {
      cwd: dir,
      env: { DATABASE_URL: "postgres://someone:secret@127.0.0.1:1/test" },
    });
    expect(result.code).toBe(1);
    expectOneGazetteLine(
      result,
      /^gazette: cannot connect to postgres:\/\/127\.0\.0\.1:1\/test: the connection was refused/m,
    );
    expect(result.stderr).not.toContain("secret");
  });

  it.each([
    ["a connection string of another kind", "Server=db;User Id=sa;Password=secret;"],
    ["a URL of another database", "mysql://root:secret"],
    ["a postgres:// URL that does not parse", "postgres://someone:secret@[db/test"],
  ])("DATABASE_URL as %s: exit 2, naming no more of it than its scheme", async (_name, url) => {
    const result = await runCli(["--config", config, "status"], {
      cwd: dir,
      env: { DATABASE_URL: url },
    });
    expect(result.code).toBe(2);
    expectOneGazetteLine(result, /^gazette: DATABASE_URL: not a valid postgres:\/\/ URL/m);
    expect(result.stderr).not.toContain("secret");
  });

  it("`status | head` on PostgreSQL: stops quietly when the reader goes away (EPIPE)", async () => {
    const env = { DATABASE_URL: TEST_DATABASE_URL, GAZETTE_DATABASE_SCHEMA: schema };
    expect((await runCli(["--config", config, "run"], { cwd: dir, env })).code).toBe(0);
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_ENTRY, "--config", config, "status"], {
        cwd: dir,
        env: { ...process.env, GAZETTE_CONFIG: "", GAZETTE_DATA_DIR: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      // `head -1`: read the first chunk, then close our end of the pipe.
      child.stdout.once("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        child.stdout.destroy();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.stdout).toMatch(/^Last runs:/);
    expect(result.stderr).not.toMatch(TRACE);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
