import { describe, expect, it } from "vitest";
import { readKnownItems } from "../../src/ingest/parse/known-items.js";
import { newestItems } from "../../src/ingest/parse/newest-items.js";
import { parseChanged } from "../../src/ingest/parse/parse-changed.js";
import { parseFeed } from "../../src/ingest/parse/parse-feed.js";
import { readChangedFeed } from "../../src/ingest/parse/read-feed.js";
import { splitFeedItems } from "../../src/ingest/parse/split-feed-items.js";
import type { FeedItem, KnownItem, ParsedFeed } from "../../src/ingest/types.js";
import { feedFixture } from "./fixtures.js";

const now = new Date("2026-11-23T12:00:00Z");
const feedUrl = "https://blog.example/feed.xml";
const options = { feedUrl, now };
const ALL = Number.MAX_SAFE_INTEGER;

/** Collect's view: parse with what the last fetch left, pass on what this one leaves. */
async function fetchTwice(first: string, second: string) {
  const before = await parseChanged(first, options, [], ALL);
  const after = await parseChanged(second, options, before.known ?? [], ALL);
  return { before, after };
}

const withoutFingerprint = ({ fingerprint: _, ...item }: FeedItem) => item;
const urls = (feed: ParsedFeed) => [
  ...feed.items.map((item) => item.canonicalUrl),
  ...(feed.seen ?? []).map((item) => item.canonicalUrl),
];

function rss(items: string[], channel = "<title>Blog</title><link>https://blog.example/</link>") {
  return `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items.join("\n")}</channel></rss>`;
}

function item(n: number, extra = "") {
  return `<item><title>Post ${n}</title><link>/posts/${n}</link><guid>g${n}</guid><pubDate>Sun, ${10 + n} Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>Body ${n} <a href="/x">x</a></p>]]></description>${extra}</item>`;
}

