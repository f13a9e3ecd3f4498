import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTransport,
  describeTransport,
  prepareMessage,
  sendIssue,
  TransportConfig,
} from "../../src/deliver/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { makeMessage } from "./make-message.js";
import { seedIssue, sendInput } from "./seed-issue.js";

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

const options = () => ({ baseDir: root, dataDir: join(root, "data"), env: {} });

describe("createTransport", () => {
  it("writes to the default outbox when the config names no folder", async () => {
    const transport = await createTransport({ type: "outbox" }, options());
    await transport.send(prepareMessage(makeMessage()));
    expect(await readdir(join(root, "data", "outbox"))).toHaveLength(1);
  });

  it("writes to the configured outbox folder, relative to the config file", async () => {
    const transport = await createTransport({ type: "outbox", dir: "configured" }, options());
    await transport.send(prepareMessage(makeMessage()));
    expect(await readdir(root)).toEqual(["configured"]);
  });

  it("sends over SMTP", async () => {
    const transport = await createTransport(
      TransportConfig.parse({ type: "smtp", url: sink.url, maxConnections: 1 }),
      options(),
    );
    await transport.send(prepareMessage(makeMessage()));
    await transport.close();
    expect(sink.messages.map((message) => message.to)).toEqual([["ada@example.org"]]);
    expect(await readdir(root)).toEqual([]);
  });

  it("fills each transport's defaults from its schema in the registry", () => {
    expect(TransportConfig.parse({ type: "smtp", url: "smtp://relay" })).toEqual({
      type: "smtp",
      url: "smtp://relay",
      pool: true,
      maxConnections: 5,
    });
    expect(TransportConfig.safeParse({ type: "pigeon" }).success).toBe(false);
  });
});

describe("the dry run, a mode of the send", () => {
  it("builds every message, counts them, and hands none over", async () => {
    const seeded = await seedIssue(2, { ledger: false });
    const transport = await createTransport(
      { type: "smtp", url: sink.url, pool: false, maxConnections: 1 },
      options(),
    );
    try {
      const report = await sendIssue(sendInput(seeded, transport, { mode: "dry-run" }));
      expect(report).toMatchObject({ built: 2, sent: 0 });
      expect(sink.messages).toHaveLength(0);
      expect(await seeded.store.deliveries.counts(seeded.issue.id)).toEqual({});
      const bad = sendInput(seeded, transport, { mode: "dry-run" });
      await expect(
        sendIssue({ ...bad, message: { ...bad.message, subject: "a\nb" } }),
      ).rejects.toMatchObject({ code: "HEADER_INVALID" });
    } finally {
      await transport.close();
      await seeded.store.close();
    }
  });
});

describe("describeTransport", () => {
  // `gazette serve` prints it; each transport's entry in the registry says it.
  it.each([
    [{ type: "outbox" }, "outbox (.eml files in /data/outbox, nothing is sent)"],
    [{ type: "outbox", dir: "mail" }, "outbox (.eml files in /config/mail, nothing is sent)"],
    [{ type: "smtp", url: "smtps://ann:s3cret@relay.example:465" }, "smtps://relay.example:465"],
    [{ type: "ses", region: "eu-west-1" }, "Amazon SES (https://email.eu-west-1.amazonaws.com)"],
    [{ type: "postmark" }, "Postmark (https://api.postmarkapp.com, stream broadcast)"],
    [{ type: "resend", endpoint: "http://127.0.0.1:9/" }, "Resend (http://127.0.0.1:9/)"],
  ])("says where %j sends, without credentials", (config, described) => {
    expect(
      describeTransport(TransportConfig.parse(config), { baseDir: "/config", dataDir: "/data" }),
    ).toBe(described);
  });
});
