import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDryRunMailer, createMailer } from "../../src/deliver/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { makeMessage } from "./make-message.js";

let root: string;
let sink: SmtpSink;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "gazette-mailer-"));
  sink = await startSmtpSink();
});

afterEach(async () => {
  await sink.close();
  await rm(root, { recursive: true, force: true });
});

describe("createMailer", () => {
  it("writes to the default outbox when the config names no folder", async () => {
    const mailer = createMailer({ type: "outbox" }, { outboxDir: join(root, "default") });
    await mailer.send(makeMessage());
    expect(await readdir(join(root, "default"))).toHaveLength(1);
  });

  it("writes to the configured outbox folder", async () => {
    const dir = join(root, "configured");
    const mailer = createMailer({ type: "outbox", dir }, { outboxDir: join(root, "default") });
    await mailer.send(makeMessage());
    expect(await readdir(root)).toEqual(["configured"]);
  });

  it("sends over SMTP", async () => {
    const transport = { type: "smtp", url: sink.url, pool: true, maxConnections: 1 } as const;
    const mailer = createMailer(transport, { outboxDir: root });
    await mailer.send(makeMessage());
    await mailer.close();
    expect(sink.messages.map((message) => message.to)).toEqual([["ada@example.org"]]);
    expect(await readdir(root)).toEqual([]);
  });
});

describe("createDryRunMailer", () => {
  it("builds every message, counts them, and sends nothing", async () => {
    const mailer = createDryRunMailer();
    const first = await mailer.send(makeMessage());
    await mailer.send(makeMessage({ to: "bob@example.org" }));

    expect(mailer.count).toBe(2);
    expect(first.messageId).toBe(makeMessage().messageId);
    expect(first.response).toMatch(/^dry run: \d+ bytes, not sent$/);
    await expect(mailer.send(makeMessage({ subject: "a\nb" }))).rejects.toMatchObject({
      code: "HEADER_INVALID",
    });
    expect(mailer.count).toBe(2);
  });
});
