import { CronExpressionParser } from "cron-parser";
import { describe, expect, it } from "vitest";
import { firstFiring } from "../../src/schedule/next-run.js";

// firstFiring keeps the last firing it found per expression and zone, for the instants before it:
// each answer must be cron-parser's own, at every instant, in and out of that window.
function direct(cron: string, timezone: string, after: Date): string {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone })
    .next()
    .toDate()
    .toISOString();
}

describe("firstFiring", () => {
  it.each([
    ["0 9 * * MON", "Europe/Berlin", "2026-03-23T10:00:00.000Z"], // across the change to summer time
    ["*/20 * * * * *", "UTC", "2026-01-01T00:00:00.000Z"], // seconds, firings on the instants asked
    ["30 3 * * *", "America/New_York", "2026-03-07T12:00:00.000Z"], // the night DST starts
  ])("%s in %s is cron-parser's answer at every instant", (cron, timezone, start) => {
    const begin = Date.parse(start);
    const first = Date.parse(direct(cron, timezone, new Date(begin)));
    const span = first - begin;
    const instants = [
      begin,
      begin + 1,
      begin + span / 2,
      first - 1,
      first, // the firing itself: the next one after it
      first + 1,
      first + span * 3,
      begin, // back before the window: found again
    ];
    for (const at of instants) {
      expect(
        firstFiring(cron, timezone, new Date(at)).toISOString(),
        new Date(at).toISOString(),
      ).toBe(direct(cron, timezone, new Date(at)));
    }
  });

  // 02:30 does not exist in New York on 8 March 2026. From the day before, cron-parser fires it at
  // 03:30 EDT (07:30Z); from 03:29 EDT it skips to the 9th. The firing found first stands until it
  // is reached: the config's check and the status line say the same time.
  it("keeps the firing it found first where cron-parser's own answers disagree (a DST gap)", () => {
    const dayBefore = new Date("2026-03-07T12:00:00.000Z");
    expect(firstFiring("30 2 * * *", "America/New_York", dayBefore).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    const justBefore = new Date("2026-03-08T07:29:00.000Z");
    expect(direct("30 2 * * *", "America/New_York", justBefore)).toBe("2026-03-09T06:30:00.000Z");
    expect(firstFiring("30 2 * * *", "America/New_York", justBefore).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("hands out a date of its own, which a caller may change", () => {
    const after = new Date("2026-05-01T00:00:00Z");
    const first = firstFiring("0 9 * * *", "UTC", after);
    first.setTime(0);
    expect(firstFiring("0 9 * * *", "UTC", after).toISOString()).toBe("2026-05-01T09:00:00.000Z");
  });
});
