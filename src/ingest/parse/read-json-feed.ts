import { escapeText, textToHtml } from "../normalize/text-to-html.js";
import type { RawFeed, RawItem } from "./read-feed-xml.js";

type Json = Record<string, unknown>;

/**
 * Reads a JSON Feed (https://jsonfeed.org, versions 1 and 1.1) into the same raw shape as an
 * RSS or Atom feed, so that one normalization serves all three. Throws when it is not one.
 */
export function readJsonFeed(document: string): RawFeed {
  // A byte order mark left after decoding (a file saved with one, served after another) is no
  // JSON; trimStart drops it with the white space.
  const feed: unknown = JSON.parse(document.trimStart());
  // Some generators write a bare "1.1" instead of the spec's URL; both name a JSON Feed version.
  const version = isObject(feed) ? String(feed.version ?? "") : "";
  if (!/^(?:https:\/\/jsonfeed\.org\/version\/)?\d+(?:\.\d+)?$/.test(version)) {
    throw new Error("no jsonfeed.org version");
  }
  if (!isObject(feed) || !Array.isArray(feed.items)) throw new Error("no items array");
  // Read once, not per item: see MAX_AUTHORS.
  const feedAuthors = authorNames(feed);
  return {
    title: escapeTitle(feed.title),
    link: feed.home_page_url,
    feedUrl: feed.feed_url,
    items: feed.items.map((item) =>
      isObject(item) ? toRawItem(item, feedAuthors) : { failure: "not an object" },
    ),
  };
}

function toRawItem(item: Json, feedAuthors: string[] | undefined): RawItem {
  const image = item.image ?? item.banner_image;
  const link = item.url ?? item.external_url;
  return {
    title: escapeTitle(item.title),
    link,
    id: typeof item.id === "number" ? String(item.id) : item.id,
    // Generators write an empty content_html beside the content_text that holds the post.
    content:
      typeof item.content_html === "string" && item.content_html.trim() !== ""
        ? item.content_html
        : textToHtml(item.content_text),
    summary: escapeText(item.summary),
    published: dateText(item.date_published),
    updated: dateText(item.date_modified),
    // The item's authors, else the feed's.
    creator: authorNames(item) ?? feedAuthors,
    rawCategories: asArray(item.tags).filter((tag) => typeof tag === "string"),
    mediaThumbnail: typeof image === "string" ? { $: { url: image } } : undefined,
    // A podcast's episode without a page links to its sound, as an RSS enclosure does; read only
    // then, so that no other item's fingerprint changes.
    ...(typeof link !== "string" ? { enclosures: attachmentsOf(item) } : {}),
  };
}

// JSON Feed's attachments as RSS enclosures.
function attachmentsOf(item: Json): unknown[] {
  return asArray(item.attachments)
    .filter(isObject)
    .map((attachment) => ({ $: { url: attachment.url, type: attachment.mime_type } }));
}

// The spec's dates are RFC 3339 strings; some generators write a Unix timestamp as a number
// (1672740000), which is read as the same digits in a string would be.
function dateText(value: unknown): unknown {
  return typeof value === "number" && Number.isInteger(value) ? String(value) : value;
}

// More names than fit the one line an author is shown on (clipLine). The feed's authors are every
// item's that names none, so all of them were read, and hashed, again for each item.
const MAX_AUTHORS = 50;

/**
 * The first names of JSON Feed 1.1's `authors`, else of 1.0's `author`; undefined when neither
 * names one.
 */
function authorNames(owner: Json): string[] | undefined {
  return [asArray(owner.authors), [owner.author]]
    .map((group) =>
      group
        .filter(isObject)
        .map((author) => author.name)
        .filter((name): name is string => typeof name === "string")
        .slice(0, MAX_AUTHORS),
    )
    .find((names) => names.length > 0);
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// Titles are plain text by the spec, yet WordPress writes "&#8211;" and "&amp;" into them: the
// markup is escaped, entity references are left for plainTitle to decode.
function escapeTitle(value: unknown): string | undefined {
  return typeof value === "string" ? value.replace(/</g, "&lt;").replace(/>/g, "&gt;") : undefined;
}
