import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { htmlToPlainText } from "../../src/ingest/normalize/html-to-plain-text.js";
import { parseChanged } from "../../src/ingest/parse/parse-changed.js";
import { fastest } from "../helpers/fastest.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://hostile.example.com/feed.json";
const SIZE = 200 * 1024;

/** A JSON Feed of one item: `fields` over an id, a link and a title. */
function feedWith(fields: Record<string, string>): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Hostile",
    items: [{ id: "1", url: "https://hostile.example.com/1", title: "One", ...fields }],
  });
}

describe("an item's text is read in time linear in its length", () => {
  // A run of non-breaking spaces before a word: the trailing-space trim was tried from each of
  // its characters (33 000 `&nbsp;`: over 3 s, the whole feed's parse deadline at 100 000).
  it("a run of non-breaking spaces before a word", async () => {
    const benign = await fastest(() =>
      parseFeed(feedWith({ content_html: "word ".repeat(SIZE / 5) }), { feedUrl, now }),
    );
    const hostile = feedWith({ content_html: `<p>${"&nbsp;".repeat(SIZE / 6)}x</p>` });
    const feed = await parseFeed(hostile, { feedUrl, now });
    expect(feed.items[0]?.contentText.endsWith("x")).toBe(true);
    expect(await fastest(() => parseFeed(hostile, { feedUrl, now }))).toBeLessThan(
      Math.max(benign, 5) * 25,
    );
  });

  it("still trims the spaces that end a line, and only those", () => {
    expect(htmlToPlainText("<p>One&nbsp;&nbsp;</p><p>Two \t</p>")).toBe("One\n\nTwo");
    expect(htmlToPlainText("<p>a&nbsp;&nbsp;b</p>")).toBe("a  b");
  });
});

describe("a JSON Feed is read in time linear in its length", () => {
  // The feed's `authors` were read (and hashed into each item's fingerprint) again for every
  // item: 100,000 of them and 2,000 items (1.4 MB) took 15 s, or 195 s when each had a name, far
  // past the parse deadline, holding the parse worker the other feeds wait for.
  it.each([
    { name: "nameless", author: (_i: number) => ({ url: "x" }), first: "Ann" },
    { name: "named", author: (i: number) => ({ name: `A${i}` }), first: "A0, A1, A2" },
  ])("a feed of many $name authors and many items", async ({ author, first }) => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i),
      url: `https://hostile.example.com/${i}`,
      title: `Item ${i}`,
      content_text: "Some words of an item.",
    }));
    const feedOf = (extra: Record<string, unknown>) =>
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Many",
        items,
        ...extra,
      });
    const authors = [...Array.from({ length: 30_000 }, (_, i) => author(i)), { name: "Ann" }];
    const hostile = feedOf({ authors });
    // What a real feed has: a few authors (the same first ones), and as many bytes.
    const few = [...authors.slice(0, 50), { name: "Ann" }];
    const padding = "x".repeat(hostile.length - feedOf({ authors: few }).length);
    const benign = feedOf({ authors: few, description: padding });
    const read = await parseChanged(hostile, { feedUrl, now }, [], 1000);
    expect(read.items).toHaveLength(1000);
    expect(read.items[999]?.author?.startsWith(first)).toBe(true);
    // As collect reads it: every item fingerprinted.
    const benignMs = await fastest(() => parseChanged(benign, { feedUrl, now }, [], 1000));
    expect(await fastest(() => parseChanged(hostile, { feedUrl, now }, [], 1000))).toBeLessThan(
      Math.max(benignMs, 5) * 4,
    );
  });
});

describe("a link from a feed carries no user name or password", () => {
  // "https://paypal.com@evil.example/" leads to evil.example while reading as paypal.com, as the
  // plain-text email shows it.
  it("drops them from the item's link, its content's links and its image", async () => {
    const document = feedWith({
      url: "https://paypal.com@evil.example/login",
      image: "https://user:pass@img.example/a.png",
      content_html:
        '<p>Read <a href="https://www.paypal.com:secure@evil.example/x">this</a> now.</p>',
    });
    const [item] = (await parseFeed(document, { feedUrl, now })).items;
    expect(item?.url).toBe("https://evil.example/login");
    expect(item?.imageUrl).toBe("https://img.example/a.png");
    expect(item?.contentHtml).toContain('href="https://evil.example/x"');
    expect(item?.contentHtml).not.toContain("paypal");
  });
});
