import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { feedFixture } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://edge.example.com/feed.xml";

describe("parseFeed item by item", () => {
  it("skips unusable items, reports them, and keeps the rest", async () => {
    const feed = await parseFeed(feedFixture("rss2-edge-items.xml"), { feedUrl, now });
    // No channel title: the host names the feed rather than a blank header.
    expect(feed.title).toBe("edge.example.com");
    expect(feed.items.map((item) => item.url)).toEqual([
      "https://edge.example.com/posts/only-guid",
      "https://edge.example.com/posts/untitled",
      "https://edge.example.com/posts/future",
      "https://edge.example.com/posts/epoch",
      "https://edge.example.com/posts/garbage-date",
      "https://edge.example.com/posts/zoneless",
    ]);
    expect(feed.problems).toEqual([
      `${feedUrl}: item 2 skipped: "No link at all" has no link`,
      `${feedUrl}: item 4 skipped: https://edge.example.com/posts/empty has neither a title nor content`,
    ]);
  });

  it("titles an untitled item with the first words of its text", async () => {
    const feed = await parseFeed(feedFixture("rss2-edge-items.xml"), { feedUrl, now });
    expect(feed.items[1]?.title).toBe("This post has no title but it has quite a few words…");
  });

  it("keeps only plausible dates", async () => {
    const feed = await parseFeed(feedFixture("rss2-edge-items.xml"), { feedUrl, now });
    const dates = Object.fromEntries(
      feed.items.map((item) => [item.url.split("/").pop(), item.publishedAt?.toISOString()]),
    );
    expect(dates).toEqual({
      "only-guid": "2025-03-01T10:00:00.000Z",
      untitled: undefined,
      future: undefined,
      epoch: undefined,
      "garbage-date": undefined,
      zoneless: "2025-02-28T17:45:00.000Z",
    });
  });

  it("prefers FeedBurner's original link to its redirect", async () => {
    const xml = `<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
      <channel><title>T</title><item><title>Proxied</title>
      <link>http://feedproxy.google.com/~r/Example/~3/abc/post</link>
      <feedburner:origLink>https://example.com/post</feedburner:origLink>
      </item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl, now });
    expect(feed.items.map((item) => item.url)).toEqual(["https://example.com/post"]);
  });

  it("skips an item rss-parser cannot build without failing the feed", async () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>Odd link</title><link/></entry>
      <entry><title>Fine</title><link href="https://x.example.com/fine"/></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://x.example.com/feed", now });
    expect(feed.items.map((item) => item.url)).toEqual(["https://x.example.com/fine"]);
    expect(feed.problems).toHaveLength(1);
    expect(feed.problems[0]).toMatch(/^https:\/\/x\.example\.com\/feed: item 1 skipped: /);
  });
});

describe("parseFeed on documents that are not feeds", () => {
  it("settles on a root-less document right after a good one (xml2js leaks parser state)", async () => {
    await parseFeed(feedFixture("rss-no-version.xml"), { feedUrl, now });
    const settled = await Promise.race([
      parseFeed("<!-- nothing -->", { feedUrl, now }).catch((error: unknown) => error),
      new Promise((resolve) => setImmediate(resolve, "still pending")),
    ]);
    expect(settled).toMatchObject({ code: "FEED_PARSE_FAILED" });
  });

  it("says so when the document is empty", async () => {
    await expect(parseFeed("", { feedUrl, now })).rejects.toThrow(
      `${feedUrl}: not a valid RSS or Atom feed (the document is empty)`,
    );
  });

  it("reads <rss> without a channel as an empty feed", async () => {
    const feed = await parseFeed(`<rss version="2.0">\n</rss>`, { feedUrl, now });
    expect(feed).toEqual({
      title: "edge.example.com",
      siteUrl: undefined,
      items: [],
      problems: [],
    });
  });

  it("repairs a document whose last closing tag lost its >", async () => {
    const xml = `<rss version="2.0"><channel><title>Cut</title></channel></rss`;
    expect((await parseFeed(xml, { feedUrl, now })).title).toBe("Cut");
  });

  // Seen in feeds whose titles were pasted from a word processor: a strict parser refused the
  // whole feed ("Invalid character entity") for one such reference.
  it("drops character references to characters XML does not allow, and reads the feed", async () => {
    const xml = `<rss version="2.0"><channel><title>Refs</title>
<item><title>Bad &#27;char&#x1F; &#8217;here&#x2019;</title><link>https://edge.example.com/a</link>
<description><![CDATA[Kept as text: &#27;]]> and &#0;gone</description></item>
<item><title>Good one</title><link>https://edge.example.com/b</link></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl, now });
    expect(feed.items.map((item) => item.title)).toEqual(["Bad char \u2019here\u2019", "Good one"]);
  });

  it.each([
    ["invalid XML", "invalid.xml", /not a valid RSS or Atom feed \(Unexpected close tag, Line: 6/],
    ["an HTML page", "html-page.html", /not a valid RSS or Atom feed \(it is an HTML page\)$/],
  ])("rejects %s with FEED_PARSE_FAILED", async (_case, name, message) => {
    await expectRefused(feedFixture(name), message);
  });

  // A login page served as XHTML: strict XML reads it, and it said "Feed not recognized as RSS 1
  // or 2."; with a stray end tag it is read leniently, and must still be named for what it is.
  it.each([
    ["as written", ""],
    ["with a stray end tag", "</span>"],
  ])("rejects an XHTML login page as an HTML page, %s", async (_case, stray) => {
    const page = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Sign in</title></head>
<body><form action="/login"><p>Please sign in<br/>${stray}</p></form></body></html>`;
    await expectRefused(page, /not a valid RSS or Atom feed \(it is an HTML page\)$/);
  });

  async function expectRefused(document: string, message: RegExp) {
    const error = await parseFeed(document, { feedUrl, now }).catch((e: unknown) => e);
    expect(isGazetteError(error, "FEED_PARSE_FAILED")).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${feedUrl.replace(/\./g, "\\.")}: `));
    expect((error as Error).message).toMatch(message);
  }

  it.each([
    ["an empty document", "   "],
    ["plain text", "this is not xml at all"],
    ["XML that is not a feed", `<?xml version="1.0"?><note><to>you</to></note>`],
    ["a comment and nothing else", "<!-- no root element -->\n"],
  ])("rejects %s with FEED_PARSE_FAILED", async (_case, document) => {
    await expect(parseFeed(document, { feedUrl, now })).rejects.toMatchObject({
      code: "FEED_PARSE_FAILED",
      message: expect.stringMatching(
        /^https:\/\/edge\.example\.com\/feed\.xml: not a valid RSS or Atom feed \(.+\)$/,
      ),
    });
  });
});
