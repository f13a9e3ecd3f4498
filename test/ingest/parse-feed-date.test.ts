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

  // ISO 8601's basic format, which Date.parse refused (the date was lost).
  it.each([
    ["20230103T100000Z", "2023-01-03T10:00:00.000Z"],
    ["20230103T1000Z", "2023-01-03T10:00:00.000Z"],
    ["20230103", "2023-01-03T00:00:00.000Z"],
    ["20230103T100000+0100", "2023-01-03T09:00:00.000Z"],
    ["20230103T1000-05:30", "2023-01-03T15:30:00.000Z"],
    ["20230103T100000.250Z", "2023-01-03T10:00:00.250Z"],
    ["20230103T100000", "2023-01-03T10:00:00.000Z"],
  ])("reads the basic ISO 8601 date %s", (input, expected) => {
    expect(parseFeedDate([input], now)?.toISOString()).toBe(expected);
  });

  // Names a locale's strftime or a CMS writes. Date.parse lost most; the others it read by luck
  // (it skips words it does not know and takes the first three letters of "Januar").
  it.each([
    ["German", "Di, 03 Jan 2023 10:00:00 +0100", "2023-01-03T09:00:00.000Z"],
    ["German", "Mi, 15 Mär 2023 10:00:00 +0100", "2023-03-15T09:00:00.000Z"],
    ["German", "Fr, 13 Okt 2023 10:00:00 +0200", "2023-10-13T08:00:00.000Z"],
    ["German", "Mo, 04 Dez 2023 10:00:00 CET", "2023-12-04T09:00:00.000Z"],
    ["German", "3. Januar 2023", "2023-01-03T00:00:00.000Z"],
    ["German", "Dienstag, 3. Oktober 2023 um 10:00", "2023-10-03T10:00:00.000Z"],
    ["French", "mar., 03 janv. 2023 10:00:00 +0100", "2023-01-03T09:00:00.000Z"],
    ["French", "jeu., 02 févr. 2023 10:00:00 +0100", "2023-02-02T09:00:00.000Z"],
    ["French", "Vendredi, 13 Mars, 2020 - 12:22", "2020-03-13T12:22:00.000Z"],
    ["French", "1er août 2023", "2023-08-01T00:00:00.000Z"],
    ["Spanish", "03 ene 2023", "2023-01-03T00:00:00.000Z"],
    ["Spanish", "sáb, 09 dic 2023 18:30:00 +0100", "2023-12-09T17:30:00.000Z"],
    ["Spanish", "3 de enero de 2023", "2023-01-03T00:00:00.000Z"],
    ["Dutch", "3 mei 2023", "2023-05-03T00:00:00.000Z"],
    ["Dutch", "wo, 08 mrt 2023 10:00:00 +0100", "2023-03-08T09:00:00.000Z"],
    ["Italian", "gio, 05 ott 2023 09:00:00 +0200", "2023-10-05T07:00:00.000Z"],
    ["Italian", "lun, 15 mag 2023 09:00:00 +0200", "2023-05-15T07:00:00.000Z"],
    ["Portuguese (UOL)", "Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40.000Z"],
    ["Portuguese", "qui, 07 out 2021 10:00:00 -0300", "2021-10-07T13:00:00.000Z"],
    ["Portuguese", "segunda-feira, 3 de abril de 2023 às 19:42", "2023-04-03T19:42:00.000Z"],
    // The US order, which Date.parse refused with a dash or "at" before the time.
    ["English (Drupal)", "Monday, March 3, 2025 - 10:00", "2025-03-03T10:00:00.000Z"],
    ["English", "Mar 3rd, 2025 at 10:00", "2025-03-03T10:00:00.000Z"],
    ["English", "Wed, Jan 4, 2023", "2023-01-04T00:00:00.000Z"],
  ])("reads a date in %s: %s", (_language, input, expected) => {
    expect(parseFeedDate([input], now)?.toISOString()).toBe(expected);
  });

  // A month without a day is its first: Date.parse read a name it did not know as no month and
  // gave 1 January ("Mär 2023"), or read the name in the machine's zone ("March 2023").
  it.each([
    ["English", "March 2023", "2023-03-01T00:00:00.000Z"],
    ["English", "Oct. 2023", "2023-10-01T00:00:00.000Z"],
    ["German", "Mär 2023", "2023-03-01T00:00:00.000Z"],
    ["German", "Dezember 2023", "2023-12-01T00:00:00.000Z"],
    ["French", "févr. 2023", "2023-02-01T00:00:00.000Z"],
    ["Spanish", "septiembre, 2023", "2023-09-01T00:00:00.000Z"],
    ["Dutch", "maart 2023", "2023-03-01T00:00:00.000Z"],
    ["Italian", "giugno 2023", "2023-06-01T00:00:00.000Z"],
    ["Portuguese", "março de 2023", "2023-03-01T00:00:00.000Z"],
  ])("reads a month and year in %s as its first day: %s", (_language, input, expected) => {
    expect(parseFeedDate([input], now)?.toISOString()).toBe(expected);
  });

  it.each([
    ["seconds", "1672740000", "2023-01-03T10:00:00.000Z"],
    ["milliseconds", "1672740000000", "2023-01-03T10:00:00.000Z"],
    ["milliseconds in 12 digits", "946684800000", "2000-01-01T00:00:00.000Z"],
  ])("reads a Unix timestamp in %s", (_unit, input, expected) => {
    expect(parseFeedDate([input], now)?.toISOString()).toBe(expected);
  });

  it.each([
    ["garbage", "sometime last week"],
    ["more than a day ahead", "2025-03-07T12:00:01Z"],
    ["the epoch placeholder", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["a date before 1995", "1994-12-31T23:59:59Z"],
    ["an empty string", "   "],
    ["eight digits that are no date", "12345678"],
    ["a basic ISO date with month 13", "20231301"],
    ["a basic ISO date cut short", "2023010"],
    ["a time of 25 hours", "20230103T2500Z"],
    ["seconds before 1995", "123456789"],
    ["seconds in the year 2286", "9999999999"],
    ["milliseconds before 1995 (11 digits)", "99999999999"],
    ["14 digits", "16727400000000"],
    ["a timestamp with a fraction", "1672740000.5"],
    ["a signed timestamp", "+1672740000"],
    ["a timestamp ahead of now", "1741356000"],
    ["a month no language names", "03 Foo 2023"],
    ["a known month without a year", "3 März"],
    ["a word that is no month before a year", "Spring 2023"],
  ])("rejects %s", (_case, input) => {
    expect(parseFeedDate([input], now)).toBeUndefined();
  });

  it("takes the first plausible candidate", () => {
    const date = parseFeedDate([undefined, "0001-01-01T00:00:00Z", "2025-03-01T00:00:00Z"], now);
    expect(date?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
  });
});
