import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleInput, Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T10:00:00Z");
const T1 = new Date("2026-11-21T10:00:00Z");

function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    feedId: 1,
    canonicalUrl: "https://blog.example/posts/queues",
    url: "https://blog.example/posts/queues?utm_source=rss",
    guid: "post-1",
    title: "Moving our queue to PostgreSQL",
    contentHtml: "<p>We moved the queue.</p>",
    contentText: "We moved the queue.",
    categories: [],
    contentHash: "hash-1",
    ...overrides,
  };
}

describe.each(STORE_BACKENDS)("article identity (ArticleRepo.upsert, $name)", (backend) => {
  let opened: TestStore;
  let store: Store;
  let feedA: number;
  let feedB: number;

  beforeEach(async () => {
    opened = await backend.open();
    store = opened.store;
    const feeds = await store.feeds.sync(
      [
        { url: "https://a.example/feed", tags: [] },
        { url: "https://b.example/feed", tags: [] },
      ],
      T0,
    );
    [feedA, feedB] = feeds.map((feed) => feed.id) as [number, number];
  });
  afterEach(() => opened.dispose());

  const rows = () => store.db.selectFrom("articles").selectAll().orderBy("id").execute();

  it("stores an article once, then reports it unchanged", async () => {
    expect(await store.articles.upsert(article({ feedId: feedA }), T0)).toBe("new");
    expect(await store.articles.upsert(article({ feedId: feedA }), T1)).toBe("unchanged");
    expect(await rows()).toHaveLength(1);
  });

  it("updates a title edit in place and keeps first_seen_at, so it is never new again", async () => {
    await store.articles.upsert(article({ feedId: feedA }), T0);
    const edited = article({
      feedId: feedA,
      title: "Moving our job queue to PostgreSQL",
      contentHash: "hash-2",
    });
    expect(await store.articles.upsert(edited, T1)).toBe("updated");
    const [row] = await rows();
    expect(row).toMatchObject({
      title: edited.title,
      first_seen_at: T0.toISOString(),
      updated_at: T1.toISOString(),
    });
    expect(await rows()).toHaveLength(1);
  });

  it("keeps one article when the GUID changes and the URL stays", async () => {
    await store.articles.upsert(article({ feedId: feedA }), T0);
    expect(
      await store.articles.upsert(article({ feedId: feedA, guid: "regenerated-123" }), T1),
    ).toBe("unchanged");
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]?.guid).toBe("regenerated-123");
  });

  it("follows a stable GUID when the URL is edited", async () => {
    await store.articles.upsert(article({ feedId: feedA }), T0);
    const moved = article({
      feedId: feedA,
      canonicalUrl: "https://blog.example/posts/queues-on-postgres",
      url: "https://blog.example/posts/queues-on-postgres",
    });
    expect(await store.articles.upsert(moved, T1)).toBe("unchanged");
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]?.canonical_url).toBe("https://blog.example/posts/queues-on-postgres");
  });

  it("falls back to the content hash when GUID and URL both change (the blog moved)", async () => {
    await store.articles.upsert(article({ feedId: feedA }), T0);
    const rehosted = article({
      feedId: feedA,
      guid: "https://new.example/posts/queues",
      canonicalUrl: "https://new.example/posts/queues",
      url: "https://new.example/posts/queues",
    });
    expect(await store.articles.upsert(rehosted, T1)).toBe("unchanged");
    expect(await rows()).toHaveLength(1);
  });

  it("stores the same story from two feeds once; the first feed keeps it", async () => {
    expect(await store.articles.upsert(article({ feedId: feedA }), T0)).toBe("new");
    const copy = article({
      feedId: feedB,
      guid: "other-guid",
      title: "Syndicated copy",
      contentHash: "hash-9",
    });
    expect(await store.articles.upsert(copy, T1)).toBe("unchanged");
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ feed_id: feedA, title: article().title });
  });

  it("tells different articles apart when only their GUIDs are missing", async () => {
    await store.articles.upsert(article({ feedId: feedA, guid: undefined }), T0);
    const other = article({
      feedId: feedA,
      guid: undefined,
      canonicalUrl: "https://blog.example/posts/flaky-tests",
      url: "https://blog.example/posts/flaky-tests",
      contentHash: "hash-3",
    });
    expect(await store.articles.upsert(other, T0)).toBe("new");
    expect(await rows()).toHaveLength(2);
  });

  it("keeps full text: an item whose feed version is unchanged does not overwrite it", async () => {
    const full = article({
      feedId: feedA,
      contentText: "The whole article.",
      contentHash: "full",
      feedHash: "hash-1",
    });
    await store.articles.upsert(full, T0);
    expect(await store.articles.upsert(article({ feedId: feedA }), T1)).toBe("unchanged");
    expect((await rows())[0]?.content_text).toBe("The whole article.");
  });

  it("stores many in one transaction and reports each outcome", async () => {
    const second = article({
      feedId: feedA,
      guid: "post-2",
      canonicalUrl: "https://blog.example/2",
      url: "https://blog.example/2",
      contentHash: "h2",
    });
    expect(await store.articles.upsertAll([article({ feedId: feedA }), second], T0)).toEqual([
      "new",
      "new",
    ]);
    expect(
      await store.articles.upsertAll(
        [article({ feedId: feedA }), { ...second, contentHash: "h2b" }],
        T1,
      ),
    ).toEqual(["unchanged", "updated"]);
  });
});
