import { translateDateNames } from "./translate-date-names.js";

const DAY_MS = 24 * 60 * 60 * 1000;
// Nothing on an engineering blog predates the web feeds; earlier dates are placeholders (1970, 0001).
const EARLIEST = Date.UTC(1995, 0, 1);

/**
 * The first of `candidates` that is a plausible publication date: parseable, from 1995 on and
 * not more than a day after `now`. Undefined when none is.
 */
export function parseFeedDate(candidates: ReadonlyArray<unknown>, now: Date): Date | undefined {
  const latest = now.getTime() + DAY_MS;
  for (const candidate of candidates) {
    if (typeof candidate !== "string" || candidate.trim() === "") continue;
    const time = parseDateTime(candidate.trim());
    if (time !== undefined && time >= EARLIEST && time <= latest) return new Date(time);
  }
  return undefined;
}

/**
 * Milliseconds since the epoch of an RFC 822 date (its names in English or another language a CMS
 * writes), an ISO 8601 date (extended or basic) or a Unix timestamp; a missing zone means UTC.
 */
function parseDateTime(text: string): number | undefined {
  const timestamp = unixTime(text);
  if (timestamp !== undefined) return timestamp;
  const translated = translateDateNames(isoExtended(text));
  if (translated === undefined) return undefined;
  const time = Date.parse(assumeUtc(withZoneOffset(translated)));
  return Number.isNaN(time) ? undefined : time;
}

/**
 * A Unix timestamp written as a date ("1672740000", in milliseconds "1672740000000"): a whole
 * string of 9 or 10 digits is seconds, of 11 to 13 milliseconds. Either way a year before 1995
 * or in the future is refused by parseFeedDate, so a stray count or id is no date.
 */
function unixTime(text: string): number | undefined {
  if (!/^\d{9,13}$/.test(text)) return undefined;
  const count = Number(text);
  return text.length <= 10 ? count * 1000 : count;
}

// ISO 8601's basic format ("20230103T100000Z", "20230103T1000+0100", "20230103"), which
// Date.parse does not read, in the extended format it does ("2023-01-03T10:00:00Z").
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoExtended(text: string): string {
  const basic = text.match(ISO_BASIC);
  if (!basic) return text;
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone = ""] = basic;
  const date = `${year}-${month}-${day}`;
  return hour === undefined ? date : `${date}T${hour}:${minute}:${second}${fraction}${zone}`;
}

// The zone names Date.parse knows (RFC 822's); any other name makes it give up on the whole date.
const KNOWN_ZONES = new Set([
  "UT",
  "UTC",
  "GMT",
  "Z",
  "EST",
  "EDT",
  "CST",
  "CDT",
  "MST",
  "MDT",
  "PST",
  "PDT",
]);

// Zone names feeds write that RFC 822 does not know, as offsets. IST is India's (+0530), as on
// the news sites that write it, not Ireland's.
const ZONE_OFFSETS: Record<string, string> = {
  WET: "+0000",
  WEST: "+0100",
  BST: "+0100",
  CET: "+0100",
  MET: "+0100",
  WAT: "+0100",
  CEST: "+0200",
  MEST: "+0200",
  EET: "+0200",
  CAT: "+0200",
  SAST: "+0200",
  EEST: "+0300",
  MSK: "+0300",
  EAT: "+0300",
  IST: "+0530",
  ICT: "+0700",
  WIB: "+0700",
  HKT: "+0800",
  SGT: "+0800",
  AWST: "+0800",
  PHT: "+0800",
  JST: "+0900",
  KST: "+0900",
  ACST: "+0930",
  AEST: "+1000",
  ACDT: "+1030",
  AEDT: "+1100",
  NZST: "+1200",
  NZDT: "+1300",
  HST: "-1000",
  AKST: "-0900",
  AKDT: "-0800",
  ADT: "-0300",
  AST: "-0400",
  NST: "-0330",
  NDT: "-0230",
  BRT: "-0300",
  ART: "-0300",
};

/**
 * An RFC 822 date whose zone Date.parse does not know ("… 10:00:00 CET") with the zone as an
 * offset; an unknown name counts as UTC: a date off by some hours beats none, which would make
 * an old post new. An ISO 8601 offset after a space ("…T10:00:00 +01:00") is joined to the time.
 */
function withZoneOffset(text: string): string {
  const named = text.match(/^(.*\d:\d{2}(?::\d{2})?)\s*([A-Za-z]{2,5})$/);
  if (named?.[1] !== undefined && named[2] !== undefined) {
    const zone = named[2].toUpperCase();
    // "10:00 PM" is a time of day, not a zone.
    if (KNOWN_ZONES.has(zone) || zone === "AM" || zone === "PM") return text;
    return `${named[1]} ${ZONE_OFFSETS[zone] ?? "+0000"}`;
  }
  return text.replace(
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+([+-]\d{2}:?\d{2})$/,
    "$1$2",
  );
}

// Date.parse reads a zone-less date-time in the machine's local zone: pin it to UTC instead, so
// the result does not depend on where Gazette runs.
function assumeUtc(text: string): string {
  const iso = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/);
  if (iso) return `${iso[1]}T${iso[2]}Z`;
  // A time of day with AM or PM ("9:30PM", "9:30 p.m.") as Date.parse reads it: "9:30 PM".
  const rfc822 = text.match(
    /^((?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*([AaPp])\.?[Mm]\.?)?)?$/,
  );
  if (!rfc822) return text;
  const [, date, time = "00:00:00", half] = rfc822;
  return `${date} ${time}${half ? ` ${half.toUpperCase()}M` : ""} GMT`;
}
