import type { Clock } from "../shared/clock.js";

/** Counts attempts per key in a sliding window; in memory, so per process. */
export interface RateLimiter {
  /** Records an attempt; false when the key already used up its window. */
  take(key: string): boolean;
  /**
   * Records one attempt under each key at once (each with its own max), or under none when any
   * of them already used up its window: a client counted under its address and its networks.
   */
  takeAll(keys: readonly Quota[]): boolean;
  /** True when any of the keys used up its window; records nothing. */
  isSpent(keys: readonly Quota[]): boolean;
}

/** A key and the attempts it may make per window. */
export interface Quota {
  key: string;
  max: number;
}

// The keys one limiter remembers at most (clients, networks, addresses), so a flood of new keys
// costs bounded memory. Only a key whose window has run out is forgotten: when every remembered
// key is still counting, a new key is refused until one runs out. Forgetting active keys instead
// let 100,000 made-up keys reset everyone's limit. (Filling the bound from many IPv6 networks is
// made dear by the client's quotas: see client-quotas.ts.)
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
  const isSpent = (quotas: readonly Quota[]): boolean => {
    const now = options.clock.now().getTime();
    return quotas.some(
      ({ key, max }) =>
        (hits.get(key) ?? []).filter((at) => now - at < options.windowMs).length >= max,
    );
  };
  const takeAll = (quotas: readonly Quota[]): boolean => {
    const now = options.clock.now().getTime();
    for (const [known, times] of hits) {
      if (!hasRunOut(times, now)) break;
      hits.delete(known);
    }
    const recents = quotas.map(({ key }) =>
      (hits.get(key) ?? []).filter((at) => now - at < options.windowMs),
    );
    const newKeys = quotas.filter(({ key }) => !hits.has(key)).length;
    const isOver = quotas.some(({ max }, i) => (recents[i]?.length ?? 0) >= max);
    if (isOver || hits.size + newKeys > MAX_KEYS) {
      quotas.forEach(({ key }, i) => {
        if (hits.has(key)) hits.set(key, recents[i] ?? []);
      });
      return false;
    }
    quotas.forEach(({ key }, i) => {
      const recent = recents[i] ?? [];
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
    });
    return true;
  };
  return { take: (key) => takeAll([{ key, max: options.max }]), takeAll, isSpent };
}
