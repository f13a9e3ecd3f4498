export { canonicalUrl } from "./canonical-url.js";
export {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type FetchRequestOptions,
} from "./create-fetcher.js";
export { decodeBody, documentText } from "./decode-body.js";
export { FetchFailedError } from "./fetch-failed-error.js";
export { fetchFeed } from "./fetch-feed.js";
export { type ParseOptions, parseFeed } from "./parse-feed.js";
export type {
  FeedItem,
  FetchHints,
  FetchOptions,
  FetchResult,
  HostResolver,
  ParsedFeed,
} from "./types.js";
