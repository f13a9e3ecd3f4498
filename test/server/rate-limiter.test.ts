import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/server/rate-limiter.js";
import { fixedClock } from "../../src/shared/clock.js";

const HOUR = 3_600_000;

describe("the server's rate limiter", () => {
  it("allows max attempts per key in a sliding window", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createRateLimiter({ max: 2, windowMs: HOUR, clock });
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([true, true, false]);
    expect(limiter.take("b")).toBe(true);
    clock.advance(HOUR / 2);
    expect(limiter.take("a")).toBe(false);
    clock.advance(HOUR / 2);
    // The first two attempts have left the window.
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([true, true, false]);
  });

  // A flood of new keys (IPv6 /64s, made-up addresses for the per-address limits) grew the map
  // without end; then, past 100,000 keys, the quietest key was forgotten even while its window
  // still counted, so cycling through 100,000 made-up keys reset every client's limit.
  it("remembers 100,000 keys at most, forgetting only those whose window ran out", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createRateLimiter({ max: 1, windowMs: HOUR, clock });
    expect(limiter.take("victim")).toBe(true);
    for (let i = 1; i < 100_000; i++) {
      limiter.take(`made-up-${i}`);
      if (i % 1000 === 999) clock.advance(1);
    }
    // Full, and every window still counting: a new key waits, an old key keeps its count.
    expect(limiter.take("one more")).toBe(false);
    expect(limiter.take("victim")).toBe(false);
    expect(limiter.take("made-up-5000")).toBe(false);
    // Once the first windows have run out, their keys are forgotten and new keys counted again.
    clock.advance(HOUR - 50);
    expect(limiter.take("victim")).toBe(true);
    expect(limiter.take("one more")).toBe(true);
    expect(limiter.take("made-up-99999")).toBe(false);
  });

  it("keeps counting a refused key's window from its counted attempts", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createRateLimiter({ max: 1, windowMs: HOUR, clock });
    expect(limiter.take("a")).toBe(true);
    clock.advance(HOUR - 1);
    expect(limiter.take("a")).toBe(false);
    clock.advance(1);
    expect(limiter.take("a")).toBe(true);
  });
});
