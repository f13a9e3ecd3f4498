import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Date.parse reads a date without a zone in the machine's zone, and the machines that run these
// tests are on UTC: the dates are read again in a process on New York's time.
describe("parseFeedDate in another time zone", () => {
  it("reads a date without a zone as UTC, whatever the machine's zone", () => {
    const dates = [
      "Tue, 04 Mar 2025 09:30:00",
      "2025-03-04 09:30:00",
      "March 2025",
      "March 4, 2025",
      "March 4, 2025 9:30 PM",
      "04 Mar 2025 9:30PM",
      "04 Mar 2025 9:30 p.m.",
    ];
    const script = `import { parseFeedDate } from "./src/ingest/normalize/parse-feed-date.ts";
      const now = new Date("2025-03-06T12:00:00Z");
      const dates = ${JSON.stringify(dates)};
      console.log(JSON.stringify(dates.map((date) => parseFeedDate([date], now)?.toISOString())));`;
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      { cwd: ROOT, env: { ...process.env, TZ: "America/New_York" }, encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual([
      "2025-03-04T09:30:00.000Z",
      "2025-03-04T09:30:00.000Z",
      "2025-03-01T00:00:00.000Z",
      "2025-03-04T00:00:00.000Z",
      "2025-03-04T21:30:00.000Z",
      "2025-03-04T21:30:00.000Z",
      "2025-03-04T21:30:00.000Z",
    ]);
  });
});
