import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ArticleInput,
  createFetchSaver,
  openStore,
  type Store,
} from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let store: Store;

/** An article of feed `feedId` as collect would store it; `fields` override. */
function articleInput(feedId: number, fields: Partial<ArticleInput> = {}): ArticleInput {
  return {
    feedId,
    canonicalUrl: "https://a.example/post",
    url: "https://a.example/post",
    title: "Post",
    contentHtml: "<p>Hi</p>",
    contentText: "Hi",
    categories: [],
    contentHash: "h1",
    ...fields,
  };
}

/** Article `n` of feed `feedId`, with its own URL, GUID, title and content; `fields` override. */
function numbered(feedId: number, n: number, fields: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(feedId, {
    canonicalUrl: `https://a.example/post-${n}`,
    url: `https://a.example/post-${n}`,
    guid: `g-${n}`,
    title: `Post ${n}`,
    contentHtml: `<p>${n}</p>`,
    contentText: String(n),
    contentHash: `h${n}`,
    ...fields,
  });
}

/** Every stored article's URL, GUID and title, oldest first. */
function storedIdentities() {
  return store.db
    .selectFrom("articles")
    .select(["canonical_url", "guid", "title"])
    .orderBy("id")
    .execute();
}

/** A successful fetch at T0 that got the feed with this ETag. */
function fetchedWith(etag: string) {
  return { status: "fetched" as const, fetchedAt: T0, nextFetchAt: null, etag };
}

async function seedIssueWithSubscribers(emails: string[]) {
  const lists = await store.subscribers.syncLists([{ id: "weekly", name: "Weekly" }], T0);
  const listId = lists.get("weekly") as number;
  const ids: number[] = [];
  for (const email of emails) {
    const { id } = await store.subscribers.upsert(email, undefined, T0);
    await store.subscribers.join(listId, id, { status: "active", source: "test", now: T0 });
    ids.push(id);
  }
  const issue = await store.issues.create({
    listId,
    periodStart: later(-60),
    periodEnd: T0,
    articleIds: [],
    now: T0,
  });
  return { listId, issue, ids };
}

describe("the SQLite store", () => {
  it("is migrated on open and can be opened twice", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gazette-store-"));
    const first = await openStore(dir);
    await first.runs.setting("install_id", () => "abc");
    await first.close();
    const second = await openStore(dir);
    expect(await second.runs.setting("install_id", () => "other")).toBe("abc");
    await second.close();
  });
});

