import { describeError } from "../../shared/errors.js";
import { type NormalizedItem, SkippedItem, toArticle } from "../normalize/normalize-item.js";
import type { FeedItem, ParsedFeed } from "../types.js";
import { type ReadOptions, readFeed } from "./read-feed.js";

export type ParseOptions = ReadOptions;

/**
 * Parses an RSS, Atom or JSON Feed document into normalized, sanitized articles. Throws
 * FEED_PARSE_FAILED when the document is not a feed; an item a newsletter cannot use (no link,
 * nothing to show) is skipped and listed in `problems`.
 */
export async function parseFeed(document: string, options: ParseOptions): Promise<ParsedFeed> {
  const { title, siteUrl, entries } = await readFeed(document, options);
  const items: FeedItem[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    try {
      items.push(articleOf(entry));
    } catch (error) {
      problems.push(skipProblem(options.feedUrl, index, error));
    }
  });
  return { title, siteUrl, items, problems };
}

/** The entry as an article; throws SkippedItem when it is a problem or cannot be one. */
export function articleOf(entry: NormalizedItem | { problem: string }): FeedItem {
  if ("problem" in entry) throw new SkippedItem(entry.problem);
  return toArticle(entry);
}

/** How a skipped item is reported. */
export function skipProblem(feedUrl: string, index: number, error: unknown): string {
  const reason = error instanceof SkippedItem ? error.message : `failed: ${describeError(error)}`;
  return `${feedUrl}: item ${index + 1} skipped: ${reason}`;
}
