import { describe, expect, it } from "vitest";
import { type FeedItem, parseFeed } from "../../src/ingest/index.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://fields.example.com/feed.xml";

/** The items of an RSS 2.0 document with the given <item> bodies (each gets its own link). */
async function rssItems(items: string[], channel = "", namespaces = ""): Promise<FeedItem[]> {
  const body = items
    .map((item, n) => `<item><link>https://fields.example.com/${n + 1}</link>${item}</item>`)
    .join("");
  const xml = `<rss version="2.0" ${namespaces}><channel><title>Fields</title>
    <link>https://fields.example.com/</link>${channel}${body}</channel></rss>`;
  const feed = await parseFeed(xml, { feedUrl, now });
  expect(feed.problems).toEqual([]);
  return feed.items;
}

const ATOM = 'xmlns:atom="http://www.w3.org/2005/Atom"';

describe("an RSS item's date and text in Atom's elements", () => {
  it("reads atom:published and atom:content where RSS has none", async () => {
    const [item] = await rssItems(
      [
        `<title>Atom inside</title><atom:published>2025-03-02T15:04:05Z</atom:published>
         <atom:content type="html">&lt;p&gt;Body&lt;/p&gt;</atom:content>`,
      ],
      "",
      ATOM,
    );
    expect(item?.publishedAt?.toISOString()).toBe("2025-03-02T15:04:05.000Z");
    expect(item?.contentHtml).toBe("<p>Body</p>");
  });

  it("reads Atom's elements under any prefix bound to its namespace (.NET's a10:)", async () => {
    const [item] = await rssItems(
      [
        `<title>Dotnet</title><a10:updated>2025-03-01T08:00:00Z</a10:updated>
         <a10:content type="html">&lt;p&gt;Body&lt;/p&gt;</a10:content>`,
      ],
      "",
      'xmlns:a10="http://www.w3.org/2005/Atom"',
    );
    expect(item?.publishedAt?.toISOString()).toBe("2025-03-01T08:00:00.000Z");
    expect(item?.contentHtml).toBe("<p>Body</p>");
  });

  it("keeps the RSS date and the longer body when both are given", async () => {
    const [item] = await rssItems(
      [
        `<title>Both</title><pubDate>Tue, 04 Mar 2025 08:30:00 GMT</pubDate>
         <atom:updated>2025-03-05T00:00:00Z</atom:updated>
         <description>Short excerpt.</description>
         <atom:content type="html">&lt;p&gt;The whole article, longer than its excerpt.&lt;/p&gt;</atom:content>`,
      ],
      "",
      ATOM,
    );
    expect(item?.publishedAt?.toISOString()).toBe("2025-03-04T08:30:00.000Z");
    expect(item?.contentText).toBe("The whole article, longer than its excerpt.");
  });
});

describe("an item's title and description in podcast and Media RSS fields", () => {
  it("takes itunes:title or media:title when there is no <title>", async () => {
    const items = await rssItems([
      `<itunes:title>Hiking Treks Trailer</itunes:title>
       <description>The Sunset Explorers share tips for great hikes.</description>`,
      `<media:title>Conference talk</media:title><description>Recorded live.</description>`,
      `<media:group><media:title>Grouped video</media:title></media:group>`,
      // A picture's title is the picture's, never the item's.
      `<media:content url="https://fields.example.com/a.jpg"><media:title>Image title</media:title></media:content>
       <description>Five words of a description here.</description>`,
    ]);
    expect(items.map((item) => item.title)).toEqual([
      "Hiking Treks Trailer",
      "Conference talk",
      "Grouped video",
      "Five words of a description here.",
    ]);
  });

  it("takes itunes:summary or media:description as the description when there is no other", async () => {
    const items = await rssItems([
      `<title>Episode</title><itunes:summary><![CDATA[
         Line 1
         Line 2 ]]></itunes:summary>`,
      `<title>Video</title><media:group><media:description>Test Description</media:description></media:group>`,
      `<title>Both</title><description>The description itself.</description>
       <itunes:summary>A longer summary that is not the description of this episode.</itunes:summary>`,
    ]);
    expect(items.map((item) => item.contentText)).toEqual([
      "Line 1 Line 2",
      "Test Description",
      "The description itself.",
    ]);
  });
});