// One contract suite, run against every backend (STYLE §2: like unstorage's driver tests).
describe.each(STORE_BACKENDS)("the store on $name", ({ open }) => {
  let handle: TestStore;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(() => handle.dispose());

  it("keeps one article per canonical URL and updates it in place", async () => {
    const [feed] = await store.feeds.sync([{ url: "https://a.example/feed", tags: [] }], T0);
    const article = articleInput(feed?.id as number, {
      url: "https://a.example/post?utm_source=rss",
    });
    expect(await store.articles.upsert(article, T0)).toBe("new");
    expect(await store.articles.upsert(article, later(5))).toBe("unchanged");
    expect(
      await store.articles.upsert(
        { ...article, title: "Post (edited)", contentHash: "h2" },
        later(10),
      ),
    ).toBe("updated");
    // A changed GUID with the same URL, or the same GUID under a new URL, is the same article.
    expect(
      await store.articles.upsert(
        { ...article, guid: "g-1", canonicalUrl: "https://a.example/post", contentHash: "h2" },
        later(11),
      ),
    ).toBe("unchanged");
    const rows = await store.db.selectFrom("articles").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title).toBe("Post (edited)");
    expect(rows[0]?.first_seen_at).toBe(T0.toISOString());
  });

  it("saves a feed's articles and its fetch in one transaction, matching by GUID and content", async () => {
    const [feed] = await store.feeds.sync([{ url: "https://a.example/feed", tags: [] }], T0);
    const feedId = feed?.id as number;
    const article = (n: number, fields: Partial<ArticleInput> = {}) => numbered(feedId, n, fields);
    const [first] = await store.saveFetches([
      { feedId, outcome: fetchedWith('"1"'), inputs: [article(1), article(2), article(3)] },
    ]);
    expect(first).toEqual(["new", "new", "new"]);
    const [second] = await store.saveFetches([
      {
        feedId,
        outcome: fetchedWith('"2"'),
        inputs: [
          // The same GUID under a new URL, and the same content under a new GUID and URL: both
          // the article already stored; a new article; the new one again in the same fetch.
          article(1, {
            canonicalUrl: "https://a.example/moved-1",
            url: "https://a.example/moved-1",
          }),
          article(2, {
            guid: "g-new",
            canonicalUrl: "https://b.example/2",
            url: "https://b.example/2",
          }),
          article(4),
          article(4, { title: "Post 4 (edited)", contentHash: "h4b" }),
        ],
        now: later(5),
        alsoFetched: ["https://a.example/post-3"],
      },
    ]);
    expect(second).toEqual(["unchanged", "unchanged", "new", "updated"]);
    expect(await storedIdentities()).toEqual([
      { canonical_url: "https://a.example/moved-1", guid: "g-1", title: "Post 1" },
      { canonical_url: "https://b.example/2", guid: "g-new", title: "Post 2" },
      { canonical_url: "https://a.example/post-3", guid: "g-3", title: "Post 3" },
      { canonical_url: "https://a.example/post-4", guid: "g-4", title: "Post 4 (edited)" },
    ]);
    expect((await store.feeds.byUrl("https://a.example/feed"))?.etag).toBe('"2"');
  });

  it("keeps neither a feed's articles nor its fetch when one of them cannot be saved", async () => {
    const [feed] = await store.feeds.sync([{ url: "https://a.example/feed", tags: [] }], T0);
    const good = articleInput(feed?.id as number);
    // No feed 999 exists: its article breaks the foreign key, after the first one was written.
    const broken = { ...good, feedId: 999, canonicalUrl: "https://a.example/other" };
    await expect(
      store.saveFetches([
        {
          feedId: feed?.id as number,
          outcome: fetchedWith('"1"'),
          inputs: [good, broken],
        },
      ]),
    ).rejects.toThrow();
    expect(await store.db.selectFrom("articles").selectAll().execute()).toEqual([]);
    const after = await store.feeds.byUrl("https://a.example/feed");
    expect([after?.etag, after?.last_fetched_at]).toEqual([null, null]);
  });

  it("commits concurrent saves in groups, and a failing save fails alone", async () => {
    const synced = await store.feeds.sync(
      ["a", "b", "c", "d"].map((name) => ({ url: `https://${name}.example/feed`, tags: [] })),
      T0,
    );
    const save = createFetchSaver(store);
    const fetchOf = (feedId: number, articleFeedId = feedId) => ({
      feedId,
      outcome: fetchedWith('"1"'),
      inputs: [
        articleInput(articleFeedId, {
          canonicalUrl: `https://example.com/${feedId}`,
          url: `https://example.com/${feedId}`,
          title: `Post of ${feedId}`,
          contentHash: `h${feedId}`,
        }),
      ],
    });
    const [a, b, c, d] = synced.map((feed) => feed.id) as [number, number, number, number];
    // The four go together (c's article names a feed that does not exist), then each alone.
    const outcomes = await Promise.allSettled([
      save(fetchOf(a)),
      save(fetchOf(b)),
      save(fetchOf(c, 999)),
      save(fetchOf(d)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(outcomes[1]).toEqual({ status: "fulfilled", value: ["new"] });
    const titles = await store.db.selectFrom("articles").select("title").orderBy("id").execute();
    expect(titles.map((row) => row.title)).toEqual([
      `Post of ${a}`,
      `Post of ${b}`,
      `Post of ${d}`,
    ]);
    const fetched = await store.db
      .selectFrom("feeds")
      .select("etag")
      .where("etag", "is not", null)
      .execute();
    expect(fetched).toHaveLength(3);
  });

  it("matches an item by its GUID first, else by the oldest article with the same content", async () => {
    const [feed] = await store.feeds.sync([{ url: "https://a.example/feed", tags: [] }], T0);
    const feedId = feed?.id as number;
    await store.articles.upsertAll([numbered(feedId, 1), numbered(feedId, 2)], T0);
    // At a new URL with the GUID of post 1 and the content of post 2: post 1, edited.
    const moved = numbered(feedId, 3, { guid: "g-1", contentHash: "h2", title: "Post 1, moved" });
    expect(await store.articles.upsertAll([moved], later(5))).toEqual(["updated"]);
    // Without a GUID, at a new URL, the content of both: the older one, moved there.
    const again = numbered(feedId, 4, {
      guid: undefined,
      contentHash: "h2",
      title: "Post 1, moved",
    });
    expect(await store.articles.upsertAll([again], later(6))).toEqual(["unchanged"]);
    expect(await storedIdentities()).toEqual([
      { guid: null, title: "Post 1, moved", canonical_url: "https://a.example/post-4" },
      { guid: "g-2", title: "Post 2", canonical_url: "https://a.example/post-2" },
    ]);
  });

  it("commits saves made one callback after another in one transaction", async () => {
    const synced = await store.feeds.sync(
      ["a", "b", "c"].map((name) => ({ url: `https://${name}.example/feed`, tags: [] })),
      T0,
    );
    const groups: number[] = [];
    const save = createFetchSaver({
      saveFetches: (fetches) => {
        groups.push(fetches.length);
        return store.saveFetches(fetches);
      },
    });
    // As collect's feeds finish: each save in a callback of its own, the store idle in between.
    const saved = synced.map(
      (feed) =>
        new Promise<unknown>((resolve) =>
          setImmediate(() => resolve(save({ feedId: feed.id, outcome: fetchedWith('"1"') }))),
        ),
    );
    await Promise.all(saved);
    expect(groups).toEqual([3]);
    const fetched = await store.db.selectFrom("feeds").select("etag").execute();
    expect(fetched.map((row) => row.etag)).toEqual(['"1"', '"1"', '"1"']);
  });

  it("creates the delivery ledger once per subscriber, however often it is asked", async () => {
    const { listId, issue } = await seedIssueWithSubscribers(["a@example.com", "b@example.com"]);
    const input = {
      issueId: issue.id,
      listId,
      now: T0,
      messageIdFor: (s: number) => `<${issue.id}.${s}@example.com>`,
    };
    expect(await store.deliveries.createLedger(input)).toBe(2);
    expect(await store.deliveries.createLedger(input)).toBe(0);
    expect(await store.deliveries.counts(issue.id)).toEqual({ pending: 2 });
    expect((await store.issues.byNumber(listId, issue.number))?.status).toBe("sending");
  });

  it("claims rows with a lease, reclaims them when it expires, and skips people who left", async () => {
    const { listId, issue, ids } = await seedIssueWithSubscribers([
      "a@example.com",
      "b@example.com",
      "c@example.com",
    ]);
    await store.deliveries.createLedger({
      issueId: issue.id,
      listId,
      now: T0,
      messageIdFor: (s) => `<${s}@x>`,
    });
    await store.subscribers.setStatus(listId, ids[2] as number, "unsubscribed", T0);

    const first = await store.deliveries.claim(issue.id, listId, 10, T0, 60_000);
    expect(first.map((d) => d.email)).toEqual(["a@example.com", "b@example.com"]);
    expect(await store.deliveries.counts(issue.id)).toEqual({ sending: 2, skipped: 1 });
    // Within the lease nobody else gets them; once it expires they are claimable again.
    expect(await store.deliveries.claim(issue.id, listId, 10, later(0.5), 60_000)).toEqual([]);
    await store.deliveries.markSent(first[0]?.id as number, "250 OK", later(0.5));
    const reclaimed = await store.deliveries.claim(issue.id, listId, 10, later(2), 60_000);
    expect(reclaimed.map((d) => [d.email, d.attempts])).toEqual([["b@example.com", 2]]);
  });

  it("never reactivates an unsubscribed membership on a later join", async () => {
    const { listId, ids } = await seedIssueWithSubscribers(["a@example.com"]);
    await store.subscribers.setStatus(listId, ids[0] as number, "unsubscribed", T0);
    const outcome = await store.subscribers.join(listId, ids[0] as number, {
      status: "active",
      source: "sync",
      now: later(1),
    });
    expect(outcome).toBe("kept");
    expect(await store.subscribers.countsByStatus(listId)).toEqual({ unsubscribed: 1 });
  });
});
