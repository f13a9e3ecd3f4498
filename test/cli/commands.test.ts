import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ENTRY, runCli } from "../helpers/cli.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

// The demo feeds behind a config in a temp directory, on a weekly schedule.
function writeConfig(dir: string): void {
  writeDemoConfig(dir, {
    name: "CLI Test",
    list: [
      'schedule: { cron: "0 9 * * MON", timezone: America/New_York, missWindow: 1m }',
      // The list's own sender: test copies go out in it like the issue (it was ignored).
      'sender: { from: "Weekly Desk <desk@news.example.com>", replyTo: editor@news.example.com }',
    ],
  });
}

const cli = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(["--config", "gazette.yaml", ...args], { cwd: dir, env });

describe("gazette CLI", () => {
  let dir: string;
  let smtp: SmtpSink;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gazette-cli-"));
    writeConfig(dir);
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());

  it("prints help for the program and for each command", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of [
      "collect",
      "enrich",
      "compose|draft",
      "render",
      "send",
      "run",
      "schedule",
      "status",
      "subscribers",
      "lists",
      "summarize",
      "feeds",
      "article",
      "issue",
      "deliveries",
      "serve",
      "preview",
    ]) {
      expect(help.stdout).toContain(command);
    }
    const sendHelp = await runCli(["send", "--help"]);
    expect(sendHelp.stdout).toContain("--to <address>");
    const bad = await runCli(["sned"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'sned'/);
  });

  it("imports subscribers, refusing the whole file when a row is bad", async () => {
    writeFileSync(
      path.join(dir, "bad.csv"),
      "email,name\nann@example.com,Ann\nnot-an-address,Bob\n",
    );
    const refused = await cli(dir, ["subscribers", "import", "bad.csv"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv:3: "not-an-address" is not a valid email address/);
    expect((await cli(dir, ["subscribers", "list"])).stdout).toBe("");

    writeFileSync(
      path.join(dir, "good.csv"),
      "Email,Name\nann@Example.COM,Ann\nbob@example.com,Bob\nann@example.com,\n",
    );
    const imported = await cli(dir, ["subscribers", "import", "good.csv"]);
    expect(imported.stdout).toMatch(/2 added/);
    const added = await cli(dir, ["subscribers", "add", "cy@example.com", "--name", "Cy"]);
    expect(added.stdout).toMatch(/Added cy@example.com to weekly/);
    const removed = await cli(dir, ["subscribers", "remove", "bob@example.com"]);
    expect(removed.stdout).toMatch(/Removed bob@example.com from 1 list/);

    const exported = await cli(dir, ["subscribers", "export"]);
    expect(exported.stdout.trim().split("\n")).toEqual([
      "email,name,lists,status",
      "ann@example.com,Ann,weekly,active",
      "cy@example.com,Cy,weekly,active",
    ]);
    const lists = await cli(dir, ["lists"]);
    expect(lists.stdout).toMatch(/subscribers: 2 active/);
    expect(lists.stdout).toMatch(
      /schedule: 0 9 \* \* MON, next \d{4}-\d\d-\d\d 09:00 EST \(America\/New_York, \d{4}-\d\d-\d\d 14:00 UTC\)|schedule: 0 9 \* \* MON, next \d{4}-\d\d-\d\d 09:00 EDT \(America\/New_York, \d{4}-\d\d-\d\d 13:00 UTC\)/,
    );
  });

  it("runs the stages one by one, renders to files and sends a test copy that records nothing", async () => {
    expect((await cli(dir, ["collect"])).stdout).toMatch(
      /Feeds: 2 fetched, 0 unchanged, 0 failed · 13 new articles/,
    );
    expect((await cli(dir, ["enrich"])).stdout).toMatch(/Summaries: 13 written/);
    expect((await cli(dir, ["draft"])).stdout).toMatch(/composed issue #1 with 13 articles/);
    expect((await cli(dir, ["compose"])).stdout).toMatch(/issue #1 is composed and not yet sent/);

    const rendered = await cli(dir, ["render"]);
    const [htmlPath, textPath] = rendered.stdout.trim().split("\n").slice(1);
    expect(readFileSync(htmlPath as string, "utf8")).toMatch(/<html[^>]*lang="en"/);
    expect(readFileSync(textPath as string, "utf8")).toContain("Why it matters");

    const test = await cli(dir, ["send", "--to", "editor@example.com"], {
      GAZETTE_TRANSPORT: smtp.url,
    });
    expect(test.code).toBe(0);
    const [copy] = await smtp.waitFor(1);
    expect(copy?.to).toEqual(["editor@example.com"]);
    const parsedCopy = await copy?.parse();
    expect(parsedCopy?.subject).toMatch(/^\[Test\] CLI Test #1: /);
    expect(parsedCopy?.from?.value[0]?.address).toBe("desk@news.example.com");
    expect(parsedCopy?.replyTo?.value[0]?.address).toBe("editor@news.example.com");
    expect(parsedCopy?.messageId).toMatch(/@news\.example\.com>$/);
    expect((await cli(dir, ["status"])).stdout).toMatch(/weekly: last issue #1 \(draft\)/);

    const sent = await cli(dir, ["send"], { GAZETTE_TRANSPORT: smtp.url });
    expect(sent.stdout).toMatch(/Issue #1 of weekly: 2 sent/);
    await smtp.waitFor(3);
    const again = await cli(dir, ["send"], { GAZETTE_TRANSPORT: smtp.url });
    expect(again.stdout).toMatch(/already sent to every subscriber; nothing to send/);
    expect(smtp.messages).toHaveLength(3);
    const status = await cli(dir, ["status"]);
    expect(status.stdout).toMatch(/weekly: last issue #1 \(sent\) · deliveries: 2 sent/);
    expect(status.stdout).toMatch(/northwind-engineering: fetched · 7 items/);
  });

  it("summarizes a JSON Lines file, and names the line of a bad row", async () => {
    const rows = [
      {
        id: "a",
        title: "Cutting CI time",
        text: "Our CI took 40 minutes.\n\nWe split the suite into shards, which cut CI time by 38% and let us merge twice as often.",
      },
    ];
    writeFileSync(
      path.join(dir, "rows.jsonl"),
      `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`,
    );
    const ok = await cli(dir, ["summarize", "--input", "rows.jsonl", "--output", "out.jsonl"]);
    expect(ok.code).toBe(0);
    const out = readFileSync(path.join(dir, "out.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(out[0]).toMatchObject({ id: "a", readMinutes: 1 });
    expect(`${out[0].summary} ${out[0].why}`).toContain("38%");
    expect(out[0].tags).toContain("ci-cd");

    writeFileSync(path.join(dir, "broken.jsonl"), `${JSON.stringify(rows[0])}\n{oops\n`);
    const bad = await cli(dir, ["summarize", "--input", "broken.jsonl", "--output", "out2.jsonl"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.jsonl:2/);
  });

  it("schedule keeps running until SIGTERM, then stops cleanly", async () => {
    const child = spawn(process.execPath, [CLI_ENTRY, "--config", "gazette.yaml", "schedule"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("next run")) resolve();
      });
      child.on("exit", () => reject(new Error(`schedule exited early: ${stdout}`)));
    });
    expect(stdout).toMatch(
      /"msg":"weekly: scheduled 0 9 \* \* MON \(America\/New_York\), next run/,
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/SIGTERM: stopping after the current run/);
    expect(stdout).toMatch(/stopped/);
    expect(readdirSync(dir)).toContain("data");
  });
});
