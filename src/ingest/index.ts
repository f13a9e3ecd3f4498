export {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
  type FetchRequestOptions,
} from "./fetch/create-fetcher.js";
export { FetchFailedError } from "./fetch/fetch-failed-error.js";
export { fetchFeed } from "./fetch/fetch-feed.js";
export { canonicalUrl } from "./normalize/canonical-url.js";
export { decodeBody, documentText } from "./parse/decode-body.js";
export { type ParseOptions, parseFeed } from "./parse/parse-feed.js";
export type {
  FeedItem,
  FetchHints,
  FetchOptions,
  FetchResult,
  HostResolver,
  ParsedFeed,
} from "./types.js";
