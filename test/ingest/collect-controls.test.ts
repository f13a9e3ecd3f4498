import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectFeeds } from "../../src/ingest/collect-feeds.js";
import { fixedClock } from "../../src/shared/clock.js";
import { type FeedServer, startFeedServer } from "../helpers/feed-server.js";
import { STORE_BACKENDS, type TestStore } from "../helpers/stores.js";
import { tempStore, testConfig } from "./collect-helpers.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const HOUR = 3_600_000;

function item(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    url: `https://blog.example.com/posts/${id}`,
    title,
    date_published: new Date(NOW.getTime() - HOUR).toISOString(),
    content_text: `What we learned from ${id}.`,
    ...extra,
  };
}

// PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00") where SQLite
// stores it; issue 14 saw one such item fail its whole feed on PostgreSQL.
describe.each(STORE_BACKENDS)("a NUL in one item costs only that item ($name)", (backend) => {
  let server: FeedServer;
  let opened: TestStore;

  beforeEach(async () => {
    server = await startFeedServer();
    opened = await backend.open();
  });
  afterEach(async () => {
    await opened?.dispose();
    await server?.close();
  });

  it("stores every item of the feed, the hostile one without its control characters", async () => {
    server.route("/feed.json", {
      headers: { "content-type": "application/feed+json" },
      body: JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Null\u0000 Blog",
        items: [
          item("before", "An ordinary post"),
          item("nul\u0000guid", "A NUL\u0000 in the title", {
            authors: [{ name: "Null\u0000 Author" }],
            tags: ["nul\u0000tag"],
            content_html: "<p>Body with a NUL\u0000 and a \u0007bell</p>",
          }),
          item("after", "Another ordinary post"),
        ],
      }),
    });
    const config = testConfig([{ url: server.url("/feed.json") }]);
    const clock = fixedClock(NOW);
    const report = await collectFeeds(opened.store.articleSink, config, () => clock.now());
    expect(report.failed).toBe(0);
    expect(report.newArticles).toBe(3);
    const rows = await opened.store.db
      .selectFrom("articles")
      .select(["guid", "title", "author", "content_html", "content_text", "categories"])
      .orderBy("title")
      .execute();
    expect(rows.map((row) => row.title)).toEqual([
      "A NUL in the title",
      "An ordinary post",
      "Another ordinary post",
    ]);
    expect(rows[0]).toMatchObject({
      guid: "nulguid",
      author: "Null Author",
      content_text: "Body with a NUL and a bell",
      categories: JSON.stringify(["nultag"]),
    });
    expect(rows[0]?.content_html).not.toContain("\u0000");
    const [feed] = await opened.store.feeds.all();
    expect(feed?.title).toBe("Null Blog");
  });
});

// A parser's message quotes the character it stumbled on, JSON.parse a stretch of the document:
// an ESC there reached the run report, `gazette status` and `gazette feeds` as an escape sequence.
describe("a feed's error and problems hold no control character", () => {
  let server: FeedServer;

  beforeEach(async () => {
    server = await startFeedServer({
      "/broken.xml": {
        body: '<rss version="2.0"><channel><title>a</title><item><\u001b]0;pwned\u0007>',
      },
      "/broken.json": {
        headers: { "content-type": "application/feed+json" },
        body: '{"version": \u001b[2J\u009b31m}',
      },
    });
  });
  afterEach(() => server?.close());

  it("drops them from what the report says and the store keeps", async () => {
    const store = await tempStore();
    try {
      const config = testConfig([
        { url: server.url("/broken.xml") },
        { url: server.url("/broken.json") },
      ]);
      const report = await collectFeeds(store.articleSink, config, () => NOW);
      const stored = await store.feeds.all();
      const errors = [
        ...report.feeds.map((feed) => feed.error),
        ...stored.map((f) => f.last_error),
      ];
      expect(errors).toHaveLength(4);
      for (const error of errors) {
        expect(error).toMatch(/not a valid/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
        expect(error).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }
    } finally {
      await store.close();
    }
  });
});
