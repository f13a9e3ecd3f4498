import type { Clock } from "../shared/clock.js";

/** Counts attempts per key in a sliding window; in memory, so per process. */
export interface RateLimiter {
  /** Records an attempt; false when the key already used up its window. */
  take(key: string): boolean;
}

// The keys one limiter remembers at most (clients, addresses), so a flood of new keys (IPv6 /64s,
// made-up addresses) costs bounded memory. Only a key whose window has run out is forgotten: when
// every remembered key is still counting, a new key is refused until one runs out. Forgetting
// active keys instead let 100,000 made-up keys reset everyone's limit.
const MAX_KEYS = 100_000;

/** At most `max` attempts per key within `windowMs`, timed by the injected clock. */
export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  clock: Clock;
}): RateLimiter {
  // In the order of each key's latest counted attempt (a key moves to the end when an attempt is
  // counted, not when one is refused), so the keys whose windows ran out are at the start:
  // forgetting them stops at the first one still counting, instead of scanning every key.
  const hits = new Map<string, number[]>();
  const hasRunOut = (times: number[], now: number) =>
    now - (times.at(-1) ?? Number.NEGATIVE_INFINITY) >= options.windowMs;
  return {
    take(key) {
      const now = options.clock.now().getTime();
      for (const [known, times] of hits) {
        if (!hasRunOut(times, now)) break;
        hits.delete(known);
      }
      const known = hits.get(key);
      if (known === undefined && hits.size >= MAX_KEYS) return false;
      const recent = (known ?? []).filter((at) => now - at < options.windowMs);
      if (recent.length >= options.max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      return true;
    },
  };
}
