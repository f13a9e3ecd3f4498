import { mkdtempSync } from "node:fs";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { plusAddress, signAddressToken } from "../../src/audience/address-tokens.js";
import { messageIdFor } from "../../src/deliver/index.js";
import { type Context, openContext } from "../../src/pipeline/context.js";
import { readInbox } from "../../src/pipeline/read-inbox.js";
import { fixedClock } from "../../src/shared/clock.js";
import { writeDemoConfig } from "../helpers/demo-config.js";
import { startDovecot, type TestImapServer } from "../helpers/dovecot.js";
import { arf, dsn, outOfOffice, unsubscribeRequest } from "./messages.js";

const T0 = "2026-12-01T09:00:00Z";

// Issue 18 #1, #2: the bounce mailbox read over IMAP from a real Dovecot, no mock.
describe("gazette inbox against Dovecot", () => {
  let imap: TestImapServer;
  let ctx: Context;
  let lines: string[];
  let ids: Record<"alice" | "bob" | "carol", number>;
  let issueId: number;
  let weekly: number;
  beforeAll(async () => {
    imap = await startDovecot();
  });
  afterAll(() => imap.stop());

  beforeEach(async () => {
    await withClient(imap.port, async (client) => {
      await client.mailboxOpen("INBOX");
      await client.messageDelete("1:*");
    });
    ctx = await openWorkspace(imap.port);
    lines = [];
    weekly = (
      await ctx.store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], ctx.clock.now())
    ).get("weekly") as number;
    ids = { alice: 0, bob: 0, carol: 0 };
    for (const name of ["alice", "bob", "carol"] as const) {
      ids[name] = (
        await ctx.store.subscribers.upsert(`${name}@example.org`, undefined, ctx.clock.now())
      ).id;
      await ctx.store.subscribers.join(weekly, ids[name], {
        status: "active",
        source: "cli",
        now: ctx.clock.now(),
      });
    }
    issueId = (
      await ctx.store.issues.create({
        listId: weekly,
        periodStart: new Date("2026-11-24T09:00:00Z"),
        periodEnd: ctx.clock.now(),
        articleIds: [],
        now: ctx.clock.now(),
      })
    ).id;
    await ctx.store.deliveries.createLedger({
      issueId,
      listId: weekly,
      now: ctx.clock.now(),
      messageIdFor: (id) => messageIdOf(id),
    });
    for (const row of await ctx.store.deliveries.claim(
      issueId,
      weekly,
      10,
      ctx.clock.now(),
      60_000,
    ))
      await ctx.store.deliveries.markSent(row.id, "250 ok", ctx.clock.now());
  });
  afterEach(() => ctx.close());

  // As a real send writes it: the delivery's signed token in the Message-ID.
  const messageIdOf = (subscriberId: number) =>
    messageIdFor({
      installId: "test",
      issueId,
      subscriberId,
      domain: "news.example.com",
      seal: signAddressToken({ tag: "r", a: issueId, subscriberId }, ctx.signingKey),
    });
  const print = (line: string) => lines.push(line);
  const unseen = () =>
    withClient(imap.port, async (client) => {
      const status = await client.status("INBOX", { unseen: true });
      return status === false ? -1 : status.unseen;
    });
  const statusOf = async (name: keyof typeof ids) =>
    (await ctx.store.subscribers.membershipsOf(ids[name])).map((m) => m.status).join();

  it("applies bounces, a complaint and mailto unsubscribes, and marks every message seen", async () => {
    const token = signAddressToken(
      { tag: "u", a: weekly, subscriberId: ids.carol },
      ctx.signingKey,
    );
    await append(imap.port, [
      dsn({
        recipient: "alice@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: messageIdOf(ids.alice),
        id: "d1",
      }),
      arf({ recipient: "bob@example.org", messageId: messageIdOf(ids.bob) }),
      dsn({
        recipient: "carol@example.org",
        status: "4.2.2",
        diagnostic: "452 4.2.2 Mailbox full",
        messageId: messageIdOf(ids.carol),
        id: "d2",
      }),
      outOfOffice("carol@example.org"),
      unsubscribeRequest({
        from: "Someone <nobody@example.net>",
        to: plusAddress("unsubscribe@news.example.com", token),
        id: "u1",
      }),
    ]);
    const report = await readInbox(ctx, { print });
    expect(report.kinds).toEqual({
      "hard-bounce": 1,
      complaint: 1,
      "soft-bounce": 1,
      "auto-reply": 1,
      unsubscribe: 1,
    });
    expect(report.failed).toBe(0);
    // maxBounces is 1 in this workspace: Alice's first hard bounce suppresses her.
    expect(await ctx.store.suppressions.byEmail("alice@example.org")).toMatchObject({
      source: "inbox",
    });
    expect(await ctx.store.suppressions.byEmail("bob@example.org")).toMatchObject({
      reason: "complaint (inbox)",
    });
    expect(await statusOf("bob")).toBe("complained");
    // Carol: a soft bounce only recorded; the token in the address names her membership, whoever wrote.
    expect(await ctx.store.suppressions.byEmail("carol@example.org")).toBeUndefined();
    expect(await statusOf("carol")).toBe("unsubscribed");
    expect((await ctx.store.deliveries.counts(issueId)).bounced).toBe(1);
    expect(await ctx.store.mailEvents.counts()).toEqual([
      { kind: "complaint", source: "inbox", count: 1 },
      { kind: "hard-bounce", source: "inbox", count: 1 },
      { kind: "soft-bounce", source: "inbox", count: 1 },
      { kind: "unsubscribe", source: "mailto", count: 1 },
    ]);
    expect(await unseen()).toBe(0);
    expect(lines.at(-1)).toMatch(/^Inbox: 5 messages .*; 0 left unseen$/);
    // A second pass finds nothing new and changes nothing.
    const again = await readInbox(ctx, { print });
    expect(again.found).toBe(0);
  });

  it("changes nothing for a bounce, complaint or unsubscribe that names a subscriber without a signed token", async () => {
    // What anyone can write: the victim's address, the Message-ID without its seal (the install
    // id, issue and subscriber numbers are in every subscriber's own copy), a forged or
    // foreign token, a delivery token where a membership token belongs.
    const guessed = (id: number) => `<gz.test.${issueId}.${id}@news.example.com>`;
    const carolVerp = signAddressToken(
      { tag: "r", a: issueId, subscriberId: ids.carol },
      {
        id: "other",
        secret: "not-this-newsletter",
      },
    );
    const aliceDelivery = signAddressToken(
      { tag: "r", a: issueId, subscriberId: ids.alice },
      ctx.signingKey,
    );
    await append(imap.port, [
      dsn({
        recipient: "alice@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: guessed(ids.alice),
        id: "f1",
      }),
      arf({ recipient: "bob@example.org", messageId: guessed(ids.bob), id: "f2" }),
      `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: digest@news.example.com\r\nSubject: Mail delivery failed\r\nX-Failed-Recipients: carol@example.org\r\nMessage-ID: <f3@mx.example.net>\r\n\r\n550 5.1.1 <carol@example.org>: user unknown\r\n`,
      dsn({
        recipient: "carol@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        to: plusAddress("digest@news.example.com", carolVerp),
        id: "f4",
      }),
      unsubscribeRequest({
        from: "Alice <alice@example.org>",
        to: "unsubscribe@news.example.com",
        id: "f5",
      }),
      unsubscribeRequest({
        from: "bob@example.org",
        to: plusAddress("unsubscribe@news.example.com", aliceDelivery),
        subject: `unsubscribe ${aliceDelivery}`,
        id: "f6",
      }),
    ]);
    const report = await readInbox(ctx, { print });
    expect(report.outcomes).toEqual({ unknown: 6 });
    expect(await ctx.store.suppressions.all()).toEqual([]);
    for (const name of ["alice", "bob", "carol"] as const)
      expect(await statusOf(name)).toBe("active");
    expect((await ctx.store.deliveries.counts(issueId)).bounced ?? 0).toBe(0);
    expect(lines.filter((line) => /names no delivery or subscriber/.test(line))).toHaveLength(6);
    expect(await unseen()).toBe(0);
  });

  it("reads the start of a 20 MB message, reports a DSN for an unknown delivery, and goes on", async () => {
    await append(imap.port, [
      dsn({
        recipient: "ghost@example.net",
        status: "5.1.1",
        diagnostic: "550 5.1.1 No such user",
        messageId: "<not-ours@elsewhere>",
        id: "big",
        padding: "x".repeat(20 * 1024 * 1024),
      }),
      dsn({
        recipient: "alice@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: messageIdOf(ids.alice),
        id: "d3",
      }),
    ]);
    const report = await readInbox(ctx, { print });
    expect(
      lines.some((line) => /message \d+ is 20\.0 MB; its first 1\.0 MB were read/.test(line)),
    ).toBe(true);
    expect(
      lines.some((line) => /ghost@example\.net .*names no delivery or subscriber/.test(line)),
    ).toBe(true);
    expect(report.outcomes).toEqual({ unknown: 1, suppressed: 1 });
    expect(await unseen()).toBe(0);
  });

  it("marks seen a message mailparser cannot read (10,000 parts, 20,000 header lines) and goes on", async () => {
    const parts = Array.from(
      { length: 10_000 },
      () => "--p\r\nContent-Type: text/plain\r\n\r\nx\r\n",
    );
    await append(imap.port, [
      `From: a@example.net\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n${parts.join("")}--p--\r\n`,
      `From: a@example.net\r\nSubject: header\r\n${"X-H: v\r\n".repeat(20_000)}\r\nbody\r\n`,
      dsn({
        recipient: "alice@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: messageIdOf(ids.alice),
        id: "d5",
      }),
    ]);
    const report = await readInbox(ctx, { print });
    expect(report).toMatchObject({ failed: 0, kinds: { other: 2, "hard-bounce": 1 } });
    expect(lines.filter((line) => /is not a readable email .*marked seen/.test(line))).toHaveLength(
      2,
    );
    expect(await ctx.store.suppressions.byEmail("alice@example.org")).toBeDefined();
    expect(await unseen()).toBe(0);
  });

  it("is read by gazette worker too", async () => {
    await append(imap.port, [
      arf({ recipient: "bob@example.org", messageId: messageIdOf(ids.bob), id: "arf-w" }),
    ]);
    const { runWorker } = await import("../../src/pipeline/run-worker.js");
    const report = await runWorker(ctx, { once: true, kinds: ["inbox"], log: print });
    expect(report.inboxMessages).toBe(1);
    expect(await statusOf("bob")).toBe("complained");
    expect(await unseen()).toBe(0);
  });

  it("marks nothing seen when the effect cannot be committed", async () => {
    await append(imap.port, [
      arf({ recipient: "bob@example.org", messageId: messageIdOf(ids.bob), id: "arf-x" }),
    ]);
    await ctx.store.db.schema.dropTable("mail_events").execute();
    const report = await readInbox(ctx, { print });
    expect(report.failed).toBe(1);
    expect(lines.some((line) => /message \d+ left unseen/.test(line))).toBe(true);
    expect(await unseen()).toBe(1);
  });

  it("reconnects when the connection drops mid-fetch, losing nothing", async () => {
    await append(imap.port, [
      dsn({
        recipient: "alice@example.org",
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        messageId: messageIdOf(ids.alice),
        id: "d4",
        padding: "y".repeat(200_000),
      }),
      arf({ recipient: "bob@example.org", messageId: messageIdOf(ids.bob), id: "arf-y" }),
    ]);
    const proxy = await dropOnceAfter(imap.port, 50_000);
    try {
      await ctx.close();
      ctx = await openWorkspace(proxy.port, path.dirname(ctx.loaded.file));
      const report = await readInbox(ctx, { print });
      expect(
        lines.some((line) => /connection to 127\.0\.0\.1:\d+ failed .*reconnecting/.test(line)),
      ).toBe(true);
      expect(report.outcomes).toEqual({ suppressed: 2 });
      expect(await unseen()).toBe(0);
    } finally {
      proxy.server.close();
    }
  });
});

