import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { decodeBody } from "../../src/ingest/parse/decode-body.js";
import { inlineXhtml } from "../../src/ingest/parse/inline-xhtml.js";
import { normalizeRoot } from "../../src/ingest/parse/normalize-root.js";
import { splitFeedItems } from "../../src/ingest/parse/split-feed-items.js";
import { isGazetteError } from "../../src/shared/errors.js";
import { feedFixture, feedFixturePath } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://hostile.example.com/feed.xml";

/** Parses `document`; a loud rejection is as good an answer as a feed for hostile input. */
async function parseOrReject(document: string): Promise<string> {
  const outcome = await parseFeed(document, { feedUrl, now }).catch((error: Error) => error);
  return outcome instanceof Error ? outcome.message : JSON.stringify(outcome);
}

// A stray end tag makes strict XML refuse the document; it is then read leniently (recoverXml),
// which must hold to the same limits.
const AS_WRITTEN: [string, (document: string) => string][] = [
  ["as written", (document) => document],
  ["with a stray end tag", (document) => document.replace("</item>", "</item></description>")],
];

describe("external entities (XXE) are never resolved", () => {
  it.each(AS_WRITTEN)(
    "reads neither a file nor a URL named by a SYSTEM entity, %s",
    async (_name, spoil) => {
      const secret = readFileSync(feedFixturePath("xxe-secret.txt"), "utf8").trim();
      let requests = 0;
      const server = createServer((_request, response) => {
        requests++;
        response.end("GAZETTE-XXE-REMOTE");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const document = spoil(feedFixture("xxe-file.xml"))
          .replace("__SECRET_PATH__", feedFixturePath("xxe-secret.txt"))
          .replace("__PORT__", String(port));
        const result = await parseOrReject(document);
        // The feed is read, with the references left as the literal text they are.
        expect(result).toContain("Leak &secret; here");
        expect(result).not.toContain(secret);
        expect(result).not.toContain("GAZETTE-XXE-REMOTE");
        expect(requests).toBe(0);
      } finally {
        server.close();
      }
    },
  );
});

describe("entity expansion (billion laughs) stays bounded", () => {
  it.each(AS_WRITTEN)("never expands nested entities, %s", async (_name, spoil) => {
    const result = await parseOrReject(spoil(feedFixture("billion-laughs.xml")));
    // Ten levels of ten would be a billion "lol"s; nothing near that may come out.
    expect(result.length).toBeLessThan(10_000);
    expect(result).not.toContain("lollollollol");
    expect(result).toContain('"contentHtml":"&lol9;"');
  });
});

describe("a megabyte of escaped angle brackets", () => {
  it("parses and comes out as escaped text, with no tag", async () => {
    const body = "&lt;".repeat(256 * 1024);
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>Angles</title>
      <link>https://hostile.example.com/angles</link><description>${body}</description></item></channel></rss>`;
    // The time it takes is printed by `npm run conformance`; here only the result is checked.
    const [item] = (await parseFeed(xml, { feedUrl, now })).items;
    expect(item?.contentHtml).toBe("&lt;".repeat(256 * 1024));
    expect(item?.contentText).toBe("<".repeat(256 * 1024));
  });
});

describe("bytes that are not what they claim", () => {
  it("decodes a mostly UTF-8 file with broken bytes to U+FFFD, keeping the rest", async () => {
    const text = decodeBody(readFileSync(feedFixturePath("invalid-utf8.xml")));
    const feed = await parseFeed(text, { feedUrl, now });
    expect(feed.title).toBe("Broken bytes — café");
    expect(feed.items[0]?.title).toBe(
      "Half a character: \uFFFD and a stray \uFFFD byte in “UTF-8”",
    );
    expect(feed.items[0]?.contentText).toBe("Still readable: naïve résumé.");
  });

  it("reads Shift_JIS declared only in the XML prolog", async () => {
    const text = decodeBody(readFileSync(feedFixturePath("shift-jis-prolog.xml")));
    const feed = await parseFeed(text, { feedUrl, now });
    expect(feed.title).toBe("日本語のブログ");
    expect(feed.items[0]?.title).toBe("文字コードの話");
    expect(JSON.stringify(feed)).not.toContain("\uFFFD");
  });
});

describe("entity expansion is bounded in total, not only per reference", () => {
  const bomb = (references: number) => `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY pad "${"x".repeat(100)}">]>
<rss version="2.0"><channel><title>t</title><item><title>Padded</title>
<link>https://hostile.example.com/padded</link>
<description>${"&pad;".repeat(references)}</description></item></channel></rss>`;

  it("refuses a feed whose short entities would add more than 1 MiB, naming the feed", async () => {
    // 20,000 references of 100 characters: 100 KB of XML that would expand to ~2 MB.
    const error = await parseFeed(bomb(20_000), { feedUrl, now }).catch((caught) => caught);
    expect(isGazetteError(error, "FEED_TOO_LARGE")).toBe(true);
    expect((error as Error).message).toBe(
      `${feedUrl}: the entities declared in its DOCTYPE would add more than 1 MiB to it (an entity expansion attack); refused`,
    );
  });

  it("expands a feed whose entities stay under the bound", async () => {
    const [item] = (await parseFeed(bomb(5_000), { feedUrl, now })).items;
    expect(item?.contentText).toHaveLength(500_000);
  });
});

describe("unclosed markup is scanned in linear time", () => {
  const SIZE = 400 * 1024;
  const inItem = (body: string) =>
    `<rss version="2.0"><channel><title>t</title><item><title>Open</title>
      <link>https://hostile.example.com/open</link>${body}</item></channel></rss>`;
  async function elapsed(document: string): Promise<number> {
    const start = performance.now();
    await parseOrReject(document);
    return performance.now() - start;
  }

  // Each holder element without its end was once searched for to the end of the document:
  // 400 KB of "<title>" took 14 s, of "<summary " 47 s. Comments are skipped whole, and must
  // not bring that back.
  it.each([
    ["holder elements", "<title>"],
    ["comments", "<!--"],
    ["holder tags without their >", "<summary "],
    // Read leniently (recoverXml): htmlparser2 shifts its whole stack of open elements each time.
    ["other elements", "<x>"],
    // sax tests all of a "<!x…" declaration read so far at each character: 40 KB took 29 s.
    ["declarations that open nothing", "<!x["],
    // The DOCTYPE's subset was searched for from each one to the end of the document.
    ["DOCTYPEs", "<!DOCTYPE["],
    // Split at CDATA sections by a lazy pattern, each searched to the end: 1 MB took over 15 s.
    ["CDATA sections", "<![CDATA["],
  ])("an item full of unclosed %s", async (_name, unit) => {
    const words = "Caching at the edge. ".repeat(SIZE / 21);
    const document = inItem(`<description>${words}</description>`);
    await elapsed(document); // warm up
    const benign = await elapsed(document);
    expect(await elapsed(inItem(unit.repeat(SIZE / unit.length)))).toBeLessThan(
      Math.max(benign, 5) * 25,
    );
  });

  // Its CDATA sections were split off by a lazy pattern, each searched for to the end: 2.2 s.
  it("a body of markup full of unclosed CDATA sections", () => {
    const body = (unit: string) =>
      inItem(`<description><b>x</b>${unit.repeat(SIZE / unit.length)}</description>`);
    const time = (document: string) => {
      const start = performance.now();
      inlineXhtml(document);
      return performance.now() - start;
    };
    time(body("<i>x</i>"));
    const benign = time(body("<i>x</i>"));
    expect(time(body("<![CDATA["))).toBeLessThan(Math.max(benign, 5) * 10);
  });
});

// Each prefix bound to a namespace whose elements are renamed (Atom's, Dublin Core's, RSS 1.0's)
// was replaced in its own scan of the whole document: 8,000 bindings of 600 KB took 1.6 s.
describe("a feed binding thousands of namespace prefixes is read in linear time", () => {
  const COUNT = 8_000;
  const feedOf = (attribute: (n: number) => string) =>
    `<rss version="2.0"${Array.from({ length: COUNT }, (_, n) => attribute(n)).join("")}><channel>
      <title>t</title>${"<item><title>x</title><link>https://hostile.example.com/x</link></item>".repeat(COUNT)}</channel></rss>`;
  const time = (document: string) => {
    const start = performance.now();
    normalizeRoot(document);
    return performance.now() - start;
  };

  it.each([
    ["Dublin Core", "http://purl.org/dc/elements/1.1/"],
    ["Atom", "http://www.w3.org/2005/Atom"],
    ["RSS 1.0", "http://purl.org/rss/1.0/"],
  ])("bound to %s", (_name, namespace) => {
    const benign = feedOf((n) => ` data-${n}="${namespace}"`);
    const hostile = feedOf((n) => ` xmlns:p${n}="${namespace}"`);
    time(benign);
    expect(time(hostile)).toBeLessThan(Math.max(time(benign), 5) * 25);
  });
});

describe("collect's split of a feed into its items is linear", () => {
  const SIZE = 1024 * 1024;
  const feedOf = (unit: string) =>
    `<rss version="2.0"><channel><title>t</title><item><title>x</title>${unit.repeat(SIZE / unit.length)}</item></channel></rss>`;
  function elapsed(document: string): number {
    const start = performance.now();
    splitFeedItems(document);
    return performance.now() - start;
  }

  // Each "<!x>" once searched the rest of the document for a DOCTYPE's "[": 1 MB took 2.3 s.
  it("a megabyte of declarations without a subset", () => {
    const benign = feedOf("<a/>");
    elapsed(benign); // warm up
    const hostile = feedOf("<!x>");
    const item = { start: hostile.indexOf("<item>"), end: hostile.indexOf("</channel>") };
    expect(splitFeedItems(hostile)).toEqual([item]);
    expect(elapsed(hostile)).toBeLessThan(Math.max(elapsed(benign), 5) * 10);
  });
});
