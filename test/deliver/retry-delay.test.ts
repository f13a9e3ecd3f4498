import { describe, expect, it } from "vitest";
import { retryDelay } from "../../src/deliver/engine/retry-delay.js";

const policy = { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

describe("retryDelay", () => {
  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [8, 0.5, 3_600_000],
    [1, 0, 24_000],
    [1, 0.999_999, 36_000],
    [20, 0, 2_880_000],
  ])("after attempt %i with random %d waits %i ms", (attempts, random, expected) => {
    expect(retryDelay(attempts, policy, () => random)).toBe(expected);
  });
});
