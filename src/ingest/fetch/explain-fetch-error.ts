import { GazetteError } from "../../shared/errors.js";
import { refused } from "./net/check-feed-url.js";
import { AddressRefused } from "./net/guarded-connector.js";

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
 * The one GazetteError a failed fetch ends with: a refusal raised inside the connector, then our
 * own errors as they are, then a deadline (FEED_TIMEOUT), then the system error code.
 */
export function explainFetchError(error: unknown, fetch: FailedFetch): GazetteError {
  const { location, hop } = fetch;
  const guard = findRefusal(error);
  if (guard !== undefined) {
    return refused(hop === location ? hop : `${hop} (a redirect from ${location})`, guard.message);
  }
  if (error instanceof GazetteError) return error;
  if (fetch.expired === "total") {
    const message = `no complete answer from ${location} within ${fetch.timeoutMs / 1000} s`;
    return new GazetteError("FEED_TIMEOUT", message, { cause: error });
  }
  if (fetch.expired === "idle") {
    const message = `no data from ${location} for ${fetch.idleTimeoutMs / 1000} s`;
    return new GazetteError("FEED_TIMEOUT", message, { cause: error });
  }
  const message = `could not fetch ${location} (${causeCode(error)})`;
  return new GazetteError("FEED_FETCH_FAILED", message, { cause: error });
}

/** The guard's refusal, raised inside the connector, perhaps wrapped by the HTTP client. */
function findRefusal(error: unknown): AddressRefused | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof AddressRefused) return current;
  }
  return undefined;
}

/** The system error code (ECONNREFUSED, ENOTFOUND…), perhaps wrapped by the HTTP client. */
function causeCode(error: unknown): string {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string") return code;
  }
  const deepest = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return deepest instanceof Error ? deepest.message : String(deepest);
}
