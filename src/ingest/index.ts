// The ingest stage's face: collectFeeds (fetch → parse → normalize → store, in that order) and its
// report, the parse pool the context owns, and the data-in/data-out parsers (feed text, OPML).
// The fetch/, parse/ and normalize/ steps are internal; tests may reach them directly.
import { lazyFunction } from "../shared/lazy-function.js";

export type { CollectOptions, CollectReport } from "./collect-feeds.js";
export { type ParsePool, parsePoolFor } from "./parse/create-parse-pool.js";

import type { Fetcher, FetcherOptions } from "./fetch/create-fetcher.js";
import type { OpmlFeed, OpmlList } from "./parse/opml.js";

/** True when a feed URL is an absolute http(s) URL (else a local file). Imports nothing. */
export { isHttpUrl } from "./normalize/resolve-url.js";
export type { ParseOptions } from "./parse/parse-feed.js";

// The orchestrators and parsers load undici, rss-parser, fast-xml-parser, sanitize-html… when
// first called: importing this face costs none of them.

/** Fetches every due feed, parses and stores its new and changed articles. */
export const collectFeeds = lazyFunction(
  async () => (await import("./collect-feeds.js")).collectFeeds,
);
/** Parses a fetched feed document (RSS, Atom, JSON Feed). */
export const parseFeed = lazyFunction(
  async () => (await import("./parse/parse-feed.js")).parseFeed,
);

/**
 * A fetcher behind the private-address guard (`collect.allowPrivate` honoured), for anything
 * fetched from a URL that content names. Local paths are read from disk: pass http(s) URLs only.
 */
export async function openFetcher(options: FetcherOptions): Promise<Fetcher> {
  return (await import("./fetch/create-fetcher.js")).createFetcher(options);
}
export type { Fetcher, FetcherOptions } from "./fetch/create-fetcher.js";

/** The feeds of an OPML document, and the outlines left out (no http(s) URL). */
export async function parseOpml(text: string): Promise<OpmlList> {
  return (await import("./parse/opml.js")).parseOpml(text);
}

/** The feeds as an OPML 2.0 document. */
export async function toOpml(title: string, feeds: OpmlFeed[], now: Date): Promise<string> {
  return (await import("./parse/opml.js")).toOpml(title, feeds, now);
}
export type {
  FeedItem,
  FetchHints,
  FetchOptions,
  FetchResult,
  HostResolver,
  ParsedFeed,
} from "./types.js";
