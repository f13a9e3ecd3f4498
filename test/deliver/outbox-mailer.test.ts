import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxFileName, prepareMessage } from "../../src/deliver/index.js";
import { outboxTransport } from "../helpers/transports.js";
import { makeMessage, rawHeaders } from "./make-message.js";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "gazette-outbox-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the outbox transport", () => {
  it("writes one .eml file per message, creating the folder", async () => {
    const dir = join(root, "data", "outbox");
    const mailer = outboxTransport(dir);
    const messages = [makeMessage(), makeMessage({ to: "Bob <bob@example.org>" })];

    const results = [];
    for (const message of messages) results.push(await mailer.send(prepareMessage(message)));

    expect((await readdir(dir)).sort()).toEqual([
      "gz.inst1.7.ada@gazette.example.eml",
      "gz.inst1.7.bob@gazette.example.eml",
    ]);
    for (const [index, message] of messages.entries()) {
      const file = results[index]?.response ?? "";
      expect(file).toBe(join(dir, outboxFileName(message.messageId)));
      const raw = await readFile(file);
      const parsed = await simpleParser(raw);
      expect(parsed.messageId).toBe(message.messageId);
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.text?.trim()).toBe(message.text.trim());
      expect(parsed.html).toContain("<p>Café déjà vu</p>");
      expect(rawHeaders(raw, "List-Unsubscribe")).toHaveLength(1);
      expect(rawHeaders(raw, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe=One-Click"]);
    }
  });

  it("overwrites the file when the same delivery is sent again, leaving no .tmp", async () => {
    const mailer = outboxTransport(root);
    await mailer.send(prepareMessage(makeMessage({ subject: "first try" })));
    await mailer.send(prepareMessage(makeMessage({ subject: "second try" })));

    const files = await readdir(root);
    expect(files).toEqual(["gz.inst1.7.ada@gazette.example.eml"]);
    const parsed = await simpleParser(await readFile(join(root, files[0] ?? "")));
    expect(parsed.subject).toBe("second try");
  });
});

describe("outboxFileName", () => {
  it.each([
    ["<gz.a1.7.42@example.com>", "gz.a1.7.42@example.com.eml"],
    ["<x/../../etc@example.com>", /^x_.._.._etc@example\.com-[0-9a-f]{12}\.eml$/],
    ["<.hidden@example.com>", /^_hidden@example\.com-[0-9a-f]{12}\.eml$/],
    [`<${"a".repeat(300)}@example.com>`, /^a{180}-[0-9a-f]{12}\.eml$/],
  ])("names %s safely", (messageId, expected) => {
    expect(outboxFileName(messageId)).toMatch(expected);
  });

  it("keeps ids that only differ in unsafe characters apart", () => {
    expect(outboxFileName("<a/b@example.com>")).not.toBe(outboxFileName("<a_b@example.com>"));
    expect(outboxFileName("<a/b@example.com>")).not.toBe(outboxFileName("<a:b@example.com>"));
  });
});
