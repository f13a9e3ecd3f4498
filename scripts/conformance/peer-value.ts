import type { ReadFeed } from "../../src/ingest/parse/read-feed.js";

/** How a peer's value compares with ours: each kind has its own normalization. */
export type ValueKind = "title" | "url" | "html" | "date" | "author" | "text" | "list" | "count";

/** Our value for a peer's path, or why the path has no counterpart in Gazette's model. */
export type Mapped = { kind: ValueKind; value: unknown; item?: Entry } | { na: string };

type Entry = ReadFeed["entries"][number];

const FEED_FIELDS: Record<string, [ValueKind, (feed: ReadFeed) => unknown]> = {
  title: ["title", (feed) => feed.title],
  title_detail_value: ["title", (feed) => feed.title],
  link: ["url", (feed) => feed.siteUrl],
  url: ["url", (feed) => feed.siteUrl],
};

// Peers' names for the fields Gazette keeps per item (feedparser, rss-parser, gofeed, feed-rs,
// feedsmith, rowanmanning). Anything else (enclosures, media, comments, …) is not modelled.
const ITEM_FIELDS: Record<string, ValueKind> = {
  title: "title",
  title_detail_value: "title",
  link: "url",
  url: "url",
  links_0_href: "url",
  id: "text",
  guid: "text",
  guid_value: "text",
  published: "date",
  published_parsed: "date",
  pubDate: "date",
  isoDate: "date",
  description: "html",
  summary: "html",
  summary_detail_value: "html",
  content: "html",
  content_0_value: "html",
  content_body: "html",
  author: "author",
  author_name: "author",
  author_detail_name: "author",
  creator: "author",
  categories: "list",
  tags: "list",
};

// The item's picture compares as a URL but is its own field.
const IMAGE_FIELDS = new Set(["image_url", "image_href", "image"]);

const ITEM_VALUE: Record<ValueKind, (item: Exclude<Entry, { problem: string }>) => unknown> = {
  title: (item) => item.title,
  url: (item) => item.url,
  text: (item) => item.guid,
  date: (item) => item.publishedAt,
  html: (item) => item.contentHtml,
  author: (item) => item.author,
  list: (item) => item.categories,
  count: () => undefined,
};

/** Maps a peer's path (`entries[0].title`, `items.length`, `feed.link`) to our value. */
export function peerValue(path: string, feed: ReadFeed): Mapped {
  if (path === "entries" || path === "items" || path === "items.length") {
    return { kind: "count", value: feed.entries.length };
  }
  const feedField = path.match(/^feed\.(.+)$/)?.[1];
  if (feedField !== undefined) {
    const field = FEED_FIELDS[flatten(feedField)];
    return field ? { kind: field[0], value: field[1](feed) } : { na: `feed.${feedField}` };
  }
  const itemMatch = path.match(/^(?:entries|items)\[(\d+)\]\.(.+)$/);
  if (!itemMatch) return { na: path };
  const field = flatten(itemMatch[2] ?? "");
  const entry = feed.entries[Number(itemMatch[1])];
  // feedparser's `category` is the first tag's term.
  const tag =
    field === "category" ? ["", "0"] : field.match(/^(?:tags|categories)_(\d+)(?:_term)?$/);
  if (tag) {
    const categories = entry && !("problem" in entry) ? entry.categories : undefined;
    return { kind: "text", value: categories?.[Number(tag[1])], item: entry };
  }
  // Gazette names every author of an item in one line ("Ada, Grace"): the peer's first is the
  // line (sameValue takes its first name too), a later one the line's name at that place.
  const nth = Number(field.match(/^authors_(\d+)(?:_name)?$/)?.[1] ?? Number.NaN);
  if (!Number.isNaN(nth)) {
    const author = entry && !("problem" in entry) ? entry.author : undefined;
    return { kind: "author", value: nth === 0 ? author : author?.split(", ")[nth], item: entry };
  }
  if (IMAGE_FIELDS.has(field)) {
    const imageUrl = entry && !("problem" in entry) ? entry.imageUrl : undefined;
    return { kind: "url", value: imageUrl, item: entry };
  }
  const kind = ITEM_FIELDS[field];
  if (kind === undefined) return { na: `item.${field}` };
  if (entry === undefined || "problem" in entry) return { kind, value: undefined, item: entry };
  return { kind, value: ITEM_VALUE[kind](entry), item: entry };
}

// "content[0].value" → "content_0_value": one key for the lookup tables.
function flatten(path: string): string {
  return path.replace(/\[(\d+)\]/g, "_$1").replace(/\./g, "_");
}
