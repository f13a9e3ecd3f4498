import { GazetteError } from "../../shared/errors.js";

/** A failed request that may succeed later (429, 5xx, a network error or a timeout). */
export class RetryableError extends Error {
  override readonly name = "RetryableError";
  constructor(
    message: string,
    /** What the server asked for (Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** Tests pass a recording sleep; nothing waits in real time there. */
  sleep: (ms: number) => Promise<void>;
  /** First backoff; doubled on each retry. */
  baseDelayMs?: number;
  /** A server asking for a longer wait than this is not waited for: the attempt fails. */
  maxDelayMs?: number;
}

/** Runs `attempt`, retrying RetryableErrors with exponential backoff or the server's Retry-After. */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const base = options.baseDelayMs ?? 1_000;
  const cap = options.maxDelayMs ?? 60_000;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      const delay = error.retryAfterMs ?? base * 2 ** retry;
      const tries = `${retry + 1} ${retry === 0 ? "attempt" : "attempts"}`;
      if (retry >= options.retries) {
        throw new GazetteError("SUMMARIZE_FAILED", `${error.message} (gave up after ${tries})`);
      }
      if (delay > cap) {
        throw new GazetteError(
          "SUMMARIZE_FAILED",
          `${error.message} (the server asked to wait ${Math.ceil(delay / 1000)} s)`,
        );
      }
      await options.sleep(delay);
    }
  }
}

/** Milliseconds from `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.has("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
