import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMailEvent } from "../../src/audience/apply-mail-event.js";
import { WebhookConfig } from "../../src/config/schema.js";
import { dispatchWebhooks, verifyWebhook, webhookKey } from "../../src/inbox/index.js";
import { fixedClock } from "../../src/shared/clock.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type HttpRecorder, startHttpRecorder } from "../helpers/http-recorder.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const env = { HOOK_SECRET: SECRET };

let store: Store;
let receiver: HttpRecorder;
const clock = fixedClock("2026-05-01T10:00:00Z");

function webhook(extra: Record<string, unknown> = {}) {
  return WebhookConfig.parse({ url: receiver.url("/hook"), secretEnv: "HOOK_SECRET", ...extra });
}

async function dispatch(webhooks = [webhook()]) {
  return dispatchWebhooks({ store, webhooks, env, clock, random: () => 0.5 });
}

beforeEach(async () => {
  store = await openStore(mkdtempSync(path.join(tmpdir(), "gazette-hooks-")));
  receiver = await startHttpRecorder();
  clock.set("2026-05-01T10:00:00Z");
});

afterEach(async () => {
  await receiver.close();
  await store.close();
});

/** A subscriber who signs up (pending), confirms, then leaves the list "weekly". */
async function subscribeConfirmLeave() {
  const [listId] = [
    ...(
      await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" } as never], clock.now())
    ).values(),
  ] as number[];
  const { id } = await store.subscribers.upsert("Ada@Example.org", "Ada", clock.now());
  await store.subscribers.join(listId as number, id, {
    status: "pending",
    source: "signup",
    now: clock.now(),
  });
  await store.subscribers.setStatus(listId as number, id, "active", clock.now());
  await store.subscribers.setStatus(listId as number, id, "unsubscribed", clock.now());
  return { listId: listId as number, subscriberId: id };
}

