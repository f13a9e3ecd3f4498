import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectFeeds } from "../../src/ingest/collect-feeds.js";
import { fixedClock } from "../../src/shared/clock.js";
import type { Store } from "../../src/store/index.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { rssFeed, type TestItem, tempStore, testConfig } from "./collect-helpers.js";

const NOW = "2026-11-23T12:00:00.000Z";
const HOUR = 3_600_000;
const RECENT: TestItem[] = [
  { slug: "one", guid: "g1", date: "2026-11-22T10:00:00Z" },
  { slug: "two", guid: "g2", date: "2026-11-21T10:00:00Z" },
];

describe("collectFeeds: fetch schedule and feed health", () => {
  let server: FeedServer;
  let store: Store;
  let base: string;
  const clock = fixedClock(NOW);
  const now = () => clock.now();
  const feedRow = async (url: string) => (await store.feeds.all()).find((f) => f.url === url);
  const requestsTo = (path: string) => server.requests.filter((r) => r.path === path).length;

  beforeEach(async () => {
    clock.set(NOW);
    server = await startFeedServer();
    base = server.url("").replace(/\/$/, "");
    store = await tempStore();
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  it("honours max-age: deferred until it runs out, then a conditional GET answered 304; --force skips the wait", async () => {
    server.route("/a.xml", {
      body: rssFeed(base, RECENT),
      headers: {
        etag: '"v1"',
        "cache-control": "max-age=3600",
        "content-type": "application/rss+xml",
      },
    });
    const config = testConfig([{ url: server.url("/a.xml"), name: "A" }]);

    const first = await collectFeeds(store.articleSink, config, now);
    expect(first).toMatchObject({ fetched: 1, newArticles: 2 });
    expect((await feedRow(server.url("/a.xml")))?.next_fetch_at).toBe(
      new Date(Date.parse(NOW) + HOUR).toISOString(),
    );

    clock.advance(HOUR / 2);
    const early = await collectFeeds(store.articleSink, config, now);
    expect(early).toMatchObject({ deferred: 1, fetched: 0 });
    expect(requestsTo("/a.xml")).toBe(1);

    const forced = await collectFeeds(store.articleSink, config, now, { force: true });
    expect(forced).toMatchObject({ unchanged: 1, deferred: 0 });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe('"v1"');

    clock.advance(HOUR);
    expect(await collectFeeds(store.articleSink, config, now)).toMatchObject({ unchanged: 1 });
    expect(requestsTo("/a.xml")).toBe(3);
  });

  it("follows a 301 once and then fetches the new URL, keeping the feed's identity", async () => {
    server.route("/old.xml", (_req, res) => res.writeHead(301, { location: "/new.xml" }).end());
    server.route("/new.xml", { body: rssFeed(base, RECENT) });
    const config = testConfig([{ url: server.url("/old.xml"), name: "Moved" }]);

    expect(await collectFeeds(store.articleSink, config, now)).toMatchObject({
      fetched: 1,
      newArticles: 2,
    });
    const row = await feedRow(server.url("/old.xml"));
    expect(row?.current_url).toBe(server.url("/new.xml"));

    await collectFeeds(store.articleSink, config, now);
    expect(requestsTo("/old.xml")).toBe(1);
    expect(requestsTo("/new.xml")).toBe(2);
    expect(await store.feeds.all()).toHaveLength(1);
  });

  it("retires a feed that answers 410 and never fetches it again", async () => {
    server.route("/gone.xml", { status: 410, body: "gone" });
    const config = testConfig([{ url: server.url("/gone.xml"), name: "Gone" }]);

    const first = await collectFeeds(store.articleSink, config, now);
    expect(first).toMatchObject({ retired: 1, failed: 0 });
    expect(first.feeds[0]?.error).toMatch(/410 Gone.*retired/);
    expect((await feedRow(server.url("/gone.xml")))?.retired_at).toBe(NOW);

    clock.advance(48 * HOUR);
    const later = await collectFeeds(store.articleSink, config, now, { force: true });
    expect(later.feeds[0]?.status).toBe("retired");
    expect(requestsTo("/gone.xml")).toBe(1);
  });

  it("backs off exponentially after failures and honours Retry-After", async () => {
    server.route("/down.xml", { status: 500, body: "oops" });
    server.route("/busy.xml", { status: 503, headers: { "retry-after": "7200" }, body: "busy" });
    const config = testConfig([
      { url: server.url("/down.xml"), name: "Down" },
      { url: server.url("/busy.xml"), name: "Busy" },
    ]);

    const first = await collectFeeds(store.articleSink, config, now);
    expect(first.failed).toBe(2);
    expect(first.feeds.find((f) => f.name === "Down")?.error).toMatch(/HTTP 500/);
    const at = (url: string) => feedRow(url).then((f) => [f?.consecutive_errors, f?.next_fetch_at]);
    const plus = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
    expect(await at(server.url("/down.xml"))).toEqual([1, plus(15 * 60_000)]);
    expect(await at(server.url("/busy.xml"))).toEqual([1, plus(2 * HOUR)]);

    clock.advance(16 * 60_000);
    const second = await collectFeeds(store.articleSink, config, now);
    expect(second).toMatchObject({ failed: 1, deferred: 1 });
    expect(await at(server.url("/down.xml"))).toEqual([2, plus(16 * 60_000 + 30 * 60_000)]);

    server.route("/down.xml", { body: rssFeed(base, RECENT) });
    clock.advance(HOUR);
    await collectFeeds(store.articleSink, config, now);
    expect((await feedRow(server.url("/down.xml")))?.consecutive_errors).toBe(0);
  });
});

describe("collectFeeds: items", () => {
  let server: FeedServer;
  let store: Store;
  let base: string;
  const now = () => new Date(NOW);

  beforeEach(async () => {
    server = await startFeedServer();
    base = server.url("").replace(/\/$/, "");
    store = await tempStore();
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  const articles = () => store.db.selectFrom("articles").selectAll().orderBy("id").execute();

  it("reports a feed without a configured name by its title, and one that never answered by its URL", async () => {
    server.route("/titled.xml", { body: rssFeed(base, RECENT, "Northwind Engineering") });
    server.route("/broken.xml", { status: 500, body: "down" });
    const config = testConfig([
      { url: server.url("/titled.xml") },
      { url: server.url("/broken.xml") },
    ]);
    const report = await collectFeeds(store.articleSink, config, now);
    expect(report.feeds.map((feed) => [feed.name, feed.status])).toEqual([
      ["Northwind Engineering", "fetched"],
      [server.url("/broken.xml"), "failed"],
    ]);
  });

  it("keeps at most collect.maxItemsPerFeed items, the newest", async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      slug: `p${i}`,
      date: `2026-11-2${i}T10:00:00Z`,
    }));
    server.route("/many.xml", { body: rssFeed(base, items) });
    const config = testConfig(
      [{ url: server.url("/many.xml"), name: "Many" }],
      ["maxItemsPerFeed: 3"],
    );
    const report = await collectFeeds(store.articleSink, config, now);
    expect(report.newArticles).toBe(3);
    expect((await articles()).map((a) => a.url.split("/").at(-1)).sort()).toEqual([
      "p2",
      "p3",
      "p4",
    ]);
    expect(report.feeds[0]?.problems).toContain(
      "2 older items over the cap of 3 per feed were left out",
    );
  });

  it("does not flood the next issue from a new feed: only articles within the look-back are new", async () => {
    server.route("/archive.xml", {
      body: rssFeed(base, [
        ...RECENT,
        { slug: "old", date: "2025-01-01T10:00:00Z" },
        { slug: "undated-1" },
        { slug: "undated-2" },
      ]),
    });
    const config = testConfig([{ url: server.url("/archive.xml"), name: "Archive" }]);
    const report = await collectFeeds(store.articleSink, config, now);
    expect(report.newArticles).toBe(2);
    expect(await articles()).toHaveLength(5);
    const undated = (await articles()).filter((a) => a.published_at === null);
    // Seen "before" the 7-day window, so no issue ever picks them up.
    for (const article of undated)
      expect(Date.parse(article.first_seen_at)).toBeLessThan(Date.parse(NOW) - 7 * 24 * HOUR);

    server.route("/archive.xml", { body: rssFeed(base, [{ slug: "undated-new" }, ...RECENT]) });
    const next = await collectFeeds(
      store.articleSink,
      config,
      () => new Date(Date.parse(NOW) + HOUR),
    );
    expect(next.newArticles).toBe(1);
    expect((await articles()).at(-1)?.first_seen_at).toBe(
      new Date(Date.parse(NOW) + HOUR).toISOString(),
    );
  });

  it("stores the same story from two feeds once, and a repeated GUID never merges two articles", async () => {
    server.route("/a.xml", { body: rssFeed(base, RECENT) });
    server.route("/b.xml", {
      body: rssFeed(base, [
        { slug: "one", guid: "same", date: "2026-11-22T10:00:00Z" },
        { slug: "three", guid: "same", date: "2026-11-22T11:00:00Z" },
      ]),
    });
    const config = testConfig([
      { url: server.url("/a.xml"), name: "A" },
      { url: server.url("/b.xml"), name: "B" },
    ]);
    await collectFeeds(store.articleSink, config, now);
    const urls = (await articles()).map((a) => a.canonical_url.split("/").at(-1)).sort();
    expect(urls).toEqual(["one", "three", "two"]);
  });

  it("reports each hostile feed with its reason and leaves the others unharmed", async () => {
    server.route("/good.xml", { body: rssFeed(base, RECENT) });
    server.route("/lt.xml", {
      body: rssFeed(base, [{ slug: "lt", html: "&lt;".repeat(256 * 1024) }]),
    });
    server.route("/html.xml", { body: "<!doctype html><html><body>Not a feed</body></html>" });
    server.route("/huge.xml", { body: "x".repeat(1_300_000) });
    server.route("/never.xml", () => {});
    const config = testConfig(
      ["good", "lt", "html", "huge", "never"].map((name) => ({
        url: server.url(`/${name}.xml`),
        name,
      })),
      ["parseTimeout: 2s", "maxBytes: 1200000", "idleTimeout: 1s"],
    );
    const report = await collectFeeds(store.articleSink, config, now);
    const byName = Object.fromEntries(report.feeds.map((f) => [f.name, f]));
    expect(byName.good).toMatchObject({ status: "fetched", newArticles: 2 });
    expect(byName.html?.error).toMatch(/HTML page/);
    expect(byName.huge?.error).toMatch(/over 1200000 bytes/);
    expect(byName.never?.status).toBe("failed");
    // The 1 MB &lt; feed either parses in time or is given up at the deadline, by name.
    if (byName.lt?.status === "failed") expect(byName.lt.error).toMatch(/longer than 2 s/);
    else expect(byName.lt?.status).toBe("fetched");
  });
});
