import { describe, expect, it } from "vitest";
import { createClientLimiter } from "../../src/server/client-limiter.js";
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

describe("the per-client limit of signups and link requests", () => {
  const v6 = (n: number) => `2001:db8:${(n >> 16).toString(16)}:${(n & 0xffff).toString(16)}::1`;

  it("counts an IPv4 address as it is, also IPv4-mapped, and an IPv6 address by its /64", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createClientLimiter({ max: 2, windowMs: HOUR, clock });
    expect([limiter.take("192.0.2.7"), limiter.take("::ffff:192.0.2.7")]).toEqual([true, true]);
    expect(limiter.take("192.0.2.7")).toBe(false);
    expect(limiter.take("192.0.2.8")).toBe(true);
    expect([limiter.take("2001:db8:1:2::1"), limiter.take("2001:db8:1:2:ffff::9")]).toEqual([
      true,
      true,
    ]);
    expect(limiter.take("2001:db8:1:2::77")).toBe(false);
    expect(limiter.take("2001:db8:1:3::1")).toBe(true);
  });

  // One /48 (a tunnel broker gives one away) holds 65,536 /64s: two of them filled the 100,000
  // keys, and every new client was refused for the hour.
  it("cannot be filled from a few IPv6 networks: a /48 and a /32 have quotas of their own", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createClientLimiter({ max: 5, windowMs: HOUR, clock });
    let accepted = 0;
    for (let n = 0; n < 131_072; n++) if (limiter.take(v6(n))) accepted++;
    // 2001:db8:0::/48 and 2001:db8:1::/48: 16 × 5 attempts each, from as many /64s.
    expect(accepted).toBe(160);
    // A client elsewhere, IPv6 or IPv4, is still counted.
    expect(limiter.take("2a01:4f8:1:2::1")).toBe(true);
    expect(limiter.take("198.51.100.1")).toBe(true);
    // Another /64 of the attacker's /48 waits; so does one in the /32 once the /32 is used up.
    expect(limiter.take("2001:db8:0:ffff::1")).toBe(false);
    let more = 0;
    for (let site = 2; site < 64; site++)
      for (let n = 0; n < 100; n++)
        if (limiter.take(`2001:db8:${site.toString(16)}:${n.toString(16)}::1`)) more++;
    expect(160 + more).toBe(256 * 5);
    expect(limiter.take("2001:db8:ff::1")).toBe(false);
    expect(limiter.take("2001:db9:1:1::1")).toBe(true);
    clock.advance(HOUR);
    expect(limiter.take(v6(1))).toBe(true);
  });

  it("refuses an attempt under none of its keys: a refused /64 keeps its quota", () => {
    const clock = fixedClock("2026-05-01T10:00:00Z");
    const limiter = createClientLimiter({ max: 1, windowMs: HOUR, clock });
    for (let n = 0; n < 16; n++) expect(limiter.take(`2001:db8:7:${n.toString(16)}::1`)).toBe(true);
    // The /48 used up its 16: a new /64 in it is refused, and not counted under its own key.
    expect(limiter.take("2001:db8:7:99::1")).toBe(false);
    clock.advance(HOUR);
    expect(limiter.take("2001:db8:7:99::1")).toBe(true);
  });
});
