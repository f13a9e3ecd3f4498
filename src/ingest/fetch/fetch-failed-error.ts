import { GazetteError } from "../../shared/errors.js";

/**
 * FEED_FETCH_FAILED for an HTTP answer: carries the status, and on 429/503 the server's
 * Retry-After in seconds, so the caller can wait that long before asking again.
 */
export class FetchFailedError extends GazetteError {
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, details: { status: number; retryAfterSeconds?: number }) {
    super("FEED_FETCH_FAILED", message);
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
