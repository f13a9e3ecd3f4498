import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleToEnrich } from "../../src/enrich/ports.js";
import type { FeedRow, Store } from "../../src/store/index.js";
import { issueWithLedger, STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");

// The store's part of many workers: claims of deliveries, feeds and articles that never overlap,
// leases that pass, and a shared send pacing.
describe.each(STORE_BACKENDS)("work sharing on $name", ({ name, open }) => {
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
    const issue = await issueWithLedger(store, listId, T0, (id) => `<m${id}@x>`);
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

  it("gives concurrent claimers disjoint due feeds, and takes an expired lease back", async () => {
    const feeds = await store.feeds.sync(
      Array.from({ length: 30 }, (_, i) => ({ url: `https://f${i}.example.com/feed`, tags: [] })),
      T0,
    );
    // Not due, retired, or not among the worker's feeds: never claimed.
    const [later, retired, elsewhere] = feeds.slice(27) as [FeedRow, FeedRow, FeedRow];
    await store.feeds.recordFetch(later.id, {
      status: "fetched",
      fetchedAt: T0,
      nextFetchAt: new Date(T0.getTime() + 60_000),
    });
    await store.feeds.recordFetch(retired.id, { status: "gone", fetchedAt: T0, nextFetchAt: null });
    const among = feeds.filter((feed) => feed !== elsewhere).map((feed) => feed.id);
    const others = [await handle.reopen(), await handle.reopen()];
    try {
      const claimers = [store, ...others];
      const claimed: number[] = [];
      for (let round = 0; round < 20; round++) {
        const batches = await Promise.all(
          claimers.map((s, i) => s.feeds.claimDue(`w${i}`, 4, T0, 60_000, { among })),
        );
        claimed.push(...batches.flat().map((row) => row.id));
      }
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort((a, b) => a - b)).toEqual(feeds.slice(0, 27).map((feed) => feed.id));
      // Another owner's release frees nothing; the lease's passing does.
      const first = feeds[0] as FeedRow;
      const owner = (await store.feeds.byUrl(first.url))?.lease_owner as string;
      await store.feeds.releaseLease([first.id], "someone-else");
      expect(await store.feeds.claimDue("late", 30, T0, 60_000, { among })).toEqual([]);
      const after = new Date(T0.getTime() + 60_001);
      const reclaimed = await store.feeds.claimDue("late", 30, after, 60_000, { among });
      expect(reclaimed.map((row) => row.id)).toEqual(feeds.slice(0, 28).map((feed) => feed.id));
      expect(reclaimed.every((row) => row.lease_owner === "late")).toBe(true);
      // The old owner's release, after its lease was taken over, leaves the new claim alone.
      await store.feeds.releaseLease([first.id], owner);
      expect((await store.feeds.byUrl(first.url))?.lease_owner).toBe("late");
      await store.feeds.releaseLease(
        reclaimed.map((row) => row.id),
        "late",
      );
      // Released, but fetched a moment ago: a worker's floor between fetches keeps it back.
      await store.feeds.recordFetch(first.id, {
        status: "unchanged",
        fetchedAt: after,
        nextFetchAt: after,
      });
      const floor = { among, fetchedBefore: new Date(after.getTime() - 1) };
      const again = await store.feeds.claimDue("next", 30, after, 60_000, floor);
      expect(again.map((row) => row.id)).toEqual(feeds.slice(1, 28).map((feed) => feed.id));
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it("gives concurrent claimers disjoint articles to enrich, and takes an expired lease back", async () => {
    const [feed] = await store.feeds.sync([{ url: "https://a.example.com/feed", tags: [] }], T0);
    await store.articles.upsertAll(
      Array.from({ length: 30 }, (_, i) => ({
        feedId: (feed as FeedRow).id,
        canonicalUrl: `https://a.example.com/${i}`,
        url: `https://a.example.com/${i}`,
        title: `Article ${i}`,
        publishedAt: T0,
        contentHtml: `<p>Text ${i}</p>`,
        contentText: `Text ${i}`,
        categories: [],
        contentHash: `hash${i}`,
      })),
      T0,
    );
    const all = await store.enrichments.needingEnrichment("s@1", T0);
    expect(all).toHaveLength(30);
    // One already summarized by this summarizer: never claimed.
    const done = all[29] as ArticleToEnrich;
    await store.enrichments.saveEnrichment({
      articleId: done.id,
      contentHash: done.contentHash,
      summarizer: "s@1",
      summary: "Done.",
      why: "",
      tags: [],
      category: "engineering",
      readMinutes: 1,
      createdAt: T0,
    });
    const others = [await handle.reopen(), await handle.reopen()];
    try {
      const claimers = [store, ...others];
      const claimed: ArticleToEnrich[] = [];
      for (let round = 0; round < 20; round++) {
        const batches = await Promise.all(
          claimers.map((s) => s.enrichments.claimForEnrichment("s@1", T0, 4, T0, 60_000)),
        );
        claimed.push(...batches.flat());
      }
      const ids = claimed.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort((a, b) => a - b)).toEqual(all.slice(0, 29).map((row) => row.id));
      expect(claimed[0]?.feed.tags).toEqual([]);
      // A release with another claim's lease frees nothing; the lease's passing does.
      const lease = claimed[0]?.enrichLeaseUntil as string;
      await store.enrichments.releaseEnrichment(ids, "2000-01-01T00:00:00.000Z");
      expect(await store.enrichments.claimForEnrichment("s@1", T0, 30, T0, 60_000)).toEqual([]);
      const after = new Date(T0.getTime() + 60_001);
      const reclaimed = await store.enrichments.claimForEnrichment("s@1", T0, 30, after, 60_000);
      expect(reclaimed.map((row) => row.id)).toEqual(all.slice(0, 29).map((row) => row.id));
      await store.enrichments.releaseEnrichment(ids, lease);
      expect(await store.enrichments.claimForEnrichment("s@1", T0, 30, after, 60_000)).toEqual([]);
      // Released by its owner: claimable at once.
      const newLease = reclaimed[0]?.enrichLeaseUntil as string;
      await store.enrichments.releaseEnrichment([ids[0] as number], newLease);
      const freed = await store.enrichments.claimForEnrichment("s@1", T0, 30, after, 60_000);
      expect(freed.map((row) => row.id)).toEqual([ids[0]]);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  // Without SKIP LOCKED the claim would wait for the lock, which is held until the claim returns.
  it.runIf(name === "postgres")("skips feeds and articles another claim has locked", async () => {
    const feeds = await store.feeds.sync(
      ["a", "b"].map((host) => ({ url: `https://${host}.example.com/feed`, tags: [] })),
      T0,
    );
    const [locked, free] = feeds as [FeedRow, FeedRow];
    await store.articles.upsertAll(
      feeds.map((feed) => ({
        feedId: feed.id,
        canonicalUrl: `${feed.url}/post`,
        url: `${feed.url}/post`,
        title: "Post",
        publishedAt: T0,
        contentHtml: "<p>Text</p>",
        contentText: "Text",
        categories: [],
        contentHash: feed.url,
      })),
      T0,
    );
    const [lockedArticle] = await store.enrichments.needingEnrichment("s@1", T0);
    const other = await handle.reopen();
    try {
      await other.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom("feeds")
          .select("id")
          .where("id", "=", locked.id)
          .forUpdate()
          .execute();
        await trx
          .selectFrom("articles")
          .select("id")
          .where("id", "=", (lockedArticle as ArticleToEnrich).id)
          .forUpdate()
          .execute();
        const claimed = await store.feeds.claimDue("w", 10, T0, 60_000);
        expect(claimed.map((row) => row.id)).toEqual([free.id]);
        const articles = await store.enrichments.claimForEnrichment("s@1", T0, 10, T0, 60_000);
        expect(articles.map((row) => row.feedId)).toEqual([free.id]);
      });
    } finally {
      await other.close();
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
