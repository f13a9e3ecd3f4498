import type { Clock } from "../shared/clock.js";

/** Counts attempts per key in a sliding window; in memory, so per process. */
export interface RateLimiter {
  /** Records an attempt; false when the key already used up its window. */
  take(key: string): boolean;
}

/** At most `max` attempts per key within `windowMs`, timed by the injected clock. */
export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  clock: Clock;
}): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const now = options.clock.now().getTime();
      const recent = (hits.get(key) ?? []).filter((at) => now - at < options.windowMs);
      // Old keys are dropped as they go quiet, so the map holds only the active window.
      if (hits.size > 10_000) {
        for (const [known, times] of hits)
          if (times.every((at) => now - at >= options.windowMs)) hits.delete(known);
      }
      if (recent.length >= options.max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      return true;
    },
  };
}
