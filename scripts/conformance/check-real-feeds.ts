import { readFileSync } from "node:fs";
import path from "node:path";
import { htmlToPlainText } from "../../src/ingest/normalize/html-to-plain-text.js";
import { decodeBody } from "../../src/ingest/parse/decode-body.js";
import { parseFeed } from "../../src/ingest/parse/parse-feed.js";
import { readFeedXml } from "../../src/ingest/parse/read-feed-xml.js";
import { xmlText } from "../../src/ingest/parse/xml-value.js";
import type { FeedItem, ParsedFeed } from "../../src/ingest/types.js";
import type { CaseResult } from "./run-case.js";
import { NOW } from "./run-case.js";

interface RealFeed {
  file: string;
  role: "feed" | "expected-value";
  itemCount: number;
  title: string;
  newestItemDate?: string;
  peerExpectations?: Record<string, unknown>;
}

// Upstream's expected first-entry content, kept beside two of the feeds.
const FIRST_ENTRY_CONTENT: Record<string, string> = {
  "aws-blog-atom.xml": "aws-blog-atom.first-entry-content.xml",
  "tenderlovemaking-rss.xml": "tenderlovemaking-rss.first-entry-content.xml",
};
// Sanitizing drops markup, never words: a body this much shorter than the raw text lost some.
const MIN_TEXT_RATIO = 0.9;

/** Runs each real-feeds/ snapshot through parseFeed, as `gazette collect` would, and judges it. */
export async function checkRealFeeds(dir: string): Promise<CaseResult[]> {
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const feeds = (manifest.files as RealFeed[]).filter((file) => file.role === "feed");
  return Promise.all(feeds.map((feed) => checkRealFeed(dir, feed)));
}

async function checkRealFeed(dir: string, expected: RealFeed): Promise<CaseResult> {
  const result = { file: `real-feeds/${expected.file}`, category: "real-feeds", naChecks: 0 };
  try {
    const text = decodeBody(readFileSync(path.join(dir, expected.file)));
    const feedUrl = `https://conformance.invalid/real-feeds/${expected.file}`;
    const feed = await parseFeed(text, { feedUrl, now: NOW });
    const raw = await readFeedXml(text);
    const rawTexts = raw.items.map((item) => htmlToPlainText(richestRaw(item)));
    const firstEntryFile = FIRST_ENTRY_CONTENT[expected.file];
    const firstEntry = firstEntryFile && readFileSync(path.join(dir, firstEntryFile), "utf8");
    const why = [
      ...checkShape(feed, expected),
      ...checkPeerExpectations(feed.items[0], expected.peerExpectations ?? {}),
      ...feed.items.flatMap((item, index) => checkItem(item, rawTexts[index] ?? "")),
      firstEntry ? checkText(feed.items[0], htmlToPlainText(firstEntry)) : undefined,
    ].find(Boolean);
    return why ? { ...result, status: "fail", why } : { ...result, status: "pass" };
  } catch (error) {
    return { ...result, status: "fail", why: `rejected: ${String(error)}` };
  }
}

function checkShape(feed: ParsedFeed, expected: RealFeed): Array<string | undefined> {
  const newest = Math.max(...feed.items.map((item) => item.publishedAt?.getTime() ?? 0));
  const newestExpected = expected.newestItemDate && Date.parse(expected.newestItemDate);
  return [
    feed.items.length !== expected.itemCount
      ? `${feed.items.length} items, expected ${expected.itemCount} (${feed.problems[0] ?? ""})`
      : undefined,
    feed.title !== (expected.title || undefined)
      ? `title ${JSON.stringify(feed.title)}`
      : undefined,
    newestExpected && newest !== newestExpected
      ? `newest date ${new Date(newest).toISOString()}`
      : undefined,
  ];
}

function checkPeerExpectations(item: FeedItem | undefined, peer: Record<string, unknown>) {
  const iso = (date: Date | undefined) => date?.toISOString().replace(".000Z", "Z");
  const ours: Record<string, unknown> = {
    "items[0].title": item?.title,
    "items[0].link": item?.url,
    "items[0].url": item?.url,
    "items[0].guid": item?.guid,
    "items[0].id": item?.guid,
    "items[0].author": item?.author,
    "items[0].categories": item?.categories,
    "items[0].pubDate.iso": iso(item?.publishedAt),
    "items[0].published.iso": iso(item?.publishedAt),
  };
  return Object.entries(peer)
    .filter(([key]) => key in ours)
    .map(([key, value]) =>
      JSON.stringify(ours[key]) === JSON.stringify(value)
        ? undefined
        : `${key} is ${JSON.stringify(ours[key])}, expected ${JSON.stringify(value)}`,
    );
}

function checkItem(item: FeedItem, rawText: string): Array<string | undefined> {
  // Only inside tags: sanitize-html leaves quotes unescaped in text, such as code samples.
  const relative = [...item.contentHtml.matchAll(/<[a-z][^<>]*?\s(?:href|src)="([^"]*)"/g)]
    .map((match) => match[1] ?? "")
    .find((url) => !/^(?:https?:|mailto:)/.test(url));
  return [
    relative === undefined ? undefined : `${item.url}: relative link ${relative} in the content`,
    item.contentText.length < MIN_TEXT_RATIO * rawText.length
      ? `${item.url}: ${item.contentText.length} characters of text, the feed had ${rawText.length}`
      : undefined,
  ];
}

function checkText(item: FeedItem | undefined, expected: string): string | undefined {
  const words = (text: string) => text.replace(/\s+/g, " ").trim();
  const ours = words(item?.contentText ?? "");
  const theirs = words(expected);
  const sameStart = ours.slice(0, 80) === theirs.slice(0, 80);
  return sameStart && ours.length >= MIN_TEXT_RATIO * theirs.length
    ? undefined
    : `first item's text differs from upstream's expected content: "${ours.slice(0, 80)}"`;
}

function richestRaw(item: Record<string, unknown>): string {
  const candidates = [item["content:encoded"], item.content, item.summary].map(xmlText);
  return candidates.reduce<string>(
    (best, next) => (next && next.length > best.length ? next : best),
    "",
  );
}
