import type { RateLimit, RateLimiter, RateTurn } from "./rate-limiter.js";

/** Reserves the next send slot of a limit shared with other senders; resolves with its time (ms). */
export type ReserveSlot = (intervalMs: number, nowMs: number) => Promise<number>;

/** The spacing the tightest of the rates asks for, in milliseconds. */
export function intervalOf(rate: RateLimit): number {
  return Math.max(
    rate.perSecond ? 1_000 / rate.perSecond : 0,
    rate.perMinute ? 60_000 / rate.perMinute : 0,
    rate.perHour ? 3_600_000 / rate.perHour : 0,
  );
}

/**
 * A limiter whose slots come from a reservation shared by every worker (the store's
 * `send_pacing` row), so the rate holds across processes and machines. Each acquire reserves one
 * slot and waits for it; a slot left unused is lost, never handed out twice — the rate can only
 * come out lower, not higher.
 */
export function createSharedRateLimiter(
  rate: RateLimit,
  reserve: ReserveSlot,
  clock: { now(): Date },
  sleep: (ms: number) => Promise<void>,
): RateLimiter {
  const intervalMs = intervalOf(rate);
  return {
    intervalMs,
    async acquire(): Promise<RateTurn> {
      const slot = await reserve(intervalMs, clock.now().getTime());
      for (;;) {
        const wait = slot - clock.now().getTime();
        if (wait <= 0) break;
        await sleep(Math.ceil(wait));
      }
      return { release() {} };
    },
  };
}
