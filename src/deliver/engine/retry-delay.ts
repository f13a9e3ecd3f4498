/** How transient failures are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first one included; the last failure settles the row as `failed`. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// ±20 %: enough to spread a thousand rows that failed in the same second over a minute.
const JITTER = 0.2;

/**
 * The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, then jittered by
 * `random()` (0 ≤ r < 1) so the rows that failed together are not all retried together.
 */
export function retryDelay(attempts: number, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (1 - JITTER + 2 * JITTER * random()));
}
