export { canonicalUrl } from "./canonical-url.js";
export { decodeBody } from "./decode-body.js";
export { fetchFeed } from "./fetch-feed.js";
export { type ParseOptions, parseFeed } from "./parse-feed.js";
export type { FeedItem, FetchOptions, FetchResult, ParsedFeed } from "./types.js";
