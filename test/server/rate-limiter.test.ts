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
  // without end, and past 10,000 active keys every attempt scanned all of them.
  it("remembers 100,000 keys at most, forgetting the one quiet for longest", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createRateLimiter({ max: 1, windowMs: HOUR, clock });
    for (let i = 0; i < 100_000; i++) {
      limiter.take(`client-${i}`);
      if (i % 1000 === 999) clock.advance(1);
    }
    expect(limiter.take("one more")).toBe(true);
    expect(limiter.take("client-0")).toBe(true);
    expect(limiter.take("client-5000")).toBe(false);
  });
});
