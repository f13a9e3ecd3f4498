import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatSend } from "../../src/cli/format-report.js";
import { isSendSettled } from "../../src/deliver/engine/send-report.js";
import { type SendReport, sendIssue, type Transport } from "../../src/deliver/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";
import { type SeededIssue, seedIssue, sendInput, T0 } from "./seed-issue.js";

let sink: SmtpSink;
let mailer: Transport;
let seeded: SeededIssue;
const others: Store[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
  mailer = smtpTransport({ url: sink.url, pool: true, maxConnections: 2 });
});
afterEach(async () => {
  await mailer.close();
  await sink.close();
  for (const store of others.splice(0)) await store.close();
  await seeded?.store.close();
});

/** The real SMTP transport, with `before` run when the n-th message is handed to it. */
function onMessage(n: number, before: () => Promise<void> | void): Transport {
  let count = 0;
  return {
    check: (message) => mailer.check(message),
    close: async () => {},
    async send(message) {
      // Messages go out concurrently: each knows its own place.
      const place = ++count;
      const result = await mailer.send(message);
      if (place === n) await before();
      return result;
    },
  };
}

describe("two senders on one issue (issue 14)", () => {
  it("waits out a store locked by another writer, charging no recipient an attempt", async () => {
    seeded = await seedIssue(4);
    // The sender gives up on a lock after 10 ms (instead of 5 s), so a lock error comes fast.
    await sql`pragma busy_timeout = 10`.execute(seeded.store.db);
    const other = new SQLite(path.join(seeded.dir, "gazette.db"));
    let waits = 0;
    // Another process's write transaction: held at the claim, and again after the first message.
    other.exec("BEGIN IMMEDIATE");
    const locking = onMessage(1, () => void other.exec("BEGIN IMMEDIATE"));
    const report = await sendIssue(
      sendInput(seeded, locking, {
        // Each wait for the lock lets the other writer commit.
        sleep: async () => {
          waits++;
          if (other.inTransaction) other.exec("COMMIT");
        },
      }),
    );
    other.close();
    expect(waits).toBeGreaterThanOrEqual(2);
    expect(report).toMatchObject({ sent: 4, failed: 0, retried: 0, isFinished: true });
    const attempts = await seeded.store.db
      .selectFrom("deliveries")
      .select(["status", "attempts"])
      .execute();
    expect(attempts).toEqual(seeded.emails.map(() => ({ status: "sent", attempts: 1 })));
    expect(sink.messages).toHaveLength(4);
  });

  it("the other sender reports what this one did, and neither reports a failure", async () => {
    seeded = await seedIssue(4);
    const second = await openStore(seeded.dir);
    others.push(second);
    let during: SendReport | undefined;
    // Sender A claims two rows, one message at a time; while its first is on the wire, sender
    // B runs in full.
    const a = sendIssue(
      sendInput(
        seeded,
        onMessage(1, async () => {
          during = await sendIssue(sendInput({ ...seeded, store: second }, mailer));
        }),
        { options: { batchSize: 2, concurrency: 1 } },
      ),
    );
    const first = await a;
    expect(during).toMatchObject({
      sent: 2,
      remaining: 2,
      inFlightElsewhere: 2,
      isFinished: false,
    });
    expect(isSendSettled(during as SendReport)).toBe(true);
    expect(formatSend(during as SendReport)).toBe("2 sent, 2 being sent by another sender");
    expect(first).toMatchObject({ sent: 2, sentElsewhere: 2, remaining: 0, isFinished: true });
    expect(formatSend(first)).toBe("2 sent, 2 sent by another sender");
    expect(sink.messages.flatMap((message) => message.to).sort()).toEqual(seeded.emails);
  });

  it("renews the leases of a batch slower than its lease: a second sender cannot claim its rows meanwhile", async () => {
    seeded = await seedIssue(3);
    const second = await openStore(seeded.dir);
    others.push(second);
    let now = T0.getTime();
    const clock = () => new Date(now);
    let during: SendReport | undefined;
    let count = 0;
    // Each hand-over takes 25 s of a 60 s lease; the batch (3 rows, one at a time) takes 75 s.
    // While the third message is on the wire, past the lease the claim gave, sender B runs.
    const slow: Transport = {
      check: (message) => mailer.check(message),
      close: async () => {},
      async send(message) {
        now += 25_000;
        if (++count === 3)
          during = await sendIssue(sendInput({ ...seeded, store: second }, mailer, { now: clock }));
        return mailer.send(message);
      },
    };
    const first = await sendIssue(
      sendInput(seeded, slow, {
        now: clock,
        options: { batchSize: 3, concurrency: 1, leaseMs: 60_000 },
      }),
    );
    expect(during).toMatchObject({ sent: 0, inFlightElsewhere: 1, isFinished: false });
    expect(first).toMatchObject({ sent: 3, remaining: 0, isFinished: true });
    expect(sink.messages.flatMap((message) => message.to).sort()).toEqual(seeded.emails);
  });
});