describe("parseChanged (collect's read of a feed it has seen before)", () => {
  it.each(["rss2-full.xml", "atom.xml", "rdf-prefixed.xml", "atom-xml-base.xml", "rss091.xml"])(
    "reads %s as parseFeed does, and the same document again without parsing an item",
    async (name) => {
      const document = feedFixture(name);
      const full = await parseFeed(document, options);
      const { before, after } = await fetchTwice(document, document);
      expect(before.items.map(withoutFingerprint)).toEqual(full.items);
      expect(before.known).toHaveLength(full.items.length);
      expect(after.items).toEqual([]);
      expect(after.seen?.map((seen) => seen.canonicalUrl)).toEqual(
        full.items.map((entry) => entry.canonicalUrl),
      );
      expect(after.known).toEqual(before.known);
      expect(after.title).toBe(full.title);
    },
  );

  it("normalizes only the new item and the edited one; the others are known by their text", async () => {
    const first = rss([item(3), item(2), item(1)]);
    const second = rss([item(4), item(3), item(2).replace("Post 2", "Post 2 (edited)"), item(1)]);
    const { after } = await fetchTwice(first, second);
    expect(after.items.map((entry) => entry.title)).toEqual(["Post 4", "Post 2 (edited)"]);
    expect(after.seen?.map((seen) => seen.canonicalUrl)).toEqual([
      "https://blog.example/posts/3",
      "https://blog.example/posts/1",
    ]);
    // Relative links in the new item resolve against the channel's link, as in a full parse.
    expect(after.items[0]?.url).toBe("https://blog.example/posts/4");
    expect(after.items[0]?.contentHtml).toContain('href="https://blog.example/x"');
    expect(after.known?.map((known) => known.canonicalUrl).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `https://blog.example/posts/${n}`),
    );
  });

  it("reads every item again when what surrounds them changes (here the link they resolve against)", async () => {
    const first = rss([item(2), item(1)]);
    const second = rss([item(2), item(1)], "<title>Blog</title><link>https://new.example/</link>");
    const { after } = await fetchTwice(first, second);
    expect(after.seen).toEqual([]);
    expect(after.items.map((entry) => entry.url)).toEqual([
      "https://new.example/posts/2",
      "https://new.example/posts/1",
    ]);
  });

  it("keeps dates and GUIDs of known items for the cap and for repeated GUIDs", async () => {
    const first = rss([item(1), item(2), item(3)]);
    const before = await parseChanged(first, options, [], ALL);
    // The cap keeps the newest two, by the dates remembered for the known items.
    const capped = await parseChanged(first, options, before.known ?? [], 2);
    expect(capped.seen?.map((seen) => seen.canonicalUrl)).toEqual([
      "https://blog.example/posts/3",
      "https://blog.example/posts/2",
    ]);
    expect(capped.problems).toEqual(["1 older items over the cap of 2 per feed were left out"]);
    // A new item repeats the GUID of a known one: that GUID names no single article any more,
    // so both are stored without it, the known one read again from the whole document.
    const repeated = rss([item(4).replace("<guid>g4</guid>", "<guid>g1</guid>"), item(1), item(2)]);
    const after = await parseChanged(repeated, options, before.known ?? [], ALL);
    expect(
      after.items.map((entry) => [entry.title, entry.guid, entry.fingerprint?.at(-1)]),
    ).toEqual([
      ["Post 4", undefined, "-"],
      ["Post 1", undefined, "-"],
    ]);
    expect(after.seen?.map((seen) => seen.canonicalUrl)).toEqual(["https://blog.example/posts/2"]);
  });

  it.each([
    [
      "a CDATA section that spells </item>",
      rss([item(1, "<x><![CDATA[</item><item>]]></x>"), item(2)]),
    ],
    [
      "a comment that spells <item>",
      rss([`<!-- <item><title>no</title></item> -->${item(1)}`, item(2)]),
    ],
    ["items straight under <rss>", `<rss version="0.91">${item(1)}${item(2)}</rss>`],
    [
      "a second channel, which rss-parser does not read",
      `<rss version="2.0"><channel><link>https://blog.example/</link>${item(1)}${item(2)}</channel><channel>${item(9)}</channel></rss>`,
    ],
    [
      "attributes with > in quotes",
      rss([item(1).replace("<item>", '<item data-x="a>b">'), item(2)]),
    ],
  ])("finds the items of a document with %s", async (_case, document) => {
    const full = await parseFeed(document, options);
    const { before, after } = await fetchTwice(document, document);
    expect(before.items.map(withoutFingerprint)).toEqual(full.items);
    expect(after.items).toEqual([]);
    expect(urls(after)).toEqual(full.items.map((entry) => entry.canonicalUrl));
  });

  it("reads whole what cannot be split, and still knows its unchanged items", async () => {
    // Unbalanced markup rss-parser repairs: no split, the whole-document fingerprints instead.
    const loose = rss([item(1), item(2)]).replace("Post 1", "Post 1 & more");
    expect(splitFeedItems(loose)).toBeDefined();
    const broken = `${rss([item(1), item(2)])}<trailing`;
    expect(splitFeedItems(broken)).toBeUndefined();
    for (const document of [loose, feedFixture("json-feed.json")]) {
      const full = await parseFeed(document, options);
      const { before, after } = await fetchTwice(document, document);
      expect(before.items.map(withoutFingerprint)).toEqual(full.items);
      expect(after.items).toEqual([]);
      expect(urls(after)).toEqual(full.items.map((entry) => entry.canonicalUrl));
    }
  });

  // A feed of 100,000 items took 9.7 s of a 10 s parse deadline: all were sanitized for 200.
  it("sanitizes only the newest maxItems of a long feed; the rest are only identified", async () => {
    // Dates out of order; an old item without a link; new items without a title, one with
    // content (its title is its first words) and one without (skipped, the next takes its place).
    const days = Array.from({ length: 300 }, (_, n) => (n * 7919) % 300);
    const dated = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 3_600_000).toUTCString();
    const items = days.map((day) =>
      item(day).replace(/<pubDate>.*<\/pubDate>/, `<pubDate>${dated(day)}</pubDate>`),
    );
    items[5] = (items[5] ?? "").replace(/<link>.*<\/link>/, "");
    const newest = days.indexOf(299);
    const second = days.indexOf(298);
    items[newest] = (items[newest] ?? "").replace(/<title>.*<\/title>/, "");
    items[second] = (items[second] ?? "")
      .replace(/<title>.*<\/title>/, "")
      .replace(/<description>.*<\/description>/, "");
    const document = rss(items);

    const read = await readChangedFeed(document, options, []);
    const pending = read.entries.filter((entry) => "pending" in entry);
    expect(pending).toHaveLength(297);

    const changed = await parseChanged(document, options, [], 10);
    const eager = newestItems(await parseFeed(document, options), 10);
    expect(changed.items.map(withoutFingerprint)).toEqual(eager.items);
    expect(changed.items[0]?.title).toBe("Body 299 x");
    expect(changed.items).toHaveLength(10);
    expect(changed.problems).toEqual(eager.problems);
    expect(changed.problems).toEqual([
      `${feedUrl}: item 6 skipped: "Post ${days[5]}" has no link`,
      `${feedUrl}: item ${second + 1} skipped: https://blog.example/posts/298 has neither a title nor content`,
      "288 older items over the cap of 10 per feed were left out",
    ]);
  });

  it("splits RSS and Atom into exactly the items rss-parser reads", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id></entry><x><entry/></x><entry><id>b</id></entry></feed>`;
    expect(splitFeedItems(atom)?.map(({ start, end }) => atom.slice(start, end))).toEqual([
      "<entry><id>a</id></entry>",
      "<entry><id>b</id></entry>",
    ]);
    const rdf = `<rdf:RDF><channel><items/></channel><item><title>1</title></item><item/></rdf:RDF>`;
    expect(splitFeedItems(rdf)?.map(({ start, end }) => rdf.slice(start, end))).toEqual([
      "<item><title>1</title></item>",
      "<item/>",
    ]);
    expect(splitFeedItems("<html><item></item></html>")).toEqual([]);
    expect(splitFeedItems("<rss><channel><item></channel></rss>")).toBeUndefined();
  });
});

describe("readKnownItems (what collect stored of the last fetch)", () => {
  it("keeps well-formed entries and leaves out the rest, so those items are read again", () => {
    const known: KnownItem = {
      fingerprint: "abc+",
      canonicalUrl: "https://blog.example/posts/1",
      guid: "g1",
      publishedAt: 1,
    };
    const stored = JSON.stringify([known, "old-format+", { fingerprint: "x" }, null]);
    expect(readKnownItems(stored)).toEqual([known]);
    expect(readKnownItems("not json")).toEqual([]);
    expect(readKnownItems(null)).toEqual([]);
  });
});
