/** How a fetch ended, and what the server said about asking again. */
export interface FetchTiming {
  outcome: "fetched" | "unchanged" | "failed" | "gone";
  /** Consecutive failures including this one (0 after a success). */
  consecutiveErrors: number;
  maxAgeSeconds?: number;
  retryAfterSeconds?: number;
  now: Date;
}

const FIRST_BACKOFF_MS = 15 * 60_000;
// A weekly newsletter must still try every feed at least daily, whatever a header claims.
const CEILING_MS = 24 * 3_600_000;

/**
 * When a feed may be fetched again: never after 410 Gone (null); after a failure, exponential
 * backoff (15 min, 30 min, 1 h … 24 h) or the server's Retry-After if that is later; after a
 * success, when Cache-Control max-age (or Retry-After) runs out, else at once. Every wait is
 * capped at 24 h.
 */
export function nextFetchAt(timing: FetchTiming): Date | null {
  if (timing.outcome === "gone") return null;
  const retryAfterMs = (timing.retryAfterSeconds ?? 0) * 1000;
  let waitMs: number;
  if (timing.outcome === "failed") {
    const exponent = Math.max(0, timing.consecutiveErrors - 1);
    // 2^exponent overflows nothing: the exponent is capped well before Infinity matters.
    const backoffMs = FIRST_BACKOFF_MS * 2 ** Math.min(exponent, 20);
    waitMs = Math.max(backoffMs, retryAfterMs);
  } else {
    waitMs = Math.max((timing.maxAgeSeconds ?? 0) * 1000, retryAfterMs);
  }
  return new Date(timing.now.getTime() + Math.min(waitMs, CEILING_MS));
}
