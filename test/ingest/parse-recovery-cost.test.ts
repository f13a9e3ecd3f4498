import Parser from "rss-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseChanged } from "../../src/ingest/parse/parse-changed.js";
import { parseFeed } from "../../src/ingest/parse/parse-feed.js";
import { isGazetteError } from "../../src/shared/errors.js";

const now = new Date("2025-03-06T12:00:00Z");
const options = { feedUrl: "https://broken.example.com/feed.xml", now };
const ALL = Number.MAX_SAFE_INTEGER;

// Each rss-parser parse reads the whole text with sax: what a refused document costs is counted
// in them (the spy calls through to rss-parser; nothing of ours is replaced).
function countParses() {
  return vi.spyOn(Parser.prototype, "parseString");
}

afterEach(() => {
  vi.restoreAllMocks();
});

// Broken twice over: bare "&"s (what repairXml fixes) and an end tag that
// closes nothing (what recoverXml fixes). Each alone was one more parse after the strict one.
const BROKEN = `<rss version="2.0"><channel><title>Tom & Jerry&nbsp;News</title>
  <link>https://broken.example.com/</link>
  <item><title>R&D notes</title><link>https://broken.example.com/1</link>
    <description>One &amp; two</description></description></item>
  <item><title>Second</title><link>https://broken.example.com/2</link></item>
</channel></rss>`;

describe("a document strict XML refuses", () => {
  it("costs one parse more than a well-formed one, however it is broken", async () => {
    const parses = countParses();
    const feed = await parseFeed(BROKEN, options);
    expect(feed.title).toBe("Tom & Jerry News");
    expect(feed.items.map((item) => [item.title, item.contentText])).toEqual([
      ["R&D notes", "One & two"],
      ["Second", ""],
    ]);
    // The strict parse that refused it, and one of the document as a lenient reader reads it.
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it("costs one parse more when only its ampersands are broken", async () => {
    const parses = countParses();
    const feed = await parseFeed(
      BROKEN.replace("</description></description>", "</description>"),
      options,
    );
    expect(feed.items).toHaveLength(2);
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it("costs collect one parse more of the document, after one of its channel alone", async () => {
    // Unbalanced, it does not split into items: read whole, strictly then leniently.
    const unbalanced = countParses();
    const whole = await parseChanged(BROKEN, options, [], ALL);
    expect(whole.items.map((item) => item.title)).toEqual(["R&D notes", "Second"]);
    expect(unbalanced).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();

    // Balanced, the channel is read alone first (items cut out): refused, it says the document
    // is, which is then read leniently at once, never strictly again.
    const balanced = countParses();
    const channelBroken = BROKEN.replace("</description></description>", "</description>");
    const feed = await parseChanged(channelBroken, options, [], ALL);
    expect(feed.title).toBe("Tom & Jerry News");
    expect(feed.items.map((item) => item.title)).toEqual(["R&D notes", "Second"]);
    const withItems = (calls: unknown[][]) => calls.map(([xml]) => String(xml).includes("<item>"));
    expect(withItems(balanced.mock.calls)).toEqual([false, true]);
    vi.restoreAllMocks();

    // Its channel well-formed and an item broken: the channel, the refused rest, the lenient whole.
    const itemBroken = countParses();
    await parseChanged(channelBroken.replace("Tom &", "Tom &amp;"), options, [], ALL);
    expect(withItems(itemBroken.mock.calls)).toEqual([false, true, true]);
  });

  it("still names the strict parse's error when no reading helps", async () => {
    const parses = countParses();
    const cut = `<rss version="2.0"><channel><item><title>A &amp; B</title></description>`;
    const error = await parseFeed(cut, options).catch((caught: unknown) => caught);
    expect(isGazetteError(error, "FEED_PARSE_FAILED")).toBe(true);
    expect(String((error as Error).message)).toMatch(
      /^https:\/\/broken\.example\.com\/feed\.xml: not a valid RSS or Atom feed \(/,
    );
    expect(parses.mock.calls.length).toBeLessThanOrEqual(2);
  });
});

describe("the lenient reading of a refused document", () => {
  it("keeps CDATA sections, character references and a bare '<' as the author wrote them", async () => {
    const xml = `<rss version="2.0"><channel><title>Q&amp;A &#8211; weekly</title>
      <item><title>1 < 2 & 3 > 2</title><link>https://broken.example.com/1?a=1&amp;b=2</link>
        <description><![CDATA[<p>Tom & "Jerry" <b>bold</b> ]]></description></description>
        <category domain='x"y'>R&amp;D</category></item></channel></rss>`;
    const feed = await parseFeed(xml, options);
    expect(feed.title).toBe("Q&A – weekly");
    const [item] = feed.items;
    expect([item?.title, item?.url, item?.contentHtml, item?.categories]).toEqual([
      "1 < 2 & 3 > 2",
      "https://broken.example.com/1?a=1&b=2",
      '<p>Tom &amp; "Jerry" <b>bold</b></p>',
      ["R&D"],
    ]);
  });
});
