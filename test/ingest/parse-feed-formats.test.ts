import { describe, expect, it } from "vitest";
import { type FeedItem, parseFeed } from "../../src/ingest/index.js";
import { readFeed } from "../../src/ingest/parse/read-feed.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { feedFixture, linksIn } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const parse = (name: string, feedUrl: string) => parseFeed(feedFixture(name), { feedUrl, now });
const urls = (items: FeedItem[]) => items.map((item) => item.url);

describe("parseFeed on older and unusual shapes", () => {
  it("reads RSS 0.91, resolving a relative item link against the channel link", async () => {
    const feed = await parse("rss091.xml", "https://old.example.org/rss.xml");
    expect(feed.title).toBe("Ninety-One Notes");
    expect(urls(feed.items)).toEqual([
      "https://old.example.org/2025/still-091",
      "https://old.example.org/2025/second",
    ]);
    expect(feed.items[0]?.publishedAt).toBeUndefined();
  });

  it("reads items written straight under <rss>, with no <channel>", async () => {
    const xml = `<rss version="0.92"><item><title>Orphan</title><link>https://x.example.com/a</link></item></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://x.example.com/feed", now });
    expect(feed.items.map((item) => item.title)).toEqual(["Orphan"]);
  });

  // Under another prefix than "xhtml:", the markup was dropped: "Hello world", no paragraph.
  it("reads Atom xhtml content and titles whose XHTML namespace is on any prefix", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml">
      <title>Prefixed</title><entry><link href="https://x.example.com/1"/>
        <title type="xhtml"><h:div>Less <h:em>is</h:em> more</h:div></title>
        <content type="xhtml"><h:div><h:p>Hello <h:em>world</h:em></h:p></h:div></content>
      </entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://x.example.com/feed", now });
    expect(feed.items.map((item) => [item.title, item.contentHtml])).toEqual([
      ["Less is more", "<p>Hello <em>world</em></p>"],
    ]);
  });

  it("reads RSS 1.0 whose namespace is on a prefix, with Dublin Core fields", async () => {
    const feed = await parse("rdf-prefixed.xml", "https://rdf.example.org/index.rdf");
    expect(feed.title).toBe("Prefixed RDF");
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      guid: "https://rdf.example.org/posts/1",
      author: "Tim Example",
      categories: ["semantic web", "RDF"],
    });
    expect(feed.items[0]?.publishedAt?.toISOString()).toBe("2025-02-20T07:00:00.000Z");
  });

  it("reads an Atom feed whose elements carry a prefix", async () => {
    const feed = await parse("atom-prefixed.xml", "https://prefixed.example.com/feed");
    expect(feed.title).toBe("Prefixed Atom");
    expect(urls(feed.items)).toEqual(["https://prefixed.example.com/posts/1"]);
    expect(feed.items[0]?.contentText).toBe("Read through a prefix.");
  });

  it("reads an Atom document that is a single entry", async () => {
    const feed = await parse("atom-entry-only.xml", "https://lone.example.com/entry.atom");
    expect(urls(feed.items)).toEqual(["https://lone.example.com/posts/1"]);
    expect(feed.items[0]?.contentText).toBe("An Atom document may be a single entry.");
  });

  it("reads xhtml titles without their div, base64 content and a link given as text", async () => {
    const feed = await parse("atom-text-constructs.xml", "https://constructs.example.com/feed");
    expect(feed.title).toBe("Constructs Weekly");
    const [item] = feed.items;
    expect(item?.title).toBe("The div is not the title");
    expect(item?.url).toBe("https://constructs.example.com/posts/link-as-text");
    expect(item?.contentHtml).toBe("<p>Base <b>sixty-four</b> body</p>");
  });

  it("keeps unescaped markup in order, reads XHTML bodies and DOCTYPE entities", async () => {
    const feed = await readFeed(feedFixture("rss-markup-children.xml"), {
      feedUrl: "https://children.example.com/rss",
      now,
    });
    const [first, second] = feed.entries;
    expect(first).toMatchObject({
      url: "https://children.example.com/posts/order",
      contentHtml: "What exactly <em>is</em> good compression? It <b>depends</b>.",
    });
    if (!first || "problem" in first) throw new Error("no first item");
    expect(first.publishedAt?.toISOString()).toBe("2025-02-27T14:00:00.000Z");
    // isPermaLink="false": the guid is an identifier, never the article's link.
    expect(second).toMatchObject({
      url: undefined,
      guid: "https://children.example.com/internal/id/18",
    });
    if (!second || "problem" in second) throw new Error("no second item");
    expect(second.title).toBe("Windows punctuation’s revenge");
    expect(second.contentText).toBe("Don’t stop… more");
    expect(linksIn(second.contentHtml)).toEqual(["https://children.example.com/more"]);
  });

  it("skips an item whose guid is not a permalink and that has no link", async () => {
    const feed = await parse("rss-markup-children.xml", "https://children.example.com/rss");
    expect(urls(feed.items)).toEqual(["https://children.example.com/posts/order"]);
    expect(feed.problems).toEqual([
      `https://children.example.com/rss: item 2 skipped: "Windows punctuation’s revenge" has no link`,
    ]);
  });

  it("decodes HTML entities in a JSON Feed title", async () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Blog &#8211; Example &amp; Co",
      items: [{ id: "1", url: "https://json.example.com/1", title: "R&amp;D &lt;notes&gt;" }],
    });
    const feed = await parseFeed(json, { feedUrl: "https://json.example.com/feed.json", now });
    expect(feed.title).toBe("Blog – Example & Co");
    expect(feed.items[0]?.title).toBe("R&D <notes>");
  });
});

