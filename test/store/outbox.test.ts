import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENT_TYPES, type EventType, type Store } from "../../src/store/index.js";
import { refuseWrites } from "../helpers/refuse-writes.js";
import { issueWithLedger, STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");
const HOOK = "https://hooks.example.com/gazette";

/** The rows a change must leave as they were when its event cannot be written. */
async function snapshot(store: Store) {
  const all = <T extends "memberships" | "issues" | "deliveries" | "mail_events" | "suppressions">(
    table: T,
  ) => store.db.selectFrom(table).selectAll().execute();
  return {
    memberships: await all("memberships"),
    issues: await all("issues"),
    deliveries: await all("deliveries"),
    mailEvents: await all("mail_events"),
    suppressions: await all("suppressions"),
  };
}

interface World {
  listId: number;
  subscriberId: number;
}

/** A list with one subscriber, pending or active. */
async function seed(store: Store, status: "pending" | "active"): Promise<World> {
  const listId = (await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0)).get(
    "weekly",
  ) as number;
  const { id: subscriberId } = await store.subscribers.upsert("ada@example.com", "Ada", T0);
  await store.subscribers.join(listId, subscriberId, { status, source: "test", now: T0 });
  return { listId, subscriberId };
}

/** seed's list and subscriber, and an issue whose one delivery was sent. */
async function seedSent(store: Store): Promise<World & { issueId: number; deliveryId: number }> {
  const world = await seed(store, "active");
  const issue = await issueWithLedger(store, world.listId, T0, () => "<m1@gazette.test>");
  const row = await store.db.selectFrom("deliveries").select("id").executeTakeFirstOrThrow();
  await store.db.updateTable("deliveries").set({ status: "sent" }).execute();
  return { ...world, issueId: issue.id, deliveryId: row.id };
}

// Every state change that tells a webhook, by the route that makes it.
const CHANGES: {
  name: string;
  type: EventType;
  act: (store: Store) => Promise<() => Promise<unknown>>;
}[] = [
  {
    name: "a signup's new membership",
    type: "subscriber.subscribed",
    act: async (store) => {
      const { listId } = await seed(store, "active");
      const { id } = await store.subscribers.upsert("bo@example.com", undefined, T0);
      return () =>
        store.audience.join(listId, id, { status: "pending", source: "signup", now: T0 });
    },
  },
  {
    name: "a confirmation",
    type: "subscriber.confirmed",
    act: async (store) => {
      const { listId, subscriberId } = await seed(store, "pending");
      return () =>
        store.audience.join(listId, subscriberId, {
          status: "active",
          source: "signup",
          now: T0,
          force: true,
        });
    },
  },
  {
    name: "an unsubscribe (link, one-click, preferences, mailto)",
    type: "subscriber.unsubscribed",
    act: async (store) => {
      const { listId, subscriberId } = await seed(store, "active");
      return () =>
        store.audience.applyMailEvent({
          source: "one-click",
          kind: "unsubscribe",
          listId,
          subscriberId,
          at: T0,
          maxBounces: 3,
        });
    },
  },
  {
    name: "a complaint's suppression",
    type: "subscriber.complained",
    act: async (store) => {
      await seed(store, "active");
      return () =>
        store.audience.applyMailEvent({
          source: "arf",
          kind: "complaint",
          email: "ada@example.com",
          at: T0,
          maxBounces: 3,
        });
    },
  },
  {
    name: "a hard bounce that came back",
    type: "subscriber.bounced",
    act: async (store) => {
      const { deliveryId } = await seedSent(store);
      return () =>
        store.audience.applyMailEvent({
          source: "dsn",
          kind: "hard-bounce",
          deliveryId,
          detail: "550 no such user",
          at: T0,
          maxBounces: 1,
        });
    },
  },
  {
    name: "a bounce the transport reported at send time",
    type: "subscriber.bounced",
    act: async (store) => {
      const { deliveryId } = await seedSent(store);
      return () => store.sendLedger.markUnsent(deliveryId, "bounced", "550 no such user", T0);
    },
  },
  {
    name: "a composed issue",
    type: "issue.composed",
    act: async (store) => {
      const { listId } = await seed(store, "active");
      return () =>
        store.issues.create({ listId, periodStart: T0, periodEnd: T0, articleIds: [], now: T0 });
    },
  },
  {
    name: "an issue that finished sending",
    type: "issue.sent",
    act: async (store) => {
      const { issueId } = await seedSent(store);
      return () => store.sendLedger.markIssueSent(issueId, T0);
    },
  },
];

describe.each(STORE_BACKENDS)("the transactional outbox on $name", ({ name, open }) => {
  let handle: TestStore;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    store.events.configure([{ url: HOOK, events: [...EVENT_TYPES] }]);
  });
  afterEach(() => handle.dispose());

  it.each(CHANGES)("$name records exactly one $type event with it", async ({ type, act }) => {
    const change = await act(store);
    const before = await store.db.selectFrom("events").select("id").execute();
    await change();
    const known = new Set(before.map((row) => row.id));
    const added = (await store.db.selectFrom("events").select(["id", "type"]).execute()).filter(
      (row) => !known.has(row.id),
    );
    expect(added.map((row) => row.type)).toEqual([type]);
    const queued = (await store.webhookDeliveries.log(50)).filter((row) => !known.has(row.eventId));
    expect(queued.map((row) => [row.type, row.url, row.status])).toEqual([[type, HOOK, "pending"]]);
  });

  it.each(CHANGES)("$name is rolled back when its event cannot be written", async ({ act }) => {
    const change = await act(store);
    const before = await snapshot(store);
    await refuseWrites(store, name, { table: "events", op: "insert" });
    await expect(change()).rejects.toThrow(/events insert refused/);
    expect(await snapshot(store)).toEqual(before);
  });
});
