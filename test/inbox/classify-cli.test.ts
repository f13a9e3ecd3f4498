import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyMessage, isMailMessage } from "../../src/inbox/index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { arf, dsn, outOfOffice, unsubscribeRequest } from "./messages.js";

const FIXTURES = path.join(ROOT, "test/fixtures/bounces");
// Real messages, read where they are (../shared/bounces/README.md: never copied into the repo).
const SHARED_BOUNCES = path.join(ROOT, "../shared/bounces");

// Issue 18 #7: what the inbox would make of saved messages.
describe("gazette inbox classify", () => {
  it("prints one JSON object per file with kind, recipient, status and Message-ID", async () => {
    const files = ["mailgun-hard.eml", "resend-complaint.eml", "exchange-out-of-office.eml"].map(
      (name) => path.join(FIXTURES, name),
    );
    const result = await runCli(["inbox", "classify", ...files, "--json"]);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        file: files[0],
        kind: "hard-bounce",
        recipient: "dan@example.net",
        status: "5.1.1",
        messageId: "gz.3f9a1c2b7d4e.12.345@news.example.com",
      },
      {
        file: files[1],
        kind: "complaint",
        recipient: "hal@example.com",
        status: null,
        messageId: "gz.3f9a1c2b7d4e.12.350@news.example.com",
      },
      { file: files[2], kind: "auto-reply", recipient: null, status: null, messageId: null },
    ]);
  });

  it("names a message the MIME parser refuses and classifies the files after it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-classify-"));
    const parts = "--p\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(10_000);
    const bad = path.join(dir, "parts.eml");
    writeFileSync(
      bad,
      `From: a@example.net\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n${parts}--p--\r\n`,
    );
    const good = path.join(FIXTURES, "mailgun-hard.eml");
    const result = await runCli(["inbox", "classify", bad, good, "--json"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `gazette: ${bad}: not a readable email (Max allowed child nodes exceeded)`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ file: good, kind: "hard-bounce" });
  });

  // A CSV, a PNG and an empty file were each printed as kind "other" with exit code 0.
  it("names a file that is not a mail message, exit 2, and classifies the others", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-classify-"));
    const files = {
      csv: ["people.csv", "email,name\nada@example.com,Ada\n"],
      png: ["logo.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
      empty: ["empty.eml", ""],
      yaml: ["gazette.yaml", "newsletter:\n  name: X\nsender:\n  from: a@example.com\n"],
    } as const;
    const paths = Object.values(files).map(([name, bytes]) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    });
    // A real message that is no bounce, complaint or reply stays "other".
    const plain = path.join(SHARED_BOUNCES, "sisimai/is-not-bounce-01.eml");
    const result = await runCli(["inbox", "classify", ...paths, plain]);
    expect(result.code).toBe(2);
    const said = "it does not begin with header fields (From:, Date:, Received:…)";
    expect(result.stderr.trim().split("\n")).toEqual([
      `gazette: ${paths[0]}: not a mail message: ${said}; give a message saved as it came (.eml)`,
      `gazette: ${paths[1]}: not a mail message: ${said}; give a message saved as it came (.eml)`,
      `gazette: ${paths[2]}: not a mail message: the file is empty; give a message saved as it came (.eml)`,
      `gazette: ${paths[3]}: not a mail message: ${said}; give a message saved as it came (.eml)`,
    ]);
    expect(result.stdout.split("\t").slice(0, 2)).toEqual([plain, "other"]);

    const alone = await runCli(["inbox", "classify", plain]);
    expect(alone).toMatchObject({ code: 0, stderr: "" });
  });

  it("takes every message of the real bounce corpus as a mail message", () => {
    const dirs = ["sisimai", "bounceparser"].map((name) => path.join(SHARED_BOUNCES, name));
    const files = [...dirs, FIXTURES].flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(".eml"))
        .map((name) => path.join(dir, name)),
    );
    expect(files.length).toBeGreaterThan(150);
    expect(files.filter((file) => !isMailMessage(readFileSync(file)))).toEqual([]);
  });

  // It ended the command there: the files after it were not classified.
  it("names a file it cannot read in one gazette: line with exit code 2, and goes on", async () => {
    const good = path.join(FIXTURES, "mailgun-hard.eml");
    const result = await runCli(["inbox", "classify", "/nonexistent/x.eml", good, "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: good, kind: "hard-bounce" });
    expect(result.stderr.trim()).toMatch(
      /^gazette: \/nonexistent\/x\.eml: cannot read the message/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("classifyMessage", () => {
  it.each([
    [
      "a hard DSN",
      dsn({
        recipient: "a@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: "<m1@x>",
      }),
      { kind: "hard-bounce", recipient: "a@example.org", status: "5.1.1", messageId: "m1@x" },
    ],
    [
      "a full mailbox (soft)",
      dsn({ recipient: "a@example.org", status: "5.2.2", diagnostic: "552 5.2.2 Mailbox full" }),
      { kind: "soft-bounce", status: "5.2.2" },
    ],
    [
      "a policy block at 5.7.1 (soft: the address may be fine)",
      dsn({
        recipient: "a@example.org",
        status: "5.7.1",
        diagnostic: "554 5.7.1 blocked by policy",
      }),
      { kind: "soft-bounce" },
    ],
    [
      "a delay notice (never a bounce)",
      dsn({
        recipient: "a@example.org",
        status: "4.4.1",
        diagnostic: "timed out",
        action: "delayed",
      }),
      { kind: "other" },
    ],
    [
      "an ARF complaint",
      arf({ recipient: "b@example.org", messageId: "<m2@x>" }),
      { kind: "complaint", recipient: "b@example.org", messageId: "m2@x" },
    ],
    ["an out-of-office", outOfOffice("c@example.org"), { kind: "auto-reply" }],
    [
      "mail to the unsubscribe address",
      unsubscribeRequest({
        from: "d@example.org",
        to: "list+u1-2-0123456789abcdef@news.example.com",
        subject: "please remove me",
      }),
      { kind: "unsubscribe", recipient: "d@example.org" },
    ],
  ])("classifies %s", async (_, raw, expected) => {
    const found = await classifyMessage(raw, { unsubscribeAddresses: ["list@news.example.com"] });
    expect(found).toMatchObject(expected);
  });

  it("reads a bounce whose text is one 300 KB word in linear time", async () => {
    // Anyone can mail this; the address patterns cost time quadratic in such a run (some 45 s).
    const word = "a".repeat(300_000);
    const raw = `From: MAILER-DAEMON@mx.example.net\r\nTo: ${word}\r\nX-Failed-Recipients: ${word}\r\nSubject: Undelivered Mail\r\n\r\n${word}\r\n550 5.1.1 <ann@example.org>: user unknown\r\n`;
    const started = performance.now();
    const found = await classifyMessage(raw);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(found).toMatchObject({ kind: "hard-bounce", recipient: "ann@example.org" });
  });

  // Each line once cost time quadratic in its length: a pattern split it at each of its "@"s or
  // dashes in turn and scanned to its end each time (100 KB: 9 to 41 s; a 1 MB message, hours).
  it.each([
    ["a quoted Message-ID of many at signs", `Message-ID: <${"a@".repeat(50_000)}> x`],
    ["a qmail recipient line of many addresses", `${"<a@".repeat(33_000)} x`],
    ["a line of dashes", `4${"-".repeat(100_000)}`],
  ])("reads a bounce with %s in linear time", async (_, line) => {
    const raw = `From: MAILER-DAEMON@mx.example.net\r\nTo: bounces@news.example.com\r\nSubject: Undelivered Mail\r\n\r\n${line}\r\n550 5.1.1 <ann@example.org>: user unknown\r\n`;
    const started = performance.now();
    const found = await classifyMessage(raw);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(found).toMatchObject({ kind: "hard-bounce" });
  });

  it("still finds a quoted Message-ID and a qmail recipient", async () => {
    const raw = `From: MAILER-DAEMON@mx.example.net\r\nTo: bounces@news.example.com\r\nSubject: failure notice\r\n\r\n<ann@example.org>:\r\n550 5.1.1 user unknown\r\n--- Below this line is a copy of the message.\r\n\r\nMessage-ID: <gz.1.2@news.example.com>\r\n`;
    expect(await classifyMessage(raw)).toMatchObject({
      kind: "hard-bounce",
      recipient: "ann@example.org",
      messageId: "gz.1.2@news.example.com",
    });
  });
});
