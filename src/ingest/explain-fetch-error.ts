import { GazetteError } from "../shared/errors.js";
import { refused } from "./net/check-feed-url.js";

export interface FailedFetch {
  /** The feed's URL, which every message names. */
  location: string;
  /** The URL being requested when it failed (a redirect hop, or `location`). */
  hop: string;
  /** Which deadline ran out, if one did. */
  expired: "total" | "idle" | undefined;
  timeoutMs: number;
  idleTimeoutMs: number;
}

/**
 * The one GazetteError a failed fetch ends with: our own errors as they are, then a deadline
 * (FEED_TIMEOUT), then a refusal raised inside the connector, then the system error code.
 */
export function explainFetchError(error: unknown, fetch: FailedFetch): GazetteError {
  const { location, hop } = fetch;
  if (error instanceof GazetteError) return error;
  if (fetch.expired === "total") {
    const message = `no complete answer from ${location} within ${fetch.timeoutMs / 1000} s`;
    return new GazetteError("FEED_TIMEOUT", message, { cause: error });
  }
  if (fetch.expired === "idle") {
    const message = `no data from ${location} for ${fetch.idleTimeoutMs / 1000} s`;
    return new GazetteError("FEED_TIMEOUT", message, { cause: error });
  }
  const guard = findGazetteError(error);
  if (guard !== undefined) {
    return refused(hop === location ? hop : `${hop} (a redirect from ${location})`, guard.message);
  }
  const message = `could not fetch ${location} (${causeCode(error)})`;
  return new GazetteError("FEED_FETCH_FAILED", message, { cause: error });
}

/** The guard's refusal, raised inside the connector and wrapped in fetch's "fetch failed". */
function findGazetteError(error: unknown): GazetteError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof GazetteError) return current;
  }
  return undefined;
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
