import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findAddressToken,
  plusAddress,
  signAddressToken,
} from "../../src/audience/address-tokens.js";
import { applyMailEvent } from "../../src/audience/apply-mail-event.js";
import { openContext } from "../../src/pipeline/context.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";

const KEY = { id: "k1", secret: "verp-test-secret" };

describe("address tokens (VERP and mailto)", () => {
  it("round-trips, survives a lowercased local part, and refuses a forged or foreign one", () => {
    const token = signAddressToken({ tag: "r", a: 12, subscriberId: 345 }, KEY);
    expect(token).toMatch(/^r[0-9a-z]+-[0-9a-z]+-[0-9a-f]{16}$/);
    const address = plusAddress("Bounces@news.example.com", token);
    expect(findAddressToken(address.toUpperCase(), [KEY])).toEqual({
      tag: "r",
      a: 12,
      subscriberId: 345,
    });
    expect(findAddressToken(address, [KEY], "u")).toBeUndefined();
    expect(findAddressToken(address.replace(/-(\w)(\w+)@/, "-$2$1@"), [KEY])).toBeUndefined();
    expect(findAddressToken(address, [{ id: "k2", secret: "another" }])).toBeUndefined();
    // A forger who knows the issue and subscriber ids still needs the key.
    expect(findAddressToken(address.replace("rc-9l-", "rc-9m-"), [KEY])).toBeUndefined();
  });
});

// Issue 18 #1: sender.returnPath puts a signed per-delivery token in MAIL FROM; a bounce to it
// names its delivery even when it quotes no Message-ID.
describe("VERP through a real send", () => {
  let dir: string;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    dir = mkdtempSync(path.join(tmpdir(), "gazette-verp-"));
    writeFileSync(path.join(dir, "subscribers.csv"), "email\nreader@example.com\n");
    writeFileSync(
      path.join(dir, "gazette.yaml"),
      `newsletter: { name: VERP Test, baseUrl: "https://news.example.com", postalAddress: 1 Test Street }
sender:
  from: "VERP Test <digest@news.example.com>"
  returnPath: bounces@news.example.com
  unsubscribeMailto: bounces@news.example.com
inbox: { host: 127.0.0.1, user: bounces, password: unused }
subscribersFile: subscribers.csv
templates: ${path.join(ROOT, "templates")}
feeds:
  - url: ${path.join(ROOT, "examples/feeds/orbit-mobile.xml")}
lists:
  - { id: weekly, name: Weekly, lookback: 3650d }
delivery: { maxBounces: 1 }
`,
    );
  });
  afterAll(() => smtp.close());

  it("sends from bounces+<token>@ and ties a bounce to that address back to the delivery", async () => {
    const env = { GAZETTE_TRANSPORT: smtp.url, GAZETTE_SECRET: "verp-secret" };
    const run = await runCli(["-c", "gazette.yaml", "run"], { cwd: dir, env });
    expect(run.code).toBe(0);
    const [message] = smtp.messages;
    expect(message?.from).toMatch(
      /^bounces\+r[0-9a-z]+-[0-9a-z]+-[0-9a-f]{16}@news\.example\.com$/,
    );
    const ctx = await openContext({ configPath: "gazette.yaml", cwd: dir, env });
    try {
      const token = findAddressToken(message?.from ?? "", ctx.signingKeys.all, "r");
      expect(token).toBeDefined();
      const result = await applyMailEvent(
        ctx.store,
        {
          kind: "hard-bounce",
          source: "inbox",
          delivery: { issueId: token?.a ?? 0, subscriberId: token?.subscriberId ?? 0 },
          at: new Date(),
        },
        { maxBounces: 1 },
      );
      expect(result).toMatchObject({ outcome: "suppressed", email: "reader@example.com" });
      // The List-Unsubscribe mailto names the membership with its own signed token (issue 18 #2).
      const parsed = await message?.parse();
      // The Message-ID carries the delivery's token too: a report that quotes it proves itself.
      expect(parsed?.messageId).toMatch(
        /^<gz\.[0-9a-f]+\.\d+\.\d+\.r[0-9a-z]+-[0-9a-z]+-[0-9a-f]{16}@/,
      );
      expect(findAddressToken(parsed?.messageId ?? "", ctx.signingKeys.all, "r")).toEqual(token);
      const header =
        parsed?.headerLines.find((line) => line.key === "list-unsubscribe")?.line ?? "";
      const mailto = /<mailto:([^>]+)>/.exec(header)?.[1] ?? "";
      expect(mailto).toMatch(/^bounces\+u[0-9a-z]+-[0-9a-z]+-[0-9a-f]{16}@news\.example\.com$/);
      const membership = findAddressToken(mailto, ctx.signingKeys.all, "u");
      const weekly = (await ctx.store.subscribers.listIds()).get("weekly");
      expect(membership).toEqual({ tag: "u", a: weekly, subscriberId: token?.subscriberId });
    } finally {
      await ctx.close();
    }
  });
});
