import type { Clock } from "../shared/clock.js";

/** Counts attempts per key in a sliding window; in memory, so per process. */
export interface RateLimiter {
  /** Records an attempt; false when the key already used up its window. */
  take(key: string): boolean;
}

// The keys one limiter remembers at most (clients, addresses): beyond, the quietest is forgotten,
// so a flood of new keys (IPv6 /64s, made-up addresses) costs bounded memory.
const MAX_KEYS = 100_000;

/** At most `max` attempts per key within `windowMs`, timed by the injected clock. */
export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  clock: Clock;
}): RateLimiter {
  // In the order of each key's latest attempt (a key is moved to the end when it is taken), so
  // the keys gone quiet are at the start: forgetting them stops at the first one still active,
  // instead of scanning every key on every attempt.
  const hits = new Map<string, number[]>();
  const isQuiet = (times: number[], now: number) =>
    now - (times.at(-1) ?? Number.NEGATIVE_INFINITY) >= options.windowMs;
  return {
    take(key) {
      const now = options.clock.now().getTime();
      for (const [known, times] of hits) {
        if (!isQuiet(times, now) && hits.size < MAX_KEYS) break;
        hits.delete(known);
      }
      const recent = (hits.get(key) ?? []).filter((at) => now - at < options.windowMs);
      hits.delete(key);
      hits.set(key, recent);
      if (recent.length >= options.max) return false;
      recent.push(now);
      return true;
    },
  };
}
