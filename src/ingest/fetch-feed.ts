import { GazetteError } from "../shared/errors.js";
import { decodeBody } from "./decode-body.js";
import { readCappedBody, tooLarge } from "./read-capped-body.js";
import { localFeedPath, readFeedFile } from "./read-feed-file.js";
import type { FetchOptions, FetchResult } from "./types.js";

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/**
 * Fetches a feed with a conditional GET, a total deadline (headers and body) and a size cap.
 * A local path or `file:` URL is read from disk instead. Throws FEED_FETCH_FAILED, FEED_TIMEOUT
 * or FEED_TOO_LARGE.
 */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const file = localFeedPath(url);
  if (file !== undefined) return readFeedFile(file, options);
  if (!/^https?:/i.test(url)) {
    throw new GazetteError("FEED_FETCH_FAILED", `cannot fetch ${url}: only http(s) and files`);
  }
  // One signal for the whole exchange: it also aborts a body that stalls after the headers.
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(url, { headers: requestHeaders(options), signal });
    const finalUrl = response.url || url;
    if (response.status === 304) {
      await discard(response);
      return { kind: "not-modified", url: finalUrl, status: 304 };
    }
    if (!response.ok) {
      await discard(response);
      const reason = `${response.status} ${response.statusText}`.trim();
      throw new GazetteError("FEED_FETCH_FAILED", `HTTP ${reason} from ${url}`);
    }
    if (Number(response.headers.get("content-length")) > options.maxBytes) {
      await discard(response);
      throw tooLarge(url, options.maxBytes);
    }
    const bytes = await readCappedBody(response.body, options.maxBytes, url);
    return {
      kind: "ok",
      url: finalUrl,
      status: response.status,
      body: decodeBody(bytes, response.headers.get("content-type") ?? undefined),
      etag: response.headers.get("etag") ?? undefined,
      lastModified: response.headers.get("last-modified") ?? undefined,
    };
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    if (signal.aborted) {
      const seconds = options.timeoutMs / 1000;
      const message = `no complete answer from ${url} within ${seconds} s`;
      throw new GazetteError("FEED_TIMEOUT", message, { cause: error });
    }
    const message = `could not fetch ${url} (${causeCode(error)})`;
    throw new GazetteError("FEED_FETCH_FAILED", message, { cause: error });
  }
}

// Cancelling the body frees the connection; a failure to cancel changes nothing for the caller.
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": options.userAgent, accept: ACCEPT };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  return headers;
}

/** The system error code (ECONNREFUSED, ENOTFOUND…) buried in fetch's "fetch failed" TypeError. */
function causeCode(error: unknown): string {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string") return code;
  }
  const deepest = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return deepest instanceof Error ? deepest.message : String(deepest);
}