async function openWorkspace(port: number, dir?: string): Promise<Context> {
  const workspace = dir ?? mkdtempSync(path.join(tmpdir(), "gazette-inbox-"));
  writeDemoConfig(workspace, {
    name: "Inbox",
    extra: `inbox:
  host: 127.0.0.1
  port: ${port}
  secure: false
  user: bounces
  password: \${INBOX_PASSWORD}
delivery:
  maxBounces: 1
`,
  });
  const { readFileSync, writeFileSync } = await import("node:fs");
  const file = path.join(workspace, "gazette.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace(
      "  from: Inbox <digest@news.example.com>",
      "  from: Inbox <digest@news.example.com>\n  unsubscribeMailto: unsubscribe@news.example.com",
    ),
  );
  return openContext({
    configPath: "gazette.yaml",
    cwd: workspace,
    env: { INBOX_PASSWORD: "test-password", GAZETTE_SECRET: "inbox-test-secret" },
    clock: fixedClock(T0),
  });
}

async function withClient<T>(port: number, body: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port,
    secure: false,
    auth: { user: "bounces", pass: "test-password" },
    logger: false,
  });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.logout();
  }
}

function append(port: number, messages: string[]): Promise<void> {
  return withClient(port, async (client) => {
    for (const message of messages) await client.append("INBOX", message);
  });
}

/** A TCP proxy to the server that cuts its first connection once the server sent `bytes`. */
async function dropOnceAfter(
  target: number,
  bytes: number,
): Promise<{ server: Server; port: number }> {
  let hasDropped = false;
  const server = createServer((client: Socket) => {
    const upstream = connect(target, "127.0.0.1");
    let sent = 0;
    const isVictim = !hasDropped;
    hasDropped = true;
    upstream.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      if (isVictim && sent > bytes) {
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on("data", (chunk: Buffer) => upstream.write(chunk));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