describe("events out", () => {
  it("posts subscribed, confirmed and unsubscribed, each signed per Standard Webhooks", async () => {
    store.events.configure([webhook()]);
    await subscribeConfirmLeave();
    const report = await dispatch();
    expect(report).toEqual({ sent: 3, retried: 0, failed: 0 });
    const bodies = receiver.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual([
      "subscriber.subscribed",
      "subscriber.confirmed",
      "subscriber.unsubscribed",
    ]);
    expect(bodies[0]).toMatchObject({
      id: expect.stringMatching(/^evt_\d+$/),
      createdAt: "2026-05-01T10:00:00.000Z",
      data: { email: "Ada@Example.org", name: "Ada", list: "weekly", status: "pending" },
    });
    for (const request of receiver.requests) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["webhook-id"]).toBe(JSON.parse(request.body).id);
      const check = verifyWebhook({
        key: webhookKey(SECRET),
        id: request.headers["webhook-id"] as string,
        timestamp: request.headers["webhook-timestamp"] as string,
        signature: request.headers["webhook-signature"] as string,
        body: request.body,
        now: clock.now(),
        maxAgeMs: 300_000,
      });
      expect(check).toBe("ok");
    }
    // Sent rows are not posted again.
    expect(await dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await store.webhookDeliveries.counts()).toEqual({ sent: 3 });
  });

  it("a tampered body or another secret does not verify", async () => {
    store.events.configure([webhook()]);
    await subscribeConfirmLeave();
    await dispatch();
    const request = receiver.requests[0];
    if (!request) throw new Error("no request");
    const base = {
      id: request.headers["webhook-id"] as string,
      timestamp: request.headers["webhook-timestamp"] as string,
      signature: request.headers["webhook-signature"] as string,
      now: clock.now(),
      maxAgeMs: 300_000,
    };
    expect(
      verifyWebhook({ ...base, key: webhookKey(SECRET), body: request.body.replace("Ada", "Eve") }),
    ).toBe("forged");
    expect(verifyWebhook({ ...base, key: webhookKey("whsec_b3RoZXI="), body: request.body })).toBe(
      "forged",
    );
    clock.advance(600_000);
    expect(
      verifyWebhook({ ...base, now: clock.now(), key: webhookKey(SECRET), body: request.body }),
    ).toBe("replayed");
  });

  it("records only the events some webhook wants, and nothing without webhooks", async () => {
    const { listId, subscriberId } = await subscribeConfirmLeave();
    expect(await store.db.selectFrom("events").selectAll().execute()).toEqual([]);
    const hook = webhook({ events: ["subscriber.unsubscribed"] });
    store.events.configure([hook]);
    // Back (subscribed, not wanted), then gone again (wanted).
    await store.subscribers.setStatus(listId, subscriberId, "active", clock.now());
    await store.subscribers.setStatus(listId, subscriberId, "unsubscribed", clock.now());
    await dispatch([hook]);
    expect(receiver.requests.map((r) => JSON.parse(r.body).type)).toEqual([
      "subscriber.unsubscribed",
    ]);
    expect(await store.db.selectFrom("events").select("type").execute()).toEqual([
      { type: "subscriber.unsubscribed" },
    ]);
  });

  it("retries a 5xx with backoff, honours Retry-After, and gives up after maxAttempts", async () => {
    const hook = webhook({ retry: { maxAttempts: 3, baseDelay: "1m", maxDelay: "1h" } });
    store.events.configure([hook]);
    const { listId, subscriberId } = await subscribeConfirmLeave();
    await store.webhookDeliveries
      .claimDue(clock.now(), 2, 60_000)
      .then((rows) =>
        Promise.all(
          rows.map((row) =>
            store.webhookDeliveries.settle(
              row.id,
              { status: "sent", responseStatus: 200 },
              clock.now(),
            ),
          ),
        ),
      );
    void listId;
    void subscriberId;
    // One row left (unsubscribed): 503, then 429 asking for 10 minutes, then 500 → failed.
    receiver.answer(
      { status: 503 },
      { status: 429, headers: { "retry-after": "600" } },
      { status: 500 },
    );
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [first] = await store.webhookDeliveries.log(1);
    expect(first).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 503,
      error: "HTTP 503",
    });
    // 1 minute × 2^0, jitter 0.5 → exactly 60 s; not due before.
    expect(first?.nextAttemptAt).toBe("2026-05-01T10:01:00.000Z");
    clock.advance(59_000);
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1_000);
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [second] = await store.webhookDeliveries.log(1);
    expect(second?.nextAttemptAt).toBe("2026-05-01T10:11:00.000Z");
    clock.advance(600_000);
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [last] = await store.webhookDeliveries.log(1);
    expect(last).toMatchObject({
      status: "failed",
      attempts: 3,
      error: "gave up after 3 attempts: HTTP 500",
    });
    // The same webhook-id on every attempt: a receiver can drop duplicates.
    const ids = receiver.requests.slice(-3).map((r) => r.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
  });

  it("a receiver that never answers times out and is retried", async () => {
    const hook = webhook({ timeout: "200ms" });
    store.events.configure([hook]);
    const [listId] = [
      ...(
        await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" } as never], clock.now())
      ).values(),
    ];
    const { id } = await store.subscribers.upsert("bo@example.org", undefined, clock.now());
    await store.subscribers.join(listId as number, id, {
      status: "active",
      source: "cli",
      now: clock.now(),
    });
    receiver.answer("stall");
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [row] = await store.webhookDeliveries.log(1);
    expect(row).toMatchObject({ status: "pending", responseStatus: null, error: "timed out" });
  });

  it("a missing secret is not sent unsigned", async () => {
    const hook = webhook({ secretEnv: "NOT_SET_ANYWHERE" });
    store.events.configure([hook]);
    await subscribeConfirmLeave();
    expect(await dispatch([hook])).toEqual({ sent: 0, retried: 3, failed: 0 });
    expect(receiver.requests).toEqual([]);
    const [row] = await store.webhookDeliveries.log(1);
    expect(row?.error).toBe("NOT_SET_ANYWHERE is not set");
  });

  it("issue composed and issue sent, the latter once however many senders finish", async () => {
    store.events.configure([webhook({ events: ["issue.composed", "issue.sent"] })]);
    const [listId] = [
      ...(
        await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" } as never], clock.now())
      ).values(),
    ];
    const issue = await store.issues.create({
      listId: listId as number,
      periodStart: new Date("2026-04-24T00:00:00Z"),
      periodEnd: clock.now(),
      articleIds: [],
      now: clock.now(),
    });
    await store.issues.setStatus(issue.id, "sent", clock.now());
    await store.issues.setStatus(issue.id, "sent", clock.now());
    await dispatch([webhook({ events: ["issue.composed", "issue.sent"] })]);
    const bodies = receiver.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual(["issue.composed", "issue.sent"]);
    expect(bodies[0].data).toMatchObject({ list: "weekly", issue: 1, articles: 0 });
    expect(bodies[1].data).toMatchObject({ list: "weekly", issue: 1, sent: 0, bounced: 0 });
  });

  it("a complaint or unsubscribe that comes back by mail or from a service tells the webhooks", async () => {
    const hook = webhook({ events: ["subscriber.complained", "subscriber.unsubscribed"] });
    store.events.configure([hook]);
    const lists = await store.subscribers.syncLists(
      [{ id: "weekly", name: "Weekly" } as never, { id: "ai", name: "AI" } as never],
      clock.now(),
    );
    const { id } = await store.subscribers.upsert("cy@example.org", undefined, clock.now());
    for (const listId of lists.values())
      await store.subscribers.join(listId, id, {
        status: "active",
        source: "cli",
        now: clock.now(),
      });
    const complaint = {
      kind: "complaint" as const,
      source: "resend",
      eventId: "e1",
      email: "CY@example.org",
      at: clock.now(),
    };
    await applyMailEvent(store, complaint, { maxBounces: 2 });
    await applyMailEvent(store, complaint, { maxBounces: 2 });
    await dispatch([hook]);
    const bodies = receiver.requests.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.type, b.data.list, b.data.source])).toEqual([
      ["subscriber.complained", "ai", "resend"],
      ["subscriber.complained", "weekly", "resend"],
    ]);
  });

  it("a delivery marked bounced (an SMTP 550 at send time) tells subscriber.bounced with its issue", async () => {
    const hook = webhook({ events: ["subscriber.bounced"] });
    store.events.configure([hook]);
    const lists = await store.subscribers.syncLists(
      [{ id: "weekly", name: "Weekly" } as never],
      clock.now(),
    );
    const listId = lists.get("weekly") as number;
    const { id } = await store.subscribers.upsert("gone@example.org", undefined, clock.now());
    await store.subscribers.join(listId, id, { status: "active", source: "cli", now: clock.now() });
    const issue = await store.issues.create({
      listId,
      periodStart: clock.now(),
      periodEnd: clock.now(),
      articleIds: [],
      now: clock.now(),
    });
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now: clock.now(),
      messageIdFor: () => "<m@x>",
    });
    const [row] = await store.db.selectFrom("deliveries").select("id").execute();
    await store.deliveries.markUnsent(
      row?.id as number,
      "bounced",
      "550 5.1.1 no such user",
      clock.now(),
    );
    await dispatch([hook]);
    expect(receiver.requests.map((r) => JSON.parse(r.body))).toMatchObject([
      {
        type: "subscriber.bounced",
        data: {
          email: "gone@example.org",
          list: "weekly",
          issue: 1,
          reason: "550 5.1.1 no such user",
        },
      },
    ]);
  });
});
