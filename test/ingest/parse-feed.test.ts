import { describe, expect, it } from "vitest";
import { type FeedItem, parseFeed } from "../../src/ingest/index.js";
import { feedFixture, linksIn } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const parse = (name: string, feedUrl = "https://blog.example.com/feed.xml") =>
  parseFeed(feedFixture(name), { feedUrl, now });

function byTitle(items: FeedItem[], title: string): FeedItem {
  const item = items.find((candidate) => candidate.title === title);
  if (!item) throw new Error(`no item titled ${title}: ${items.map((i) => i.title).join(", ")}`);
  return item;
}

describe("parseFeed on RSS 2.0 with content:encoded", () => {
  it("reads the channel and every item", async () => {
    const feed = await parse("rss2-full.xml");
    expect(feed.title).toBe("Example Engineering");
    expect(feed.siteUrl).toBe("https://blog.example.com/engineering/");
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => item.url)).toEqual([
      "https://blog.example.com/engineering/scaling-queues?utm_source=rss&utm_medium=feed#comments",
      "https://blog.example.com/engineering/relative-post",
      // new URL() already lowercases the host and drops the default port of the item link.
      "https://blog.example.com/engineering/medium-style-3fddcceb1059/?source=rss----2615bd06b42e---4",
    ]);
    expect(feed.items.map((item) => item.canonicalUrl)).toEqual([
      "https://blog.example.com/engineering/scaling-queues",
      "https://blog.example.com/engineering/relative-post",
      "https://blog.example.com/engineering/medium-style-3fddcceb1059",
    ]);
  });

  it("normalizes the fields of a full item", async () => {
    const item = byTitle(
      (await parse("rss2-full.xml")).items,
      "Scaling our queue & what we learned",
    );
    expect(item).toMatchObject({
      guid: "post-101",
      author: "Ada Lovelace",
      categories: ["Infrastructure", "Queues"],
      imageUrl: "https://blog.example.com/images/queue-thumb.png",
    });
    expect(item.publishedAt?.toISOString()).toBe("2025-03-04T08:30:00.000Z");
    expect(item.contentText).toBe(
      "Why queues\n\nWe moved to a log-based queue in 2024.\n\n- Throughput up 3×\n- Latency down\n\nSee the talk and write to us.",
    );
    expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("prefers content:encoded over the excerpt and makes its links absolute", async () => {
    const item = byTitle(
      (await parse("rss2-full.xml")).items,
      "Scaling our queue & what we learned",
    );
    expect(item.contentHtml).not.toContain("short excerpt");
    expect(item.contentHtml).toMatch(/^<h2>Why queues<\/h2>/);
    expect(linksIn(item.contentHtml)).toEqual([
      "https://blog.example.com/engineering/kafka-intro",
      "https://blog.example.com/engineering/images/diagram.png",
      "https://other.example.org/talk",
      "mailto:team@example.com",
    ]);
  });

  it("resolves a relative item link against the channel link, and its content against the item", async () => {
    const item = byTitle((await parse("rss2-full.xml")).items, "Relative link post");
    expect(item.author).toBe("Grace Hopper");
    expect(linksIn(item.contentHtml)).toEqual(["https://blog.example.com/about"]);
  });

  it("gives the same hash for the same content and another for changed content", async () => {
    const first = (await parse("rss2-full.xml")).items[1];
    const again = (await parse("rss2-full.xml")).items[1];
    const changed = await parseFeed(
      feedFixture("rss2-full.xml").replace("a relative link", "a new link"),
      {
        feedUrl: "https://blog.example.com/feed.xml",
        now,
      },
    );
    expect(again?.contentHash).toBe(first?.contentHash);
    expect(changed.items[1]?.contentHash).not.toBe(first?.contentHash);
  });
});

describe("parseFeed on Atom", () => {
  it("resolves relative links without xml:base against the alternate link", async () => {
    const feed = await parse("atom.xml", "https://atom.example.net/blog/feed.atom");
    expect(feed.title).toBe("Atom Systems Blog");
    expect(feed.siteUrl).toBe("https://atom.example.net/blog/");
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => item.url)).toEqual([
      "https://atom.example.net/blog/posts/edge-caching",
      "https://atom.example.net/blog/posts/summary-only",
      "https://atom.example.net/blog/posts/broken-date",
    ]);
    expect(linksIn(feed.items[0]?.contentHtml ?? "")).toEqual([
      "https://atom.example.net/blog/img/edge.svg",
      "https://atom.example.net/blog/docs/cache.html",
    ]);
  });

  it("reads title, author, categories and dates", async () => {
    const [first, second, third] = (await parse("atom.xml")).items;
    expect(first).toMatchObject({
      guid: "tag:atom.example.net,2025:edge-caching",
      title: "Caching at the edge: part 1",
      author: "Linus Example",
      categories: ["caching", "CDN"],
    });
    expect(first?.publishedAt?.toISOString()).toBe("2025-03-05T13:00:00.000Z");
    expect(second?.publishedAt?.toISOString()).toBe("2025-03-04T12:00:00.000Z");
    // An unreadable date leaves the item in place, undated.
    expect(third?.title).toBe("Broken date entry");
    expect(third?.publishedAt).toBeUndefined();
  });

  it("uses the summary when there is no content, and keeps xhtml content in order", async () => {
    const [, second, third] = (await parse("atom.xml")).items;
    expect(second?.contentHtml).toBe("Only a summary, <strong>no content</strong>.");
    expect(third?.contentHtml).toContain("<p>XHTML <b>content</b> survives.</p>");
    expect(third?.contentText).toBe("XHTML content survives.");
  });
});

describe("parseFeed on other shapes", () => {
  it("keeps an excerpt-only item with its excerpt", async () => {
    const feed = await parse("rss-excerpt-only.xml");
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.contentText).toBe("The first paragraph only… Continue reading");
    expect(linksIn(feed.items[0]?.contentHtml ?? "")).toEqual([
      "https://excerpts.example.com/2025/03/excerpt",
    ]);
  });

  it("reads <rss> without a version attribute as RSS 2.0", async () => {
    const feed = await parse("rss-no-version.xml");
    expect(feed.title).toBe("No Version Blog");
    expect(feed.items.map((item) => item.title)).toEqual(["Still an RSS feed"]);
  });

  it("decodes a windows-1252 feed without losing a character", async () => {
    const feed = await parse("windows-1252.xml");
    expect(feed.title).toBe("Café Engineering — legacy");
    expect(feed.items[0]?.title).toBe("Grüße aus München — “café” notes");
    expect(feed.items[0]?.contentText).toBe("Naïve résumé – über €5");
    expect(JSON.stringify(feed)).not.toContain("\uFFFD");
  });

  it("tolerates bare ampersands and HTML entities outside CDATA", async () => {
    const feed = await parse("rss-loose-entities.xml");
    expect(feed.title).toBe("Tools & Tricks");
    expect(feed.items[0]?.title).toBe("Café notes — R&D at AT&T");
    expect(feed.items[0]?.url).toBe("https://loose.example.com/cafe?a=1&b=2");
    expect(feed.items[0]?.contentText).toBe("CDATA keeps   and & as they are.");
  });
});
