// The ingest stage's face: collectFeeds (fetch → parse → normalize → store, in that order) and its
// report, the parse pool the context owns, and the data-in/data-out parsers (feed text, OPML).
// The fetch/, parse/ and normalize/ steps are internal; tests may reach them directly.
export { type CollectOptions, type CollectReport, collectFeeds } from "./collect-feeds.js";
export { type ParsePool, parsePoolFor } from "./parse/create-parse-pool.js";
export { decodeBody, documentText } from "./parse/decode-body.js";
export { parseOpml, toOpml } from "./parse/opml.js";
export { type ParseOptions, parseFeed } from "./parse/parse-feed.js";
export type {
  FeedItem,
  FetchHints,
  FetchOptions,
  FetchResult,
  HostResolver,
  ParsedFeed,
} from "./types.js";