describe("parseFeed and xml:base", () => {
  it("resolves links against the nearest xml:base, the content's own first", async () => {
    const feed = await parse("atom-xml-base.xml", "https://feeds.example.net/base.atom");
    expect(feed.siteUrl).toBe("https://base.example.com/blog/");
    const [first, second] = feed.items;
    expect(first?.url).toBe("https://base.example.com/blog/2025/03/first-post");
    expect(linksIn(first?.contentHtml ?? "")).toEqual([
      "https://cdn.example.net/assets/chart.png",
      "https://cdn.example.net/docs/guide",
    ]);
    expect(second?.url).toBe("https://base.example.com/blog/second-post");
    expect(linksIn(second?.contentHtml ?? "")).toEqual([
      "https://base.example.com/about",
      "https://base.example.com/blog/notes",
    ]);
  });
});

describe("parseFeed and content by reference", () => {
  it("reads an entry whose content is self-closed (src=…) and the entries after it", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Refs</title>
      <entry><title>Elsewhere</title><link href="https://refs.example.com/1"/>
        <content type="text/html" src="https://refs.example.com/1.html"/></entry>
      <entry><title>Here</title><link href="https://refs.example.com/2"/>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline</p></div></content>
      </entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://refs.example.com/feed", now });
    expect(feed.items.map((item) => [item.title, item.contentHtml])).toEqual([
      ["Elsewhere", ""],
      ["Here", "<p>Inline</p>"],
    ]);
  });
});

describe("parseFeed and comments", () => {
  it("reads a comment that names an element as a comment, not as the element", async () => {
    // Microsoft Start's sample feeds document every element this way.
    const xml = `<rss version="2.0"><channel><title>Notes</title><item>
      <!-- REQUIRED: the title goes in the <title> element -->
      <title><![CDATA[Encoding video]]></title>
      <!-- the body goes in <description>, <b>escaped</b> -->
      <description>&lt;p&gt;Body&lt;/p&gt;</description>
      <link>https://notes.example.com/video</link></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://notes.example.com/feed", now });
    expect(feed.items.map((item) => [item.title, item.contentHtml])).toEqual([
      ["Encoding video", "<p>Body</p>"],
    ]);
  });
});

describe("parseFeed on broken documents", () => {
  it("closes an element left open at its parent's end, as a lenient reader does", async () => {
    const xml = `<rss version="2.0"><channel><title>Open</title>
      <item><title>Tagged</title><link>https://x.example.com/a</link><category>News</item>
      <item><title>Whole</title><link>https://x.example.com/b</link></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://x.example.com/feed", now });
    expect(feed.items.map((item) => [item.url, item.categories])).toEqual([
      ["https://x.example.com/a", ["News"]],
      ["https://x.example.com/b", []],
    ]);
  });

  it("reads a feed with an end tag too many as a lenient reader does", async () => {
    // Microsoft Start's sample RSS feed closes a <media:content> twice; strict XML refuses it all.
    const xml = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
      <title>Lifestyle</title><link>https://msn.example.com/lifestyle</link>
      <item><title>Video &amp; streaming</title><link>https://msn.example.com/a/1</link>
        <pubDate>Wed, 04 Oct 2017 13:00:00 GMT</pubDate>
        <media:content url="https://msn.example.com/v.mp4" medium="video">
          <media:title>Video title</media:title></media:content></media:content>
        <description>Stays &lt;b&gt;whole&lt;/b&gt; &amp; R&D</description></item>
      <item><title>Second</title><link>https://msn.example.com/a/2</link></item>
    </channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://msn.example.com/feed", now });
    expect(feed.title).toBe("Lifestyle");
    expect(
      feed.items.map((item) => [item.title, item.publishedAt?.toISOString(), item.contentHtml]),
    ).toEqual([
      ["Video & streaming", "2017-10-04T13:00:00.000Z", "Stays <b>whole</b> &amp; R&amp;D"],
      ["Second", undefined, ""],
    ]);
  });

  it.each([
    ["an empty document", ""],
    ["whitespace only", " \n\t "],
    ["a cut-off CDATA section", `<rss version="2.0"><channel><item><description><![CDATA[<p>cut`],
    [
      "a document cut off after an item",
      `<rss version="2.0"><channel><item><title>A</title><link>https://x.example.com/a</link></item>`,
    ],
  ])("rejects %s loudly with FEED_PARSE_FAILED", async (_name, document) => {
    const error = await parseFeed(document, { feedUrl: "https://x.example.com/feed", now }).catch(
      (caught: unknown) => caught,
    );
    expect(isGazetteError(error, "FEED_PARSE_FAILED")).toBe(true);
    expect((error as Error).message).toMatch(/^https:\/\/x\.example\.com\/feed: not a valid/);
  });
});
