import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectFeeds } from "../../src/ingest/collect-feeds.js";
import type { Store } from "../../src/store/index.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { rssFeed, tempStore, testConfig } from "./collect-helpers.js";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const now = () => NOW;
const DATE = "2026-11-22T10:00:00Z";
const EXCERPT = "<p>We moved our queue into PostgreSQL… <a href='#'>Continue reading</a></p>";

function articlePage(title: string): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the queue now lives in <a href="/docs/skip-locked">PostgreSQL</a>, claimed with SELECT FOR UPDATE SKIP LOCKED, and failovers no longer lose jobs, which is what we wanted all along.</p>`,
  ).join("\n");
  return `<!doctype html><html><head><title>${title}</title>
<meta property="og:image" content="/images/cover.png"></head>
<body><nav><a href="/">Home</a> · <a href="/about">About</a></nav>
<article><h1>${title}</h1>${paragraphs}<script>steal()</script></article>
<footer>© Test Blog</footer></body></html>`;
}

describe("collectFeeds: full text for excerpt-only feeds", () => {
  let server: FeedServer;
  let store: Store;
  let base: string;

  beforeEach(async () => {
    server = await startFeedServer();
    base = server.url("").replace(/\/$/, "");
    store = await tempStore();
    server.route("/posts/queue", {
      body: articlePage("Our queue"),
      headers: { "content-type": "text/html" },
    });
    server.route("/posts/missing", { status: 404, body: "not found" });
    server.route("/excerpts.xml", {
      body: rssFeed(base, [
        { slug: "queue", guid: "q", date: DATE, html: EXCERPT },
        { slug: "missing", guid: "m", date: DATE, html: EXCERPT },
      ]),
    });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  const article = (slug: string) =>
    store.db
      .selectFrom("articles")
      .selectAll()
      .where("url", "=", `${base}/posts/${slug}`)
      .executeTakeFirstOrThrow();
  const pageRequests = () => server.requests.filter((r) => r.path.startsWith("/posts/")).length;

  it("replaces a short excerpt with the page's main text, sanitized, links absolute, og:image kept", async () => {
    const config = testConfig([{ url: server.url("/excerpts.xml"), name: "Excerpts" }]);
    const report = await collectFeeds(store.articleSink, config, now);
    expect(report.newArticles).toBe(2);

    const queue = await article("queue");
    expect(queue.content_text).toMatch(/Paragraph 8: the queue now lives in PostgreSQL/);
    expect(queue.content_text).not.toMatch(/Home|© Test Blog|steal/);
    expect(queue.content_html).toContain(`href="${base}/docs/skip-locked"`);
    expect(queue.content_html).not.toContain("<script");
    expect(queue.image_url).toBe(`${base}/images/cover.png`);

    // A page that cannot be fetched keeps the excerpt and is reported; the feed is not failed.
    const missing = await article("missing");
    expect(missing.content_text).toMatch(/We moved our queue into PostgreSQL/);
    expect(report.feeds[0]?.status).toBe("fetched");
    expect(report.feeds[0]?.problems.join("\n")).toMatch(
      /posts\/missing: full text not fetched, excerpt kept \(HTTP 404/,
    );
  });

  it("never fetches the page of an item it already stored unchanged, and keeps its full text", async () => {
    const config = testConfig([{ url: server.url("/excerpts.xml"), name: "Excerpts" }]);
    await collectFeeds(store.articleSink, config, now);
    const fetched = pageRequests();
    const again = await collectFeeds(store.articleSink, config, now, { force: true });
    expect(again).toMatchObject({ newArticles: 0, updatedArticles: 0 });
    expect(fetched).toBe(2);
    expect(pageRequests()).toBe(fetched);
    expect((await article("queue")).content_text).toMatch(/Paragraph 8/);
  });

  it("leaves excerpts alone when the feed says fullText: never", async () => {
    const config = testConfig([
      { url: server.url("/excerpts.xml"), name: "Excerpts", extra: "fullText: never" },
    ]);
    await collectFeeds(store.articleSink, config, now);
    expect(pageRequests()).toBe(0);
    expect((await article("queue")).content_text).not.toMatch(/Paragraph/);
  });

  it("fetches pages of long items only when the feed says fullText: always", async () => {
    server.route("/long.xml", { body: rssFeed(base, [{ slug: "queue", guid: "q", date: DATE }]) });
    await collectFeeds(
      store.articleSink,
      testConfig([{ url: server.url("/long.xml"), name: "Long" }]),
      now,
    );
    expect(pageRequests()).toBe(0);

    const always = await tempStore();
    const feed = { url: server.url("/long.xml"), name: "Long", extra: "fullText: always" };
    await collectFeeds(always.articleSink, testConfig([feed]), now);
    await always.close();
    expect(pageRequests()).toBe(1);
  });

  it("fetches no page for an item older than the look-back: it will never be sent", async () => {
    server.route("/mixed.xml", {
      body: rssFeed(base, [
        { slug: "queue", guid: "q", date: DATE, html: EXCERPT },
        { slug: "old", guid: "o", date: "2026-10-01T10:00:00Z", html: EXCERPT },
      ]),
    });
    await collectFeeds(
      store.articleSink,
      testConfig([{ url: server.url("/mixed.xml"), name: "Mixed" }]),
      now,
    );
    expect(server.requests.map((r) => r.path).filter((p) => p.startsWith("/posts/"))).toEqual([
      "/posts/queue",
    ]);
    expect((await article("old")).content_text).toMatch(/We moved our queue/);
  });

  it("stops asking a host that cannot be reached, and reports it once with the pages it left", async () => {
    const slugs = Array.from({ length: 10 }, (_, i) => `silent-${i}`);
    for (const slug of slugs) server.route(`/posts/${slug}`, () => {});
    server.route("/silent.xml", {
      body: rssFeed(
        base,
        slugs.map((slug) => ({ slug, guid: slug, date: DATE, html: EXCERPT })),
      ),
    });
    const config = testConfig(
      [{ url: server.url("/silent.xml"), name: "Silent" }],
      ["idleTimeout: 200ms"],
    );
    const report = await collectFeeds(store.articleSink, config, now);
    // The first pages in flight time out; the others are not asked for.
    expect(pageRequests()).toBeLessThan(slugs.length);
    const host = new URL(base).host;
    expect(report.feeds[0]?.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${host.replaceAll(".", "\\.")} could not be reached: full text not fetched for ${slugs.length} articles, excerpts kept \\(.*no data`,
        ),
      ),
    ]);
    expect(report.newArticles).toBe(slugs.length);
  });

  // Excerpts kept because the host was down were kept for good: the unchanged feed (a 304, or
  // its items known) never had them read again.
  it("asks again at a later collect for the pages an unreachable host left, the feed unchanged", async () => {
    const slugs = ["later-0", "later-1", "later-2"];
    for (const slug of slugs) server.route(`/posts/${slug}`, () => {});
    server.route("/later.xml", {
      body: rssFeed(
        base,
        slugs.map((slug) => ({ slug, guid: slug, date: DATE, html: EXCERPT })),
      ),
      headers: { "content-type": "application/rss+xml", etag: '"v1"' },
    });
    const config = testConfig(
      [{ url: server.url("/later.xml"), name: "Later" }],
      ["idleTimeout: 200ms"],
    );
    await collectFeeds(store.articleSink, config, now);
    expect((await article("later-0")).content_text).toMatch(/We moved our queue/);
    // The host is back.
    for (const slug of slugs)
      server.route(`/posts/${slug}`, {
        body: articlePage(slug),
        headers: { "content-type": "text/html" },
      });
    const asked = pageRequests();
    const again = await collectFeeds(store.articleSink, config, now, { force: true });
    expect(pageRequests() - asked).toBe(slugs.length);
    expect(again).toMatchObject({ newArticles: 0, updatedArticles: slugs.length });
    for (const slug of slugs) expect((await article(slug)).content_text).toMatch(/Paragraph 8/);
    // Nothing is owed any more: the pages are not asked for again, and the feed is asked
    // conditionally once more.
    const third = await collectFeeds(store.articleSink, config, now, { force: true });
    expect(third.feeds[0]?.status).toBe("unchanged");
    expect(pageRequests() - asked).toBe(slugs.length);
  });

  it("stops asking for an owed page once its article is older than every look-back", async () => {
    server.route("/posts/down", () => {});
    server.route("/down.xml", {
      body: rssFeed(base, [{ slug: "down", guid: "d", date: DATE, html: EXCERPT }]),
      headers: { "content-type": "application/rss+xml", etag: '"v1"' },
    });
    const config = testConfig(
      [{ url: server.url("/down.xml"), name: "Down" }],
      ["idleTimeout: 200ms"],
    );
    await collectFeeds(store.articleSink, config, now);
    expect((await article("down")).feed_hash).toBeNull();
    // Eight days on, past the 7-day look-back: no issue will carry it.
    const later = () => new Date(NOW.getTime() + 8 * 86_400_000);
    const asked = pageRequests();
    await collectFeeds(store.articleSink, config, later, { force: true });
    expect(pageRequests()).toBe(asked);
    expect((await article("down")).feed_hash).not.toBeNull();
    const third = await collectFeeds(store.articleSink, config, later, { force: true });
    expect(third.feeds[0]?.status).toBe("unchanged");
  });

  // A hostile (or very slow) feed: excerpt items whose pages each take their whole timeout.
  it("asks for a feed's article pages for two minutes at most, and says what it left", async () => {
    const slugs = Array.from({ length: 10 }, (_, i) => `slow-${i}`);
    let clock = NOW.getTime();
    // Each page answers (a 404, so the host stays reachable) two minutes and a second later.
    for (const slug of slugs)
      server.route(`/posts/${slug}`, (_request, response) => {
        clock += 121_000;
        response.writeHead(404).end("gone");
      });
    server.route("/slow.xml", {
      body: rssFeed(
        base,
        slugs.map((slug) => ({ slug, guid: slug, date: DATE, html: EXCERPT })),
      ),
    });
    const config = testConfig([{ url: server.url("/slow.xml"), name: "Slow" }]);
    const report = await collectFeeds(store.articleSink, config, () => new Date(clock));
    // Only the pages asked for before the first answer; four are asked for at once.
    const asked = pageRequests();
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(4);
    expect(report.feeds[0]?.problems).toContain(
      `full text not fetched for ${slugs.length - asked} articles, excerpts kept: the feed's article pages took more than 2 minutes (first: ${base}/posts/slow-${asked})`,
    );
    expect(report.newArticles).toBe(slugs.length);
    // Owed their full text: a later collect asks for their pages again.
    expect((await article(`slow-${asked}`)).feed_hash).toBeNull();
  });
});
