import { describe, expect, it } from "vitest";
import { type FetchTiming, nextFetchAt } from "../../src/ingest/fetch/next-fetch-at.js";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("nextFetchAt", () => {
  it.each<[string, Omit<FetchTiming, "now">, number | null]>([
    ["a plain success: due at once", { outcome: "fetched", consecutiveErrors: 0 }, 0],
    ["304 without hints: due at once", { outcome: "unchanged", consecutiveErrors: 0 }, 0],
    ["max-age=600", { outcome: "fetched", consecutiveErrors: 0, maxAgeSeconds: 600 }, 10 * MIN],
    ["304 with max-age", { outcome: "unchanged", consecutiveErrors: 0, maxAgeSeconds: 60 }, MIN],
    [
      "max-age of a year is capped",
      { outcome: "fetched", consecutiveErrors: 0, maxAgeSeconds: 31_536_000 },
      24 * HOUR,
    ],
    [
      "Retry-After on a success",
      { outcome: "fetched", consecutiveErrors: 0, retryAfterSeconds: 120 },
      2 * MIN,
    ],
    ["first failure: 15 min", { outcome: "failed", consecutiveErrors: 1 }, 15 * MIN],
    ["second failure: 30 min", { outcome: "failed", consecutiveErrors: 2 }, 30 * MIN],
    ["fourth failure: 2 h", { outcome: "failed", consecutiveErrors: 4 }, 2 * HOUR],
    ["many failures: capped at 24 h", { outcome: "failed", consecutiveErrors: 40 }, 24 * HOUR],
    [
      "Retry-After longer than the backoff wins",
      { outcome: "failed", consecutiveErrors: 1, retryAfterSeconds: 3600 },
      HOUR,
    ],
    [
      "Retry-After shorter than the backoff loses",
      { outcome: "failed", consecutiveErrors: 3, retryAfterSeconds: 10 },
      HOUR,
    ],
    [
      "Retry-After of a week is capped",
      { outcome: "failed", consecutiveErrors: 1, retryAfterSeconds: 604_800 },
      24 * HOUR,
    ],
    ["410 Gone: never", { outcome: "gone", consecutiveErrors: 0 }, null],
  ])("%s", (_name, timing, waitMs) => {
    const at = nextFetchAt({ ...timing, now: NOW });
    expect(at === null ? null : at.getTime() - NOW.getTime()).toBe(waitMs);
  });
});
