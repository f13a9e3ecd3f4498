import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ENTRY, ROOT, runCli } from "../helpers/cli.js";

function writeConfig(dir: string): void {
  writeFileSync(
    path.join(dir, "gazette.yaml"),
    `newsletter:
  name: Subscribers Test
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@news.example.com>
templates: ${path.join(ROOT, "templates")}
subscribersFile: subscribers.csv
feeds:
  - url: ${path.join(ROOT, "examples/feeds/quarry-data.xml")}
    name: quarry
    tags: [data]
lists:
  - id: weekly
    name: Weekly
  - id: data
    name: Data
    feeds: { tags: [data] }
    maxPerSource: 2
    filters:
      exclude: ["/hiring/i"]
`,
  );
}

describe("gazette subscribers and lists", () => {
  let dir: string;
  const cli = (args: string[]) => runCli(["--config", "gazette.yaml", ...args], { cwd: dir });
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-subscribers-"));
    writeConfig(dir);
    write("subscribers.csv", "email\n");
  });

  it("imports with --dry-run and --skip-invalid, naming bad lines", async () => {
    write(
      "people.csv",
      'ann@example.com,Ann\nbad-address,Bob\n"x@y"@example.com,Quoted\ncy@example.com,Cy,data\n',
    );
    const refused = await cli(["subscribers", "import", "people.csv", "--list", "weekly"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing imported: 2 bad rows/);
    expect(refused.stderr).toMatch(/people\.csv:2: "bad-address" is not a valid email address/);
    expect(refused.stderr).toMatch(
      /people\.csv:3: ""x@y"@example\.com" is not a valid email address/,
    );

    const dry = await cli([
      "subscribers",
      "import",
      "people.csv",
      "--list",
      "weekly",
      "--skip-invalid",
      "--dry-run",
    ]);
    expect(dry.stdout).toMatch(
      /Would import people\.csv: 4 rows · 2 added, 0 updated, 0 unchanged, 2 skipped/,
    );
    expect((await cli(["subscribers", "list"])).stdout).toBe("");

    const real = await cli([
      "subscribers",
      "import",
      "people.csv",
      "--list",
      "weekly",
      "--skip-invalid",
    ]);
    expect(real.stdout).toMatch(/Imported people\.csv: 4 rows · 2 added/);
    expect((await cli(["subscribers", "list"])).stdout).toBe(
      "cy@example.com\tCy\tdata\tactive\nann@example.com\tAnn\tweekly\tactive\n",
    );
  });

  it("says so when the file to import has no rows, so a wrong or empty file is noticed", async () => {
    write("empty.csv", "");
    const empty = await cli(["subscribers", "import", "empty.csv", "--list", "weekly"]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("Imported empty.csv: 0 rows");
    expect(empty.stdout).toContain(
      "  ! empty.csv has no subscriber rows: check that it is the file you meant",
    );
    write("one.csv", "email\nnew-one@example.com\n");
    const one = await cli(["subscribers", "import", "one.csv", "--list", "weekly", "--dry-run"]);
    expect(one.stdout).not.toContain("has no subscriber rows");
  });

  it("exports CSV that imports back unchanged, statuses included", async () => {
    await cli(["subscribers", "export", "--output", "out.csv"]);
    const exported = readFileSync(path.join(dir, "out.csv"), "utf8");
    expect(exported).toBe(
      "email,name,lists,status\nann@example.com,Ann,weekly,active\ncy@example.com,Cy,data,active\n",
    );
    const again = await cli(["subscribers", "import", "out.csv", "--list", "weekly"]);
    expect(again.stdout).toMatch(/0 added, 0 updated, 2 unchanged/);
  });

  it("takes an address in another case for the same person, and refuses look-alike addresses", async () => {
    write("left.csv", "email,lists,status\nFAY@example.com,weekly,unsubscribed\n");
    await cli(["subscribers", "import", "left.csv", "--list", "weekly"]);
    const again = await cli(["subscribers", "add", "Fay@Example.com", "--list", "weekly"]);
    expect(again.stdout).toMatch(/Fay@example\.com is already on weekly; status kept/);
    const list = (await cli(["subscribers", "list", "--list", "weekly"])).stdout;
    expect(list.split("\n").filter((line) => /fay@/i.test(line))).toEqual([
      "FAY@example.com\t\tweekly\tunsubscribed",
    ]);
    const spoof = await cli(["subscribers", "add", "f\u200bay@example.com", "--list", "weekly"]);
    expect(spoof.code).toBe(2);
    expect(spoof.stderr).toMatch(
      /"f<U\+200B>ay@example\.com" is not a valid email address: it contains an invisible character U\+200B/,
    );
  });

  // Control characters in a name would reach the operator's terminal (an ESC starts an escape
  // sequence) and every email that greets the subscriber.
  it("keeps a name to one line of text, and lists none with a control character", async () => {
    const hostile = "Gil\u001b]0;pwned\u0007\nBcc: x@y.z";
    const add = (email: string, name: string) =>
      cli(["subscribers", "add", email, "--list", "weekly", "--name", name]);
    expect((await add("gil@example.com", hostile)).code).toBe(0);
    const tooLong = await add("hal@example.com", "x".repeat(201));
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/--name: the name is longer than 200 characters/);
    // A name stored before names were cleaned, as it may still be in an older store.
    const db = new Database(path.join(dir, "data/gazette.db"));
    db.prepare("UPDATE subscribers SET name = ? WHERE email = ?").run(hostile, "gil@example.com");
    db.close();
    const list = (await cli(["subscribers", "list", "--list", "weekly"])).stdout;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(list).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(list.split("\n").filter((line) => line.startsWith("gil@"))).toEqual([
      "gil@example.com\tGil]0;pwned Bcc: x@y.z\tweekly\tactive",
    ]);
  });

  it("lists show feeds, filters and counts by status", async () => {
    const lists = await cli(["lists"]);
    expect(lists.stdout).toMatch(
      /data — Data\n {2}subscribers: 1 active\n {2}feeds: tagged data · exclude \/hiring\/i · at most 2 per feed/,
    );
  });

  it("run syncs the subscribers file and removes nobody unless told to", async () => {
    write("subscribers.csv", "email,lists\ndee@example.com,weekly\neve@example.com,weekly\n");
    const first = await cli(["run", "--dry-run"]);
    expect(first.stdout).toMatch(/Subscribers file: 2 added/);
    write("subscribers.csv", "email,lists\ndee@example.com,weekly\n");
    const kept = await cli(["run", "--dry-run"]);
    expect(kept.stdout).toMatch(
      /1 membership is no longer in .*subscribers\.csv; run with --prune-subscribers/,
    );
    expect((await cli(["subscribers", "list", "--list", "weekly"])).stdout).toContain(
      "eve@example.com",
    );
    const pruned = await cli(["run", "--dry-run", "--prune-subscribers"]);
    expect(pruned.stdout).toMatch(/Subscribers file: 0 added, 0 updated, 1 unchanged, 1 removed/);
    const left = (await cli(["subscribers", "list", "--list", "weekly"])).stdout;
    expect(left).not.toContain("eve@example.com");
    expect(left).toContain("ann@example.com");
  });

  it("imports without --list when every row names its lists, warning of unknown columns", async () => {
    write(
      "named.csv",
      '"Email Address","First Name","Last Name",Lists,OPTIN_IP\nhal@example.com,Hal,Abelson,data,192.0.2.1\n',
    );
    const imported = await cli(["subscribers", "import", "named.csv"]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported named\.csv: 1 row · 1 added/);
    expect(imported.stdout).toContain('  ! named.csv:1: column "OPTIN_IP" ignored');
    expect((await cli(["subscribers", "list", "--list", "data"])).stdout).toContain(
      "hal@example.com\tHal Abelson\tdata\tactive",
    );
    write("unnamed.csv", "email\nivy@example.com\n");
    const refused = await cli(["subscribers", "import", "unnamed.csv"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "unnamed.csv:2: no list: give the row a lists cell or pass --list (weekly, data)",
    );
  });

  it("serve answers on a free port and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [CLI_ENTRY, "--config", "gazette.yaml", "serve", "--port", "0"],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const { url, out } = await new Promise<{ url: string; out: string }>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1] && out.includes("confirmation emails via")) resolve({ url: match[1], out });
      });
      child.on("exit", () => reject(new Error(`serve exited: ${out}`)));
    });
    // Which transport the signup form's emails take, so nobody waits for mail the outbox kept.
    expect(out).toContain(
      `  confirmation emails via: outbox (.eml files in ${path.join(dir, "data/outbox")}, nothing is sent)`,
    );
    const page = await fetch(`${url}/subscribe`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Subscribe</h1>");
    // The web version's links, which carry no personal token.
    for (const [where, title] of [
      ["/unsubscribe", "Unsubscribe"],
      ["/preferences", "Manage your preferences"],
      ["/archive/", "Archive"],
    ]) {
      const answer = await fetch(`${url}${where}`);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain(`<h1>${title}</h1>`);
    }
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
