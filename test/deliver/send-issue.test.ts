import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSubscriberRef } from "../../src/audience/subscriber-ref.js";
import { sendIssue, type Transport } from "../../src/deliver/index.js";
import { fixedClock } from "../../src/shared/clock.js";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.js";
import { smtpTransport } from "../helpers/transports.js";
import { rawHeaders } from "./make-message.js";
import { REF_KEY, type SeededIssue, seedIssue, sendInput, T0 } from "./seed-issue.js";

let sink: SmtpSink;
let mailer: Transport;
let seeded: SeededIssue;

beforeEach(async () => {
  sink = await startSmtpSink();
  mailer = smtpTransport({ url: sink.url, pool: true, maxConnections: 3 });
});

afterEach(async () => {
  await mailer.close();
  await sink.close();
  await seeded?.store.close();
});

function received(): string[] {
  return sink.messages.flatMap((message) => message.to).sort();
}

describe("sendIssue", () => {
  it("sends each subscriber one message built from the issue's, and settles the issue", async () => {
    seeded = await seedIssue(40);
    const report = await sendIssue(sendInput(seeded, mailer, { options: { batchSize: 7 } }));

    expect(report).toMatchObject({ sent: 40, failed: 0, remaining: 0, isFinished: true });
    expect(received()).toEqual(seeded.emails);
    expect(await seeded.store.deliveries.counts(seeded.issue.id)).toEqual({ sent: 40 });
    const issue = await seeded.store.issues.byNumber(seeded.issue.listId, 1);
    expect(issue?.status).toBe("sent");

    const first = sink.messages.find((m) => m.to[0] === seeded.emails[4]);
    if (!first) throw new Error("user00005 got nothing");
    const parsed = await first.parse();
    expect(parsed.messageId).toBe(
      `<gz.test1.${seeded.issue.id}.${seeded.subscriberIds[4]}@news.example.com>`,
    );
    expect(parsed.subject).toBe("Gazette #1: Postgres at scale — and more");
    expect(parsed.text?.trim()).toBe(
      `Hello User 5 — café\n\nUnsubscribe: https://news.example.com/unsubscribe/tok${seeded.subscriberIds[4]}`,
    );
    expect(parsed.html).toContain("<p>Hello User 5 — café</p>");
    expect(rawHeaders(first.raw, "List-Unsubscribe")).toEqual([
      `<https://news.example.com/unsubscribe/tok${seeded.subscriberIds[4]}>, <mailto:unsubscribe@news.example.com>`,
    ]);
    // Opaque: the subscriber's number only comes back through our key.
    const [ref] = rawHeaders(first.raw, "X-Gazette-Subscriber");
    expect(ref).toMatch(/^k1\.[\w-]{32}$/);
    expect(openSubscriberRef([REF_KEY], ref ?? "")).toBe(seeded.subscriberIds[4]);
    expect(rawHeaders(first.raw, "Feedback-ID")).toEqual(["1:weekly:gazette:test1"]);
    const ids = await Promise.all(sink.messages.map(async (m) => (await m.parse()).messageId));
    expect(new Set(ids).size).toBe(40);
  });

  it("retries a 451 after the backoff, never earlier, with the same Message-ID", async () => {
    seeded = await seedIssue(3);
    const clock = fixedClock(T0);
    sink.failNext(1, 451, "Greylisted");
    const input = sendInput(seeded, mailer, {
      now: () => clock.now(),
      options: {
        concurrency: 1,
        retry: { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 },
      },
    });

    const first = await sendIssue(input);
    // random() = 0.5 sits in the middle of the ±20 % jitter: exactly the base delay.
    expect(first).toMatchObject({
      sent: 2,
      retried: 1,
      remaining: 1,
      waiting: 1,
      isFinished: false,
    });
    expect(first.nextAttemptAt).toEqual(new Date(T0.getTime() + 30_000));

    clock.advance(29_999);
    expect(await sendIssue(input)).toMatchObject({ sent: 0, remaining: 1, isFinished: false });
    clock.advance(1);
    expect(await sendIssue(input)).toMatchObject({ sent: 1, remaining: 0, isFinished: true });
    expect(received()).toEqual(seeded.emails);
    const ids = await Promise.all(sink.messages.map(async (m) => (await m.parse()).messageId));
    expect(ids.filter((id) => id?.includes(`.${seeded.subscriberIds[0]}@`))).toHaveLength(1);
  });

  it("bounces a 550 for good, never retries it, and suppresses the address", async () => {
    seeded = await seedIssue(4);
    const bad = seeded.emails[1] as string;
    sink.rejectRecipient(bad, 550, "5.1.1 No such user");
    const input = sendInput(seeded, mailer, { options: { maxBounces: 1 } });

    const report = await sendIssue(input);
    expect(report).toMatchObject({ sent: 3, bounced: 1, remaining: 0, isFinished: true });
    expect(await sendIssue(input)).toMatchObject({ sent: 0, bounced: 0 });
    expect(sink.recipientsTried.filter((address) => address === bad)).toHaveLength(1);
    expect(await seeded.store.deliveries.failures(seeded.issue.id)).toEqual([
      expect.objectContaining({ email: bad, status: "bounced", attempts: 1 }),
    ]);
    expect(await seeded.store.suppressions.byEmail(bad)).toMatchObject({
      reason: "1 hard bounces",
    });
  });

  it("fails a message after its last attempt, and --resend-failed puts it back", async () => {
    seeded = await seedIssue(1);
    const clock = fixedClock(T0);
    const input = sendInput(seeded, mailer, {
      now: () => clock.now(),
      options: { retry: { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 60_000 } },
    });
    sink.failNext(2, 452, "Mailbox full");

    expect(await sendIssue(input)).toMatchObject({ retried: 1, isFinished: false });
    clock.advance(1_000);
    expect(await sendIssue(input)).toMatchObject({ failed: 1, isFinished: true });
    const [failure] = await seeded.store.deliveries.failures(seeded.issue.id);
    expect(failure).toMatchObject({ status: "failed", attempts: 2 });
    expect(failure?.error).toMatch(/^gave up after 2 attempts: 452 Mailbox full/);

    expect(await seeded.store.deliveries.resetFailed(seeded.issue.id, clock.now())).toBe(1);
    expect((await seeded.store.issues.byNumber(seeded.issue.listId, 1))?.status).toBe("sending");
    expect(await sendIssue(input)).toMatchObject({ sent: 1, isFinished: true });
    expect(received()).toEqual(seeded.emails);
  });

  it("stops at the next batch when paused, and a resumed send sends exactly the rest", async () => {
    seeded = await seedIssue(60);
    const input = sendInput(seeded, mailer, { options: { batchSize: 10, concurrency: 2 } });
    // Paused from "outside" once the 15th message arrived: the batch in flight is finished.
    void sink.waitFor(15).then(() => seeded.store.issues.setPaused(seeded.issue.id, T0));

    const paused = await sendIssue(input);
    expect(paused.isPaused).toBe(true);
    expect(paused.isFinished).toBe(false);
    expect(paused.sent % 10).toBe(0);
    expect(paused.sent).toBeGreaterThanOrEqual(20);
    expect(paused.sent).toBeLessThan(60);
    expect(await sendIssue(input)).toMatchObject({ sent: 0, isPaused: true });

    await seeded.store.issues.setPaused(seeded.issue.id, null);
    const resumed = await sendIssue(input);
    expect(resumed.sent).toBe(60 - paused.sent);
    expect(received()).toEqual(seeded.emails);
  });

  it("honours an unsubscribe committed during the send for every message not yet handed over", async () => {
    seeded = await seedIssue(50);
    const leaver = seeded.subscriberIds[39] as number;
    void sink
      .waitFor(10)
      .then(() =>
        seeded.store.subscribers.setStatus(seeded.issue.listId, leaver, "unsubscribed", T0),
      );
    // One batch of everything: the row was claimed long before the unsubscribe.
    const report = await sendIssue(
      sendInput(seeded, mailer, { options: { batchSize: 100, concurrency: 1 } }),
    );

    expect(report).toMatchObject({ sent: 49, skipped: 1, isFinished: true });
    expect(received()).not.toContain(seeded.emails[39]);
    expect(await seeded.store.deliveries.counts(seeded.issue.id)).toEqual({ sent: 49, skipped: 1 });
  });

  it("skips suppressed addresses when creating the ledger and when claiming", async () => {
    seeded = await seedIssue(3, { ledger: false });
    await seeded.store.suppressions.add(seeded.emails[0] as string, "complaint", T0);
    const ledger = {
      issueId: seeded.issue.id,
      listId: seeded.issue.listId,
      now: T0,
      messageIdFor: (id: number) => `<gz.t.${id}@news.example.com>`,
    };
    expect(await seeded.store.deliveries.createLedger(ledger)).toBe(2);
    await seeded.store.suppressions.add(seeded.emails[1] as string, "manual", T0);

    const report = await sendIssue(sendInput(seeded, mailer));
    expect(report).toMatchObject({ sent: 1, skipped: 1, isFinished: true });
    expect(received()).toEqual([seeded.emails[2]]);
  });

  it("stops when the relay is down and gives the rows their attempts back", async () => {
    seeded = await seedIssue(20);
    await sink.close();
    const report = await sendIssue(
      sendInput(seeded, mailer, { options: { batchSize: 10, concurrency: 4 } }),
    );

    expect(report.transportError).toMatch(/ECONNREFUSED/);
    expect(report).toMatchObject({ sent: 0, remaining: 20, waiting: 0, isFinished: false });
    const rows = await seeded.store.db
      .selectFrom("deliveries")
      .select(["status", "attempts"])
      .execute();
    expect(rows.every((row) => row.status === "pending" && row.attempts === 0)).toBe(true);
    sink = await startSmtpSink();
  });
});
