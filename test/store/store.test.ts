import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";

const T0 = new Date("2026-11-20T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let store: Store;

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
    const article = {
      feedId: feed?.id as number,
      canonicalUrl: "https://a.example/post",
      url: "https://a.example/post?utm_source=rss",
      title: "Post",
      contentHtml: "<p>Hi</p>",
      contentText: "Hi",
      categories: [],
      contentHash: "h1",
    };
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
