import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { addFeeds } from "../../src/config/add-feeds.js";
import { parseOpml, toOpml } from "../../src/ingest/parse/opml.js";

const FEEDS = [
  {
    url: "https://a.example/feed?x=1&y=2",
    name: `Tom & Jerry's "Blog" <dev>`,
    tags: ["go", "databases"],
  },
  { url: "https://b.example/rss.xml", name: undefined, tags: [] },
];

describe("OPML", () => {
  it("round-trips feeds through export and import, names and tags escaped and restored", () => {
    const xml = toOpml("Weekly & Co", FEEDS, new Date("2026-11-23T00:00:00Z"));
    expect(parseOpml(xml)).toEqual({ feeds: FEEDS, skipped: [] });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.opml["@_version"]).toBe("2.0");
    expect(parsed.opml.head.title).toBe("Weekly & Co");
  });

  it("reads folders and category attributes as tags, and names outlines without an http(s) xmlUrl", () => {
    const { feeds, skipped } = parseOpml(`<?xml version="1.0"?>
<opml version="1.0"><head><title>Subscriptions</title></head><body>
  <outline text="Engineering">
    <outline text="Go Blog" type="rss" xmlUrl="https://go.dev/blog/feed.atom" category="/lang/go,news"/>
    <outline text="Evil" type="rss" xmlUrl="javascript:alert(1)"/>
  </outline>
  <outline title="Top level" text="ignored" xmlUrl="https://top.example/feed"/>
  <outline text="Twice" xmlUrl="https://top.example/feed"/>
  <outline text="Notes" xmlUrl="file:///home/me/notes.xml"/>
  <outline text="feeds/relative.xml" xmlUrl="feeds/relative.xml"/>
</body></opml>`);
    expect(feeds).toEqual([
      {
        url: "https://go.dev/blog/feed.atom",
        name: "Go Blog",
        tags: ["Engineering", "lang", "go", "news"],
      },
      { url: "https://top.example/feed", name: "Top level", tags: [] },
    ]);
    expect(skipped).toEqual([
      { url: "javascript:alert(1)", name: "Evil" },
      { url: "file:///home/me/notes.xml", name: "Notes" },
      { url: "feeds/relative.xml", name: undefined },
    ]);
  });

  it.each([
    ["feed://host/x", "feed://blog.example/rss.xml", "http://blog.example/rss.xml"],
    ["feed:https://host/x", "feed:https://blog.example/rss.xml", "https://blog.example/rss.xml"],
    [
      "feed://https://host/x",
      "FEED://https://blog.example/rss.xml",
      "https://blog.example/rss.xml",
    ],
  ])("reads %s as the http(s) URL it stands for", (_form, written, url) => {
    const list = parseOpml(
      `<opml version="2.0"><body><outline text="${written}" xmlUrl="${written}"/></body></opml>`,
    );
    expect(list).toEqual({ feeds: [{ url, name: undefined, tags: [] }], skipped: [] });
  });

  it.each([
    ["not XML", "this is not xml <"],
    ["XML that is not OPML", "<rss version='2.0'><channel/></rss>"],
  ])("refuses %s", (_name, text) => {
    expect(() => parseOpml(text)).toThrow(/not an OPML file/);
  });
});

describe("addFeeds (config file)", () => {
  const CONFIG = `# Gazette config: keep this comment
newsletter:
  name: Test # the name
feeds:
  # the first feed
  - url: https://a.example/feed?x=1&y=2
    name: A
lists:
  - id: weekly
    name: Weekly
`;

  it("appends new feeds after the existing ones, keeping comments and skipping known URLs", () => {
    const { text, added } = addFeeds(
      CONFIG,
      FEEDS.concat({ url: "https://c.example/feed", name: "C", tags: ["x"] }),
    );
    expect(added.map((feed) => feed.url)).toEqual([
      "https://b.example/rss.xml",
      "https://c.example/feed",
    ]);
    expect(text).toContain("# Gazette config: keep this comment");
    expect(text).toContain("# the first feed");
    expect(text).toContain("name: Test # the name");
    expect(text.indexOf("https://b.example/rss.xml")).toBeGreaterThan(text.indexOf("name: A"));
    expect(text.indexOf("https://c.example/feed")).toBeLessThan(text.indexOf("lists:"));
    expect(addFeeds(text, FEEDS).added).toEqual([]);
  });
});
