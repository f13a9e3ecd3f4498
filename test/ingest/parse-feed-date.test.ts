import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../src/ingest/normalize/parse-feed-date.js";

const now = new Date("2025-03-06T12:00:00Z");

describe("parseFeedDate", () => {
  it.each([
    ["RFC 822 with GMT", "Tue, 04 Mar 2025 09:30:00 GMT", "2025-03-04T09:30:00.000Z"],
    ["RFC 822 with an offset", "Tue, 04 Mar 2025 09:30:00 +0100", "2025-03-04T08:30:00.000Z"],
    ["RFC 822 with a US zone name", "Tue, 04 Mar 2025 09:30:00 PST", "2025-03-04T17:30:00.000Z"],
    [
      "RFC 822 without a zone, read as UTC",
      "Tue, 04 Mar 2025 09:30:00",
      "2025-03-04T09:30:00.000Z",
    ],
    ["RFC 822 without a time", "04 Mar 2025", "2025-03-04T00:00:00.000Z"],
    ["ISO 8601 with Z", "2025-03-04T09:30:00Z", "2025-03-04T09:30:00.000Z"],
    ["ISO 8601 with an offset", "2025-03-04T09:30:00-05:00", "2025-03-04T14:30:00.000Z"],
    ["ISO 8601 without a zone, read as UTC", "2025-03-04 09:30:00", "2025-03-04T09:30:00.000Z"],
    ["a date alone", "2025-03-04", "2025-03-04T00:00:00.000Z"],
    ["less than a day ahead", "2025-03-07T11:00:00Z", "2025-03-07T11:00:00.000Z"],
    // Zone names RFC 822 does not know, which Date.parse refused (the date was lost).
    [
      "RFC 822 with a European zone name",
      "Tue, 04 Mar 2025 09:30:00 CET",
      "2025-03-04T08:30:00.000Z",
    ],
    ["RFC 822 with CEST", "Sun, 01 Sep 2024 09:30:00 CEST", "2024-09-01T07:30:00.000Z"],
    ["RFC 822 with India's IST", "Tue, 04 Mar 2025 09:30:00 IST", "2025-03-04T04:00:00.000Z"],
    ["RFC 822 with JST", "Tue, 04 Mar 2025 09:30:00 JST", "2025-03-04T00:30:00.000Z"],
    ["RFC 822 with AEDT", "Tue, 04 Mar 2025 09:30:00 AEDT", "2025-03-03T22:30:00.000Z"],
    [
      "RFC 822 with an unknown zone name, as UTC",
      "Tue, 04 Mar 2025 09:30:00 XYZT",
      "2025-03-04T09:30:00.000Z",
    ],
    ["a time of day with PM", "March 4, 2025 9:30 PM", "2025-03-04T21:30:00.000Z"],
    [
      "ISO 8601 with a space before the offset",
      "2025-03-04T09:30:00 +01:00",
      "2025-03-04T08:30:00.000Z",
    ],
  ])("reads %s", (_case, input, expected) => {
    expect(parseFeedDate([input], now)?.toISOString()).toBe(expected);
  });

  it.each([
    ["garbage", "sometime last week"],
    ["more than a day ahead", "2025-03-07T12:00:01Z"],
    ["the epoch placeholder", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["a date before 1995", "1994-12-31T23:59:59Z"],
    ["an empty string", "   "],
  ])("rejects %s", (_case, input) => {
    expect(parseFeedDate([input], now)).toBeUndefined();
  });

  it("takes the first plausible candidate", () => {
    const date = parseFeedDate([undefined, "0001-01-01T00:00:00Z", "2025-03-01T00:00:00Z"], now);
    expect(date?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
  });
});
