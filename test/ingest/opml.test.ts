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
    expect(parseOpml(xml)).toEqual(FEEDS);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.opml["@_version"]).toBe("2.0");
    expect(parsed.opml.head.title).toBe("Weekly & Co");
  });

  it("reads folders and category attributes as tags, and skips outlines without an http(s) xmlUrl", () => {
    const feeds = parseOpml(`<?xml version="1.0"?>
<opml version="1.0"><head><title>Subscriptions</title></head><body>
  <outline text="Engineering">
    <outline text="Go Blog" type="rss" xmlUrl="https://go.dev/blog/feed.atom" category="/lang/go,news"/>
    <outline text="Evil" type="rss" xmlUrl="javascript:alert(1)"/>
  </outline>
  <outline title="Top level" text="ignored" xmlUrl="https://top.example/feed"/>
  <outline text="Twice" xmlUrl="https://top.example/feed"/>
</body></opml>`);
    expect(feeds).toEqual([
      {
        url: "https://go.dev/blog/feed.atom",
        name: "Go Blog",
        tags: ["Engineering", "lang", "go", "news"],
      },
      { url: "https://top.example/feed", name: "Top level", tags: [] },
    ]);
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
