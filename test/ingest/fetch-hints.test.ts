import { describe, expect, it } from "vitest";
import { FetchFailedError } from "../../src/ingest/fetch/fetch-failed-error.js";
import { fetchFeed } from "../../src/ingest/fetch/fetch-feed.js";
import { readFetchHints } from "../../src/ingest/fetch/read-fetch-hints.js";
import type { Route } from "../helpers/feed-server.js";
import { feedServers, fetchOptions, TINY_RSS } from "./fetch-helpers.js";

const options = fetchOptions(["127.0.0.1"]);
const rss = TINY_RSS;
const serve = feedServers();

const redirect =
  (status: number, location: string): Route =>
  (_request, response) =>
    response.writeHead(status, { location }).end();

describe("what the server says about when to ask again", () => {
  it("reports Cache-Control max-age on a fetched and on a not-modified feed", async () => {
    const headers = { etag: '"v1"', "cache-control": "public, max-age=3600" };
    const feeds = await serve({ "/feed.xml": { body: rss, headers } });
    const fetched = await fetchFeed(feeds.url("/feed.xml"), options);
    const unchanged = await fetchFeed(feeds.url("/feed.xml"), { ...options, etag: '"v1"' });
    expect(fetched).toMatchObject({ kind: "ok", maxAgeSeconds: 3600 });
    expect(unchanged).toMatchObject({ kind: "not-modified", maxAgeSeconds: 3600 });
  });

  it("retires a feed on 410 Gone instead of failing", async () => {
    const feeds = await serve({ "/feed.xml": { status: 410, body: "gone" } });
    const url = feeds.url("/feed.xml");
    expect(await fetchFeed(url, options)).toEqual({ kind: "gone", url, status: 410 });
  });

  it.each([
    [429, "Too Many Requests", "120", 120],
    [503, "Service Unavailable", "Wed, 05 Mar 2025 10:05:00 GMT", 300],
    [500, "Internal Server Error", "120", undefined],
  ])(
    "on HTTP %i carries Retry-After %j as %j seconds",
    async (status, text, retryAfter, seconds) => {
      const headers = { "retry-after": retryAfter, date: "Wed, 05 Mar 2025 10:00:00 GMT" };
      const feeds = await serve({ "/feed.xml": { status, body: "busy", headers } });
      const url = feeds.url("/feed.xml");
      const error = await fetchFeed(url, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchFailedError);
      const wait = seconds === undefined ? "" : ` (retry after ${seconds} s)`;
      expect(error).toMatchObject({
        code: "FEED_FETCH_FAILED",
        status,
        retryAfterSeconds: seconds,
        message: `HTTP ${status} ${text} from ${url}${wait}`,
      });
    },
  );
});

describe("redirects", () => {
  it("reports the new URL to store when every hop was permanent (301, 308)", async () => {
    const feeds = await serve({
      "/a.xml": redirect(301, "/b.xml"),
      "/b.xml": redirect(308, "/c.xml"),
      "/c.xml": { body: rss },
    });
    const result = await fetchFeed(feeds.url("/a.xml"), options);
    expect(result).toMatchObject({
      kind: "ok",
      url: feeds.url("/c.xml"),
      movedPermanentlyTo: feeds.url("/c.xml"),
    });
  });

  it.each([302, 303, 307])("keeps the stored URL when one hop was a %i", async (status) => {
    const feeds = await serve({
      "/a.xml": redirect(301, "/b.xml"),
      "/b.xml": redirect(status, "/c.xml"),
      "/c.xml": { body: rss },
    });
    const result = await fetchFeed(feeds.url("/a.xml"), options);
    expect(result).toMatchObject({ kind: "ok", url: feeds.url("/c.xml") });
    expect(result.movedPermanentlyTo).toBeUndefined();
  });

  it("follows exactly maxRedirects hops and no more", async () => {
    const routes: Record<string, Route> = { "/5.xml": { body: rss } };
    for (let hop = 0; hop < 5; hop++) routes[`/${hop}.xml`] = redirect(301, `/${hop + 1}.xml`);
    const feeds = await serve(routes);
    const five = await fetchFeed(feeds.url("/0.xml"), options);
    expect(five).toMatchObject({ kind: "ok", url: feeds.url("/5.xml") });
    await expect(fetchFeed(feeds.url("/0.xml"), { ...options, maxRedirects: 4 })).rejects.toThrow(
      `too many redirects from ${feeds.url("/0.xml")} (more than 4)`,
    );
  });

  it("fails on a redirect without a Location", async () => {
    const feeds = await serve({ "/a.xml": { status: 302, body: "" } });
    await expect(fetchFeed(feeds.url("/a.xml"), options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      status: 302,
    });
  });
});

describe("readFetchHints", () => {
  const date = "Wed, 05 Mar 2025 10:00:00 GMT";
  const now = Date.parse("2025-03-05T12:00:00Z");
  it.each([
    [{ "cache-control": "max-age=600" }, { maxAgeSeconds: 600 }],
    [{ "cache-control": 'no-transform, MAX-AGE="60"' }, { maxAgeSeconds: 60 }],
    [{ "cache-control": "s-maxage=600" }, {}],
    [
      { "cache-control": "max-age=60", expires: "Wed, 05 Mar 2025 11:00:00 GMT", date },
      { maxAgeSeconds: 60 },
    ],
    [{ expires: "Wed, 05 Mar 2025 11:00:00 GMT", date }, { maxAgeSeconds: 3600 }],
    [{ expires: "Wed, 05 Mar 2025 13:00:00 GMT" }, { maxAgeSeconds: 3600 }],
    [{ expires: "0" }, { maxAgeSeconds: 0 }],
    [{ "retry-after": "90" }, { retryAfterSeconds: 90 }],
    [{ "retry-after": "Wed, 05 Mar 2025 10:01:30 GMT", date }, { retryAfterSeconds: 90 }],
    [{ "retry-after": "Wed, 05 Mar 2025 09:00:00 GMT", date }, { retryAfterSeconds: 0 }],
    [{ "retry-after": "soon" }, {}],
    [{ "retry-after": "-5" }, {}],
  ])("%j → %j", (headers: Record<string, string>, expected) => {
    expect(readFetchHints(new Headers(headers), now)).toEqual(expected);
  });
});
