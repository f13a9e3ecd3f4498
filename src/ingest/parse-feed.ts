import { describeError, GazetteError } from "../shared/errors.js";
import { normalizeItem, SkippedItem } from "./normalize-item.js";
import { plainTitle } from "./plain-title.js";
import { type RawFeed, readFeedXml } from "./read-feed-xml.js";
import { readJsonFeed } from "./read-json-feed.js";
import { resolveUrl } from "./resolve-url.js";
import type { FeedItem, ParsedFeed } from "./types.js";
import { xmlText } from "./xml-value.js";

export interface ParseOptions {
  /** Where the feed came from: relative links are resolved against it. */
  feedUrl: string;
  /** Dates more than a day after this are not believed. */
  now: Date;
}

/**
 * Parses an RSS, Atom or JSON Feed document into normalized, sanitized items. Throws
 * FEED_PARSE_FAILED when the document is not a feed; an unusable item is skipped and listed in
 * `problems`.
 */
export async function parseFeed(document: string, options: ParseOptions): Promise<ParsedFeed> {
  const raw = await readOrExplain(document, options.feedUrl);
  const feedBase = resolveUrl(options.feedUrl, undefined, ["http:", "https:", "file:"]);
  const siteUrl = siteUrlOf(raw, feedBase);
  const context = { baseUrl: siteUrl ?? feedBase, now: options.now };
  const items: FeedItem[] = [];
  const problems: string[] = [];
  raw.items.forEach((rawItem, index) => {
    try {
      items.push(normalizeItem(rawItem, context));
    } catch (error) {
      // Unexpected errors are reported the same way: one bad item never fails its feed.
      const reason =
        error instanceof SkippedItem ? error.message : `failed: ${describeError(error)}`;
      problems.push(`${options.feedUrl}: item ${index + 1} skipped: ${reason}`);
    }
  });
  const title = plainTitle(xmlText(raw.title) ?? "") || undefined;
  return { title, siteUrl, items, problems };
}

async function readOrExplain(document: string, feedUrl: string): Promise<RawFeed> {
  const isJson = document.trimStart().startsWith("{");
  try {
    return isJson ? readJsonFeed(document) : await readFeedXml(document);
  } catch (error) {
    const kind = isJson ? "JSON Feed" : "RSS or Atom feed";
    const message = `${feedUrl}: not a valid ${kind} (${explain(document, error)})`;
    throw new GazetteError("FEED_PARSE_FAILED", message, { cause: error });
  }
}

function explain(document: string, error: unknown): string {
  if (document.trim() === "") return "the document is empty";
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(document)) {
    return "it is an HTML page";
  }
  return describeError(error).replace(/\s*\n\s*/g, ", ");
}

// An Atom feed without an "alternate" link gets its first link, often the feed itself.
function siteUrlOf(raw: RawFeed, feedBase: string | undefined): string | undefined {
  const link = resolveUrl(xmlText(raw.link), feedBase);
  const self = resolveUrl(xmlText(raw.feedUrl), feedBase);
  return link === undefined || link === self || link === feedBase ? undefined : link;
}
