import type { FetchOptions, FetchResult } from "../types.js";
import { createFetcher } from "./create-fetcher.js";

/**
 * Fetches one feed: a conditional GET through the private-address guard (every redirect hop
 * checked, at most `maxRedirects`), with a total and an idle deadline and a cap on the decoded
 * body. A local path or `file:` URL is read from disk instead. For many feeds, share one
 * `createFetcher()` so the concurrency limits hold across them. Throws FEED_FETCH_FAILED
 * (a FetchFailedError with `retryAfterSeconds` on 429/503), FEED_TIMEOUT or FEED_TOO_LARGE.
 */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const { allowPrivate, resolveHost, ...request } = options;
  const fetcher = createFetcher({ allowPrivate, resolveHost, concurrency: 1 });
  try {
    return await fetcher.fetch(url, request);
  } finally {
    await fetcher.close();
  }
}
