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

describe("an item's date as feeds write it besides RFC 822 and ISO 8601", () => {
  it("reads a Unix timestamp, a localized pubDate and ISO's basic format; garbage stays no date", async () => {
    const items = await rssItems(
      [
        "<title>Seconds</title><pubDate>1672740000</pubDate>",
        "<title>Milliseconds</title><dc:date>1672740000000</dc:date>",
        "<title>German</title><pubDate>Mi, 15 Mär 2023 10:00:00 +0100</pubDate>",
        "<title>Basic</title><dc:date>20230103T100000Z</dc:date>",
        "<title>A stray number</title><pubDate>42</pubDate>",
        "<title>Garbage</title><pubDate>sometime last week</pubDate>",
      ],
      "",
      'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    );
    expect(items.map((item) => [item.title, item.publishedAt?.toISOString()])).toEqual([
      ["Seconds", "2023-01-03T10:00:00.000Z"],
      ["Milliseconds", "2023-01-03T10:00:00.000Z"],
      ["German", "2023-03-15T09:00:00.000Z"],
      ["Basic", "2023-01-03T10:00:00.000Z"],
      ["A stray number", undefined],
      ["Garbage", undefined],
    ]);
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

describe("the author of an item", () => {
  it.each([
    ["an address alone", "<author>mark@example.org</author>", undefined],
    ["an address in angle brackets", "<author>&lt;mark@example.org&gt;</author>", undefined],
    ["an address, then a name in parentheses", "<author>mark@example.org (Mark)</author>", "Mark"],
    [
      "a name, then an address in parentheses",
      "<dc:creator>Mark Pilgrim (mark@example.org)</dc:creator>",
      "Mark Pilgrim",
    ],
    [
      "a name, then an address in angle brackets",
      "<dc:creator>Mark Pilgrim &lt;mark@example.org&gt;</dc:creator>",
      "Mark Pilgrim",
    ],
    [
      // RFC 5322: a display name with a comma or a period is written in quotes, which are no part of it.
      "a quoted name, then an address in angle brackets",
      '<dc:creator>"Pilgrim, Mark" &lt;mark@example.org&gt;</dc:creator>',
      "Pilgrim, Mark",
    ],
    [
      "an address, then itunes:author",
      "<author>mark@example.org</author><itunes:author>Mark Pilgrim</itunes:author>",
      "Mark Pilgrim",
    ],
    ["an Atom-style author element in RSS", "<author><name>Jane Doe</name></author>", "Jane Doe"],
  ])("%s", async (_name, fields, author) => {
    const [item] = await rssItems([`<title>Post</title>${fields}`]);
    expect(item?.author).toBe(author);
  });

  it("is read from atom:author, under any prefix bound to Atom's namespace", async () => {
    const [atom] = await rssItems(
      ["<title>A</title><atom:author><atom:name>John Doe</atom:name></atom:author>"],
      "",
      ATOM,
    );
    const [dotnet] = await rssItems(
      ["<title>B</title><a10:author><a10:name>Ada Lovelace</a10:name></a10:author>"],
      "",
      'xmlns:a10="http://www.w3.org/2005/Atom"',
    );
    expect([atom?.author, dotnet?.author]).toEqual(["John Doe", "Ada Lovelace"]);
  });

  it("names every author of a co-authored item, in RSS, Atom and JSON Feed", async () => {
    const [rss] = await rssItems([
      `<title>Co-written</title><dc:creator>Ada Lovelace</dc:creator>
       <dc:creator>Grace Hopper</dc:creator><dc:creator>Ada Lovelace</dc:creator>`,
    ]);
    const atom = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Team</title><entry><title>Pair</title>
        <link href="https://team.example.com/1"/><author><name>Ada Lovelace</name></author>
        <author><name>Grace Hopper</name><email>grace@example.com</email></author></entry></feed>`,
      { feedUrl: "https://team.example.com/feed", now },
    );
    const json = await parseFeed(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Team",
        authors: [{ name: "The Team" }],
        items: [
          {
            id: "1",
            url: "https://team.example.com/2",
            title: "Pair",
            content_text: "Body",
            authors: [
              { name: "Ada Lovelace" },
              { url: "https://x.example" },
              { name: "Grace Hopper" },
            ],
          },
        ],
      }),
      { feedUrl: "https://team.example.com/feed.json", now },
    );
    expect([rss?.author, atom.items[0]?.author, json.items[0]?.author]).toEqual([
      "Ada Lovelace, Grace Hopper",
      "Ada Lovelace, Grace Hopper",
      "Ada Lovelace, Grace Hopper",
    ]);
  });

  it("is the Atom feed's author when the entry names none (RFC 4287 §4.2.1)", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Solo</title>
      <author><name>John Doe</name></author>
      <entry><title>Mine</title><link href="https://solo.example.com/1"/></entry>
      <entry><title>Guest</title><link href="https://solo.example.com/2"/>
        <author><name>Grace Hopper</name></author></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://solo.example.com/feed", now });
    expect(feed.items.map((item) => item.author)).toEqual(["John Doe", "Grace Hopper"]);
  });

  it("is the channel's dc:creator or itunes:author, never its managingEditor", async () => {
    const creator = await rssItems(
      ["<title>Post</title>"],
      "<dc:creator>Mark Pilgrim (creator@example.org)</dc:creator>",
    );
    const podcast = await rssItems(
      ["<title>Episode</title>"],
      "<itunes:author>Jane Host</itunes:author>",
    );
    const edited = await rssItems(
      ["<title>Post</title>"],
      "<managingEditor>dave@example.com (Dave Editor)</managingEditor>",
    );
    expect([creator, podcast, edited].map((items) => items[0]?.author)).toEqual([
      "Mark Pilgrim",
      "Jane Host",
      undefined,
    ]);
  });
});

describe("the feed's site", () => {
  it("is an Atom link without rel, which is an alternate, not the first link", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>
      <link href="https://site.example.com/feed.xml" rel="self"/><link href="https://site.example.com/"/>
      <entry><title>Post</title><link href="2025/post"/></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://feeds.example.net/site", now });
    expect(feed.siteUrl).toBe("https://site.example.com/");
    expect(feed.items[0]?.url).toBe("https://site.example.com/2025/post");
  });

  it("is an RSS channel's atom:link rel=alternate when it has no <link>", async () => {
    const xml = `<rss version="2.0" ${ATOM}><channel>
      <atom:link href="https://site.example.com/feed.xml" rel="self" type="application/rss+xml"/>
      <atom:link href="https://site.example.com/" rel="alternate" type="text/html"/>
      <item><title>Post</title><link>2025/post</link></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://feeds.example.net/site", now });
    expect(feed.siteUrl).toBe("https://site.example.com/");
    expect(feed.title).toBe("site.example.com");
  });
});

const MEDIA = 'xmlns:media="http://search.yahoo.com/mrss/"';
const ITUNES = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

describe("an item's picture", () => {
  it.each([
    [
      "an episode's itunes:image",
      '<itunes:image href="https://cdn.example.com/ep1.jpg"/>',
      "https://cdn.example.com/ep1.jpg",
    ],
    [
      "an itunes:image written with url instead of href",
      '<itunes:image url="https://cdn.example.com/ep2.png"></itunes:image>',
      "https://cdn.example.com/ep2.png",
    ],
    [
      "the thumbnail in a media:group (YouTube)",
      `<media:group><media:content url="https://www.youtube.com/v/x" type="application/x-shockwave-flash"/>
       <media:thumbnail url="https://i1.ytimg.com/vi/x/hqdefault.jpg"/></media:group>`,
      "https://i1.ytimg.com/vi/x/hqdefault.jpg",
    ],
    [
      "a video's own thumbnail",
      `<media:content url="https://cdn.example.com/v.mp4" type="video/mp4">
       <media:thumbnail url="https://cdn.example.com/v.jpg"/></media:content>`,
      "https://cdn.example.com/v.jpg",
    ],
    [
      "an item's image before a video's thumbnail",
      `<media:content url="https://cdn.example.com/v.mp4" medium="video">
       <media:thumbnail url="https://cdn.example.com/v.jpg"/></media:content>
       <media:content url="https://cdn.example.com/photo.jpg" medium="image"/>`,
      "https://cdn.example.com/photo.jpg",
    ],
    [
      "an image enclosure after the episode's sound",
      `<enclosure url="https://cdn.example.com/ep.mp3" length="1" type="audio/mpeg"/>
       <enclosure url="https://cdn.example.com/ep.jpg" length="1" type="image/jpeg"/>`,
      "https://cdn.example.com/ep.jpg",
    ],
  ])("is %s", async (_name, fields, imageUrl) => {
    const [item] = await rssItems([`<title>Episode</title>${fields}`], "", `${MEDIA} ${ITUNES}`);
    expect(item?.imageUrl).toBe(imageUrl);
  });

  it("is an Atom entry's image enclosure, relative to the entry", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Posts</title>
      <entry><title>Post</title><link href="https://blog.example.com/posts/one/" rel="alternate"/>
        <link href="error.jpg" rel="enclosure" type="image/jpeg"/></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://blog.example.com/feed.xml", now });
    expect(feed.items[0]?.imageUrl).toBe("https://blog.example.com/posts/one/error.jpg");
  });
});

describe("an item's categories", () => {
  it("include Media RSS categories, of the item and of its media:group", async () => {
    const [item] = await rssItems(
      [
        `<title>Clip</title><category>News</category><media:category>Science</media:category>
         <media:group><media:category>Space</media:category></media:group>`,
      ],
      "",
      MEDIA,
    );
    expect(item?.categories).toEqual(["News", "Science", "Space"]);
  });

  it("name an Atom category by its label, for people, else by its term", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Tags</title>
      <entry><title>Post</title><link href="https://tags.example.com/1"/>
        <category term="eng-infra" label="Infrastructure"/><category term="databases"/></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://tags.example.com/feed", now });
    expect(feed.items[0]?.categories).toEqual(["Infrastructure", "databases"]);
  });

  // A hostile item once stored 20,000 categories, bounded only by the feed's size cap.
  it("are the first 50 distinct ones, each at most 100 characters", async () => {
    const many = Array.from({ length: 20_000 }, (_, n) => `<category>topic ${n}</category>`);
    const long = `<category>${"word ".repeat(1_000)}</category>`;
    const [item, other] = await rssItems([
      `<title>Many</title><category>Topic 0</category>${many.join("")}`,
      `<title>Long</title>${long}<category>databases</category>`,
    ]);
    expect(item?.categories).toHaveLength(50);
    expect(item?.categories.slice(0, 2)).toEqual(["Topic 0", "topic 1"]);
    expect(item?.categories.at(-1)).toBe("topic 49");
    expect(other?.categories[0]).toBe(`${"word ".repeat(19)}word…`);
    expect(other?.categories[0]?.length).toBeLessThanOrEqual(100);
    expect(other?.categories[1]).toBe("databases");
  });
});

describe("fields of a module under another prefix than its usual one", () => {
  it("are read whatever prefix the document binds to the module's namespace", async () => {
    const [item] = await rssItems(
      [
        `<title>Prefixed</title><DC:creator>Grace Hopper</DC:creator>
         <dct:issued>2025-03-01T08:00:00Z</dct:issued>
         <mrss:thumbnail url="https://cdn.example.com/t.jpg"/>
         <c:encoded>&lt;p&gt;The whole article.&lt;/p&gt;</c:encoded>`,
      ],
      "",
      `xmlns:DC="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/"
       xmlns:mrss="http://search.yahoo.com/mrss" xmlns:c="http://purl.org/rss/1.0/modules/content/"`,
    );
    expect(item?.author).toBe("Grace Hopper");
    expect(item?.publishedAt?.toISOString()).toBe("2025-03-01T08:00:00.000Z");
    expect(item?.imageUrl).toBe("https://cdn.example.com/t.jpg");
    expect(item?.contentHtml).toBe("<p>The whole article.</p>");
  });

  it("are left alone when the usual prefix is bound to another namespace", async () => {
    const [item] = await rssItems(
      ["<title>Clash</title><dc:creator>Not a person</dc:creator><x:creator>Ada</x:creator>"],
      "",
      'xmlns:dc="https://other.example.com/ns" xmlns:x="http://purl.org/dc/elements/1.1/"',
    );
    expect(item?.author).toBe("Not a person");
  });
});

describe("an Atom body of type html", () => {
  it("wrapped in an XHTML div (TypePad) is the escaped HTML inside the div", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Typepad</title>
      <entry><title>Post</title><link href="https://typepad.example.com/1"/>
        <content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></content>
      </entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://typepad.example.com/atom.xml", now });
    expect(feed.items[0]?.contentHtml).toBe("Example <b>Atom</b>");
  });
});

describe("an item's link", () => {
  const entry = (links: string, id = "tag:links.example.com,2025:1") =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>Links</title><entry><title>Post</title>
      <id>${id}</id>${links}</entry></feed>`;
  const linkOf = async (xml: string) =>
    (await parseFeed(xml, { feedUrl: "https://links.example.com/feed", now })).items[0]?.url;

  it.each([
    [
      "an Atom link without rel, not a replies link before it (RFC 4287 §4.2.7.2)",
      '<link rel="replies" href="https://links.example.com/1#comments"/><link href="https://links.example.com/1"/>',
    ],
    [
      "the HTML alternate, not a JSON one before it",
      `<link rel="alternate" type="application/json" href="https://links.example.com/1.json"/>
       <link rel="alternate" type="text/html" href="https://links.example.com/1"/>`,
    ],
    [
      "the alternate, not a self link before it",
      '<link rel="self" href="https://links.example.com/api/1"/><link rel="alternate" href="https://links.example.com/1"/>',
    ],
  ])("is %s", async (_name, links) => {
    expect(await linkOf(entry(links))).toBe("https://links.example.com/1");
  });

  it("is a podcast episode's enclosure when it has neither a link nor a permalink", async () => {
    const xml = `<rss version="2.0"><channel><title>Cast</title><link>https://cast.example.com/</link>
      <item><title>Episode 1</title><guid isPermaLink="false">ep-1</guid>
        <enclosure url="/audio/ep1.mp3" length="1" type="audio/mpeg"/></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://cast.example.com/feed", now });
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => [item.title, item.url])).toEqual([
      ["Episode 1", "https://cast.example.com/audio/ep1.mp3"],
    ]);
  });

  // Items that were skipped as having no link.
  it.each([
    [
      "a video's media:content",
      '<media:content url="https://cdn.example.com/v.mp4" type="video/mp4"/>',
      "https://cdn.example.com/v.mp4",
    ],
    [
      "a media:content in a media:group, relative to the channel",
      '<media:group><media:content url="/v/2.mp4" medium="video"/></media:group>',
      "https://cast.example.com/v/2.mp4",
    ],
    [
      "a guid said to be a permalink, relative to the channel",
      '<guid isPermaLink="true">posts/3</guid>',
      "https://cast.example.com/posts/3",
    ],
  ])("is %s when the item has neither a link nor an enclosure", async (_name, fields, url) => {
    const xml = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
      <title>Cast</title><link>https://cast.example.com/</link>
      <item><title>Episode</title>${fields}</item></channel></rss>`;
    const feed = await parseFeed(xml, { feedUrl: "https://cast.example.com/feed", now });
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => item.url)).toEqual([url]);
  });

  it("is an entry's permalink id when its only link is an enclosure", async () => {
    const xml = entry(
      '<link rel="enclosure" type="audio/mpeg" href="https://cdn.example.com/1.mp3"/>',
      "https://links.example.com/1",
    );
    expect(await linkOf(xml)).toBe("https://links.example.com/1");
  });

  it("is an RSS item's atom:link when it has no <link>, and its <link> when it has", async () => {
    const items = await rssItems(
      [
        '<title>Atom only</title><atom:link rel="alternate" href="https://fields.example.com/a"/>',
        '<title>Both</title><atom:link rel="related" href="https://elsewhere.example.org/"/>',
      ],
      "",
      ATOM,
    );
    expect(items.map((item) => item.url)).toEqual([
      "https://fields.example.com/1",
      "https://fields.example.com/2",
    ]);
    const xml = `<rss version="2.0" ${ATOM}><channel><title>T</title><item><title>No link</title>
      <atom:link rel="alternate" href="https://fields.example.com/a"/></item></channel></rss>`;
    expect(await linkOf(xml)).toBe("https://fields.example.com/a");
  });
});

describe("a body that is plain text", () => {
  it("is an Atom body of type text: its '<div>' is a word, its blank lines paragraphs", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Text</title><entry><title>Post</title>
      <link href="https://text.example.com/1"/><content type="text">Why a &lt;div&gt; here?

Second &amp; last.</content></entry></feed>`;
    const feed = await parseFeed(xml, { feedUrl: "https://text.example.com/feed", now });
    expect(feed.items[0]?.contentHtml).toBe(
      "<p>Why a &lt;div&gt; here?</p><p>Second &amp; last.</p>",
    );
    expect(feed.items[0]?.contentText).toBe("Why a <div> here?\n\nSecond & last.");
  });

  it("keeps the paragraphs of an RSS description without a tag or an entity", async () => {
    const items = await rssItems([
      "<title>Plain</title><description>Para one.\n\nPara two, a &lt; b.</description>",
      "<title>HTML</title><description>&lt;b&gt;Bold&lt;/b&gt;\n\nstill HTML</description>",
    ]);
    expect(items.map((item) => item.contentText)).toEqual([
      "Para one.\n\nPara two, a < b.",
      "Bold still HTML",
    ]);
  });
});
