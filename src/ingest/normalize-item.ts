import { createHash } from "node:crypto";
import { canonicalUrl } from "./canonical-url.js";
import { htmlToPlainText } from "./html-to-plain-text.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { plainTitle } from "./plain-title.js";
import type { RawItem } from "./read-feed-xml.js";
import { isHttpUrl, resolveUrl } from "./resolve-url.js";
import { sanitizeContent } from "./sanitize-content.js";
import type { FeedItem } from "./types.js";
import { xmlAttribute, xmlText } from "./xml-value.js";

export interface ItemContext {
  /** What relative item links are resolved against: the site's link, else the feed's URL. */
  baseUrl: string | undefined;
  now: Date;
}

/** Thrown for an item that cannot become an article; the feed reports it and goes on. */
export class SkippedItem extends Error {}

const TITLE_FALLBACK_WORDS = 12;

/** One rss-parser item turned into a FeedItem: absolute URLs, plain-text title, sanitized content. */
export function normalizeItem(raw: RawItem, context: ItemContext): FeedItem {
  if (raw.failure !== undefined) throw new SkippedItem(raw.failure);
  const guid = xmlText(raw.guid) ?? xmlText(raw.id);
  const link = xmlText(raw["feedburner:origLink"]) ?? xmlText(raw.link);
  const url = resolveUrl(link, context.baseUrl) ?? (isHttpUrl(guid) ? guid : undefined);
  const rawTitle = plainTitle(xmlText(raw.title) ?? "");
  if (url === undefined) throw new SkippedItem(`"${rawTitle || guid || "untitled"}" has no link`);
  const contentHtml = sanitizeContent(richestContent(raw), url);
  const contentText = htmlToPlainText(contentHtml);
  if (!rawTitle && !contentText) throw new SkippedItem(`${url} has neither a title nor content`);
  const title = rawTitle || firstWords(contentText, TITLE_FALLBACK_WORDS);
  return {
    guid,
    url,
    canonicalUrl: canonicalUrl(url),
    title,
    author: authorOf(raw),
    publishedAt: parseFeedDate(
      [raw.published, raw.pubDate, raw["dc:date"], raw.updated, raw.isoDate].map(xmlText),
      context.now,
    ),
    contentHtml,
    contentText,
    categories: categoriesOf(raw.rawCategories),
    imageUrl: imageOf(raw, url),
    contentHash: createHash("sha256").update(`${title}\n${contentText}`).digest("hex"),
  };
}

// Feeds often carry an excerpt in one field and the whole article in another.
function richestContent(raw: RawItem): string {
  const candidates = [raw["content:encoded"], raw.content, raw.summary].map(xmlText);
  return candidates.reduce<string>(
    (best, next) => (next && next.length > best.length ? next : best),
    "",
  );
}

function authorOf(raw: RawItem): string | undefined {
  const value = xmlText(raw.creator) ?? xmlText(raw["dc:creator"]) ?? xmlText(raw.author);
  // RSS <author> is "jane@example.com (Jane Doe)": keep the name.
  const name = value?.match(/^\S+@\S+\s*\((.+)\)$/)?.[1] ?? value;
  return name ? plainTitle(name) || undefined : undefined;
}

function categoriesOf(values: unknown): string[] {
  const seen = new Map<string, string>();
  for (const value of Array.isArray(values) ? values : []) {
    const name = (xmlText(value) ?? xmlAttribute(value, "term") ?? "").replace(/\s+/g, " ");
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

function imageOf(raw: RawItem, itemUrl: string): string | undefined {
  const media = Array.isArray(raw.mediaContent) ? raw.mediaContent : [];
  const enclosure = raw.enclosure as Record<string, unknown> | undefined;
  const candidates = [
    xmlAttribute(raw.mediaThumbnail, "url"),
    ...media.filter(isImage).map((entry) => xmlAttribute(entry, "url")),
    xmlText(enclosure?.type)?.startsWith("image/") ? xmlText(enclosure?.url) : undefined,
  ];
  return candidates.map((candidate) => resolveUrl(candidate, itemUrl)).find(Boolean);
}

function isImage(media: unknown): boolean {
  return (
    xmlAttribute(media, "medium") === "image" ||
    Boolean(xmlAttribute(media, "type")?.startsWith("image/"))
  );
}

function firstWords(plainText: string, count: number): string {
  const words = plainText.split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : words.join(" ");
}
