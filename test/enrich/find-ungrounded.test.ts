import { describe, expect, it } from "vitest";
import { findUngrounded } from "../../src/enrich/llm/find-ungrounded.js";
import { parseRetryAfter } from "../../src/enrich/llm/with-retries.js";

const ARTICLE =
  "Our checkout service talks to PostgreSQL 15.4 through PgBouncer on AWS. Latency fell by 38%, " +
  "saving $40,000 a year across two regions, and Node.js workers now start 3.5x faster.";

describe("findUngrounded", () => {
  it.each([
    ["numbers as the article writes them", "Latency fell by 38% and saved $40,000.", []],
    ["thousands separators and words", "It saved 40000 dollars in 2 regions.", []],
    ["multipliers and versions", "Workers start 3.5x faster on PostgreSQL 15.4.", []],
    ["a number the article lacks", "Latency fell by 45%.", ["45"]],
    ["a company the article never names", "Stripe cut latency with PgBouncer.", ["Stripe"]],
    ["a name opening a sentence", "Northwind moved to AWS.", ["Northwind"]],
    ["a common word opening a sentence", "Saving money mattered. Latency fell.", []],
    ["names in any case", "The team runs pgbouncer and node.js on aws.", []],
    ["an acronym the article lacks", "GCP was not involved.", ["GCP"]],
  ])("%s", (_name, claim, expected) => {
    expect(findUngrounded(claim, ARTICLE)).toEqual(expected);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T09:00:00Z");
  it.each([
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0" }, 0],
    [{ "retry-after-ms": "1500", "retry-after": "9" }, 1500],
    [{ "retry-after": "Mon, 23 Nov 2026 09:00:30 GMT" }, 30_000],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s ms", (headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), now)).toBe(expected);
  });
});
