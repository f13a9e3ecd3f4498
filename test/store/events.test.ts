import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { issueWithLedger, STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const NOW = new Date("2026-05-01T10:00:00Z");
const A = "https://a.example.com/hook";
const B = "https://b.example.com/hook";

describe.each(STORE_BACKENDS)("events and the webhook log ($name)", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(() => handle.dispose());

  it("records an event once per webhook that wants it, none when no webhook does", async () => {
    store.events.configure([
      { url: A, events: ["issue.sent"] },
      { url: B, events: ["issue.sent", "issue.composed"] },
    ]);
    await store.events.record("issue.composed", { list: "weekly", issue: 1 }, NOW);
    await store.events.record("issue.sent", { list: "weekly", issue: 1 }, NOW);
    await store.events.record("subscriber.confirmed", { email: "a@example.org" }, NOW);
    const rows = await store.webhookDeliveries.log(10);
    expect(rows.map((r) => [r.type, r.url, r.status]).sort()).toEqual([
      ["issue.composed", B, "pending"],
      ["issue.sent", A, "pending"],
      ["issue.sent", B, "pending"],
    ]);
    expect(await store.db.selectFrom("events").select("type").orderBy("id").execute()).toEqual([
      { type: "issue.composed" },
      { type: "issue.sent" },
    ]);
  });

  it("a due row is claimed by one dispatcher only; a lapsed lease makes it claimable again", async () => {
    store.events.configure([{ url: A, events: ["issue.sent"] }]);
    await store.events.record("issue.sent", { list: "weekly", issue: 1 }, NOW);
    const other = await handle.reopen();
    try {
      const [first, second] = await Promise.all([
        store.webhookDeliveries.claimDue(NOW, 10, 60_000),
        other.webhookDeliveries.claimDue(NOW, 10, 60_000),
      ]);
      expect(first.length + second.length).toBe(1);
      expect(await store.webhookDeliveries.claimDue(NOW, 10, 60_000)).toEqual([]);
      const later = new Date(NOW.getTime() + 61_000);
      const [again] = await other.webhookDeliveries.claimDue(later, 10, 60_000);
      expect(again).toMatchObject({ url: A, type: "issue.sent", attempts: 0 });
      await other.webhookDeliveries.settle(
        again?.id as number,
        {
          status: "pending",
          responseStatus: 500,
          error: "HTTP 500",
          nextAttemptAt: new Date(later.getTime() + 60_000),
        },
        later,
      );
      expect(await store.webhookDeliveries.claimDue(later, 10, 60_000)).toEqual([]);
      expect(await store.webhookDeliveries.log(1)).toMatchObject([
        { status: "pending", attempts: 1, responseStatus: 500, error: "HTTP 500" },
      ]);
    } finally {
      await other.close();
    }
  });

  it("counts refused email-service requests by service and reason", async () => {
    await store.serviceEventRejections.add("ses", "forged", NOW);
    await store.serviceEventRejections.add("ses", "forged", new Date(NOW.getTime() + 1000));
    await store.serviceEventRejections.add("resend", "replayed", NOW);
    expect(await store.serviceEventRejections.counts()).toEqual([
      { service: "resend", reason: "replayed", count: 1, last_at: NOW.toISOString() },
      { service: "ses", reason: "forged", count: 2, last_at: "2026-05-01T10:00:01.000Z" },
    ]);
  });

  it("finds a delivery by the service's message id", async () => {
    const lists = await store.subscribers.syncLists(
      [{ id: "weekly", name: "Weekly" } as never],
      NOW,
    );
    const listId = lists.get("weekly") as number;
    const { id: subscriberId } = await store.subscribers.upsert("a@example.org", undefined, NOW);
    await store.subscribers.join(listId, subscriberId, {
      status: "active",
      source: "test",
      now: NOW,
    });
    const issue = await issueWithLedger(store, listId, NOW, () => "<m@x>");
    const [row] = await store.db.selectFrom("deliveries").select("id").execute();
    await store.deliveries.setServiceMessageId(row?.id as number, "pm-1");
    expect(await store.deliveries.byServiceMessageId("pm-1")).toMatchObject({
      id: row?.id,
      issue_id: issue.id,
      subscriber_id: subscriberId,
    });
    expect(await store.deliveries.byServiceMessageId("pm-2")).toBeUndefined();
  });
});
