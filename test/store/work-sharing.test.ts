import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");

// The store's part of many workers: claims that never overlap, and a shared send pacing.
describe.each(STORE_BACKENDS)("work sharing on $name", ({ open }) => {
  let handle: TestStore;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(() => handle.dispose());

  it("gives concurrent claimers disjoint rows, every row to someone", async () => {
    const lists = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0);
    const listId = lists.get("weekly") as number;
    for (let i = 0; i < 60; i++) {
      const { id } = await store.subscribers.upsert(`r${i}@example.com`, undefined, T0);
      await store.subscribers.join(listId, id, { status: "active", source: "test", now: T0 });
    }
    const issue = await store.issues.create({
      listId,
      periodStart: T0,
      periodEnd: T0,
      articleIds: [],
      now: T0,
    });
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now: T0,
      messageIdFor: (id) => `<m${id}@x>`,
    });
    const others = [await handle.reopen(), await handle.reopen()];
    try {
      const claimers = [store, ...others];
      const claimed: number[] = [];
      // SQLite's claimers may collide (one wins, the others get nothing); PostgreSQL's skip each other.
      for (let round = 0; round < 20 && claimed.length < 60; round++) {
        const batches = await Promise.all(
          claimers.map((s) => s.deliveries.claim(issue.id, listId, 10, T0, 60_000)),
        );
        claimed.push(...batches.flat().map((row) => row.id));
      }
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed).toHaveLength(60);
      expect(await store.deliveries.counts(issue.id)).toEqual({ sending: 60 });
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it("hands out evenly spaced send slots, never two the same, from now on", async () => {
    const other = await handle.reopen();
    try {
      const now = T0.getTime();
      const slots = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? other : store).pacing.reserve("delivery", 50, now),
        ),
      );
      expect([...slots].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 10 }, (_, i) => now + i * 50),
      );
      // After an idle stretch the next slot is now, not a burst of the slots missed meanwhile.
      expect(await store.pacing.reserve("delivery", 50, now + 10_000)).toBe(now + 10_000);
      expect(await store.pacing.reserve("delivery", 50, now + 10_000)).toBe(now + 10_050);
    } finally {
      await other.close();
    }
  });
});
