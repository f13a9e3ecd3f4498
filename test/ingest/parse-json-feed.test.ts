import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/index.js";
import { feedFixture, linksIn } from "./fixtures.js";

const now = new Date("2025-03-06T12:00:00Z");
const feedUrl = "https://json.example.org/feed.json";

describe("parseFeed on a JSON Feed", () => {
  it("reads the feed and its items like RSS and Atom", async () => {
    const feed = await parseFeed(feedFixture("json-feed.json"), { feedUrl, now });
    expect(feed.title).toBe("JSON Engineering <Notes>");
    expect(feed.siteUrl).toBe("https://json.example.org/");
    expect(feed.items.map((item) => item.canonicalUrl)).toEqual([
      "https://json.example.org/posts/1",
      "https://elsewhere.example.com/article",
    ]);
    expect(feed.problems).toEqual([`${feedUrl}: item 3 skipped: "Nowhere to link" has no link`]);
  });

  it("keeps plain-text titles literal and sanitizes content_html", async () => {
    const [first] = (await parseFeed(feedFixture("json-feed.json"), { feedUrl, now })).items;
    expect(first).toMatchObject({
      guid: "https://json.example.org/posts/1",
      title: "Why <template> tags matter",
      author: "Jo Doe",
      categories: ["html", "templates"],
      imageUrl: "https://json.example.org/img/templates.png",
      contentText: "Templates explained.",
    });
    expect(first?.publishedAt?.toISOString()).toBe("2025-03-01T09:00:00.000Z");
    expect(first?.contentHtml).not.toMatch(/<script/i);
    expect(linksIn(first?.contentHtml ?? "")).toEqual(["https://json.example.org/docs/templates"]);
  });

  it("turns content_text into paragraphs and titles the item from it", async () => {
    const [, second] = (await parseFeed(feedFixture("json-feed.json"), { feedUrl, now })).items;
    expect(second).toMatchObject({
      guid: "2",
      author: "The JSON Team",
      title: "First paragraph of plain text & more. Second <paragraph>.",
      contentText: "First paragraph of plain text & more.\n\nSecond <paragraph>.",
    });
    expect(second?.publishedAt?.toISOString()).toBe("2025-03-02T12:00:00.000Z");
  });

  it("reads a Unix timestamp as date_published, as a number or a string", async () => {
    const items = [1672740000, "1672740000000", 42, 1672740000.5].map((date, n) => ({
      id: String(n),
      url: `https://json.example.org/posts/${n}`,
      title: `Post ${n}`,
      date_published: date,
    }));
    const document = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items });
    const feed = await parseFeed(document, { feedUrl, now });
    expect(feed.items.map((item) => item.publishedAt?.toISOString())).toEqual([
      "2023-01-03T10:00:00.000Z",
      "2023-01-03T10:00:00.000Z",
      undefined,
      undefined,
    ]);
  });

  const jsonFeed = (version: string, feed: object, items: object[]) =>
    JSON.stringify({
      version: `https://jsonfeed.org/version/${version}`,
      title: "J",
      ...feed,
      items,
    });

  it("reads JSON Feed 1.0's author and banner_image, and 1.1's authors before them", async () => {
    const item = { id: "1", url: "https://json.example.org/1", content_text: "x" };
    const v1 = jsonFeed("1", { author: { name: "Feed Ann" } }, [
      { ...item, title: "Own", author: { name: "Bo" }, banner_image: "/b.png" },
      { ...item, title: "Feed's" },
    ]);
    const v11 = jsonFeed("1.1", { authors: [{ name: "Cy" }], author: { name: "Old" } }, [item]);
    const [own, feeds] = (await parseFeed(v1, { feedUrl, now })).items;
    expect([own?.author, own?.imageUrl, feeds?.author]).toEqual([
      "Bo",
      "https://json.example.org/b.png",
      "Feed Ann",
    ]);
    expect((await parseFeed(v11, { feedUrl, now })).items[0]?.author).toBe("Cy");
  });

  // Both were lost: the item had no content, the episode "has no link".
  it("reads content_text beside an empty content_html, and an episode's attachment", async () => {
    const document = jsonFeed("1.1", {}, [
      { id: "1", url: "https://json.example.org/1", content_html: " ", content_text: "The post." },
      {
        id: "ep-2",
        title: "Episode 2",
        attachments: [{ url: "/audio/2.mp3", mime_type: "audio/mpeg" }],
      },
    ]);
    const feed = await parseFeed(document, { feedUrl, now });
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => [item.contentText, item.url])).toEqual([
      ["The post.", "https://json.example.org/1"],
      ["", "https://json.example.org/audio/2.mp3"],
    ]);
  });

  // It was "not a valid JSON Feed (Unexpected token '﻿'…)".
  it("reads a JSON Feed after a byte order mark left in the text", async () => {
    const item = { id: "1", url: "https://json.example.org/1", title: "One" };
    const document = jsonFeed("1.1", {}, [item]);
    const feed = await parseFeed(`\uFEFF${document}`, { feedUrl, now });
    expect(feed.items.map((item) => item.url)).toEqual(["https://json.example.org/1"]);
  });

  it.each([
    ["broken JSON", '{"version": ', /not a valid JSON Feed \(.*JSON.*\)$/],
    [
      "JSON that is not a JSON Feed",
      '{"items": []}',
      /not a valid JSON Feed \(no jsonfeed\.org version\)$/,
    ],
  ])("rejects %s with FEED_PARSE_FAILED", async (_case, document, message) => {
    await expect(parseFeed(document, { feedUrl, now })).rejects.toMatchObject({
      code: "FEED_PARSE_FAILED",
      message: expect.stringMatching(message),
    });
  });
});
