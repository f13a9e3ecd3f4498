import { readFileSync } from "node:fs";
import { type FeedItem, type ParsedFeed, parseFeed } from "../../src/ingest/index.js";
import { documentText } from "../../src/ingest/parse/decode-body.js";

/** One article as Gazette's ingest path gives it, with the feed it came from. */
export interface FeedArticle {
  item: FeedItem;
  feedTitle?: string;
  /** How many different authors (none counting as one) the feed's items have, as enrich counts. */
  feedAuthors: number;
}

/**
 * Reads articles out of feed files through the project's own parse path (decode, parse,
 * normalize, sanitize), each feed parsed once however many rows point into it.
 */
export function createFeedReader(now: Date) {
  const feeds = new Map<string, Promise<ParsedFeed>>();
  const parsed = (file: string) => {
    let feed = feeds.get(file);
    if (!feed) {
      feed = parseFeed(documentText({ bytes: readFileSync(file) }), { feedUrl: file, now });
      feeds.set(file, feed);
    }
    return feed;
  };
  return {
    /** The item whose GUID or link is `id`; throws, naming both, when the feed has none. */
    async article(file: string, id: string): Promise<FeedArticle> {
      const feed = await parsed(file);
      const item = feed.items.find((each) => each.guid === id || each.url === id);
      if (!item) throw new Error(`${file} has no item with the GUID or link "${id}"`);
      const feedAuthors = new Set(feed.items.map((each) => each.author ?? "")).size;
      return { item, feedTitle: feed.title, feedAuthors };
    },
  };
}
