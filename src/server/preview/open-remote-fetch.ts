import { isHttpUrl, openFetcher } from "../../ingest/index.js";
import type { FetchRemote } from "./take-screenshot.js";

/** What the screenshot's remote fetches share with collect: its allow-list and User-Agent. */
export interface RemoteOptions {
  allowPrivate?: readonly string[];
  userAgent: string;
}

// A logo or a font; more is no picture an email needs.
const MAX_BYTES = 5 * 1024 * 1024;
// Inside the 5 s the screenshot waits for the page to load.
const TIMEOUT_MS = 4000;

/**
 * Remote images and fonts for the screenshot through ingest's fetcher: every redirect hop's
 * address checked by the private-address guard, the body capped in size and time.
 */
export async function openRemoteFetch(
  options: RemoteOptions,
): Promise<{ fetchRemote: FetchRemote; close(): Promise<void> }> {
  const fetcher = await openFetcher({ allowPrivate: options.allowPrivate });
  const request = { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, userAgent: options.userAgent };
  return {
    async fetchRemote(url) {
      // The fetcher reads a local path from disk: only http(s) URLs reach it.
      if (!isHttpUrl(url)) return undefined;
      const result = await fetcher.fetch(url, request);
      return result.kind === "ok"
        ? { bytes: result.bytes, contentType: result.contentType }
        : undefined;
    },
    close: () => fetcher.close(),
  };
}
