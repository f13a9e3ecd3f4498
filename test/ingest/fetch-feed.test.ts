import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fetchFeed } from "../../src/ingest/fetch/fetch-feed.js";
import { documentText } from "../../src/ingest/parse/decode-body.js";
import type { Route } from "../helpers/feed-server.js";
import { feedServers, fetchOptions, TINY_RSS } from "./fetch-helpers.js";
import { feedFixturePath } from "./fixtures.js";

const options = fetchOptions(["127.0.0.1"]);
const rss = TINY_RSS;
const serve = feedServers();

/** Writes `chunk` for as long as the client keeps reading: a body with no end. */
const endless =
  (headers: Record<string, string> = {}): Route =>
  (_request, response) => {
    const chunk = Buffer.alloc(16_384, "a");
    response.writeHead(200, { "content-type": "application/rss+xml", ...headers });
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) {}
      if (!response.destroyed) response.once("drain", pump);
    };
    pump();
  };

describe("fetchFeed over HTTP", () => {
  it("returns the body with its validators and sends our headers", async () => {
    const headers = { etag: '"v1"', "last-modified": "Wed, 05 Mar 2025 10:00:00 GMT" };
    const feeds = await serve({ "/feed.xml": { body: rss, headers } });
    const result = await fetchFeed(feeds.url("/feed.xml"), options);
    expect(result).toEqual({
      kind: "ok",
      url: feeds.url("/feed.xml"),
      status: 200,
      bytes: Buffer.from(rss),
      contentType: undefined,
      etag: '"v1"',
      lastModified: "Wed, 05 Mar 2025 10:00:00 GMT",
    });
    expect(documentText(result as { bytes: Uint8Array })).toBe(rss);
    expect(feeds.requests[0]?.headers["user-agent"]).toBe("Gazette-test/1.0");
    expect(feeds.requests[0]?.headers["if-none-match"]).toBeUndefined();
  });

  it("round-trips the ETag into a 304", async () => {
    const feeds = await serve({ "/feed.xml": { body: rss, headers: { etag: '"v1"' } } });
    const first = await fetchFeed(feeds.url("/feed.xml"), options);
    const etag = first.kind === "ok" ? first.etag : undefined;
    const second = await fetchFeed(feeds.url("/feed.xml"), { ...options, etag });
    expect(second).toEqual({ kind: "not-modified", url: feeds.url("/feed.xml"), status: 304 });
    expect(feeds.requests[1]?.headers["if-none-match"]).toBe('"v1"');
  });

  it("fetches the body again once the feed has changed", async () => {
    const feeds = await serve({ "/feed.xml": { body: rss, headers: { etag: '"v1"' } } });
    feeds.route("/feed.xml", {
      body: rss.replace("<title>T", "<title>T2"),
      headers: { etag: '"v2"' },
    });
    const result = await fetchFeed(feeds.url("/feed.xml"), { ...options, etag: '"v1"' });
    expect(result).toMatchObject({ kind: "ok", etag: '"v2"' });
    expect(result.kind === "ok" && documentText(result)).toContain("<title>T2</title>");
  });

  it("round-trips Last-Modified into a 304", async () => {
    const lastModified = "Wed, 05 Mar 2025 10:00:00 GMT";
    const feeds = await serve({
      "/feed.xml": { body: rss, headers: { "last-modified": lastModified } },
    });
    const result = await fetchFeed(feeds.url("/feed.xml"), { ...options, lastModified });
    expect(result.kind).toBe("not-modified");
    expect(feeds.requests[0]?.headers["if-modified-since"]).toBe(lastModified);
  });

  it("follows redirects and reports the final URL", async () => {
    const feeds = await serve({
      "/old.xml": (_request, response) => response.writeHead(301, { location: "/new.xml" }).end(),
      "/new.xml": { body: rss },
    });
    const result = await fetchFeed(feeds.url("/old.xml"), options);
    expect(result).toMatchObject({
      kind: "ok",
      url: feeds.url("/new.xml"),
      bytes: Buffer.from(rss),
    });
  });

  it("decodes the body with the charset of the Content-Type", async () => {
    const body = iconv.encode("<rss><title>Ünïcödé — “ok”</title></rss>", "windows-1252");
    const feeds = await serve({
      "/legacy.xml": { body, headers: { "content-type": "text/xml; charset=windows-1252" } },
      "/fixture.xml": { file: feedFixturePath("windows-1252.xml") },
    });
    const legacy = await fetchFeed(feeds.url("/legacy.xml"), options);
    const fixture = await fetchFeed(feeds.url("/fixture.xml"), options);
    expect(legacy.kind === "ok" && documentText(legacy)).toBe(
      "<rss><title>Ünïcödé — “ok”</title></rss>",
    );
    expect(fixture.kind === "ok" && documentText(fixture)).toContain(
      "Grüße aus München — “café” notes",
    );
  });

  it.each([
    [500, "Internal Server Error"],
    [404, "Not Found"],
    [403, "Forbidden"],
  ])("fails on HTTP %i naming the status and the URL", async (status, text) => {
    const feeds = await serve({ "/feed.xml": { status, body: "nope" } });
    const url = feeds.url("/feed.xml");
    await expect(fetchFeed(url, options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `HTTP ${status} ${text} from ${url}`,
    });
  });

  it("fails with the system error code when nothing listens", async () => {
    const feeds = await serve({});
    const url = feeds.url("/feed.xml");
    await feeds.close();
    await expect(fetchFeed(url, options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `could not fetch ${url} (ECONNREFUSED)`,
    });
  });

  it("refuses schemes other than http(s) and files", async () => {
    await expect(fetchFeed("ftp://example.com/feed.xml", options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
    });
  });
});

describe("fetchFeed limits", () => {
  it("stops reading a streamed body once it passes maxBytes", async () => {
    const feeds = await serve({ "/huge.xml": endless() });
    const url = feeds.url("/huge.xml");
    await expect(fetchFeed(url, { ...options, maxBytes: 50_000 })).rejects.toMatchObject({
      code: "FEED_TOO_LARGE",
      message: `feed ${url} is over 50000 bytes`,
    });
  });

  it("rejects a Content-Length over the cap before reading the body", async () => {
    // The body never comes: only the early check can answer before the deadline.
    const feeds = await serve({
      "/big.xml": (_request, response) => {
        response.writeHead(200, { "content-length": "10000000" });
        response.write("<rss>");
      },
    });
    await expect(fetchFeed(feeds.url("/big.xml"), options)).rejects.toMatchObject({
      code: "FEED_TOO_LARGE",
    });
  });

  it("counts decompressed bytes, so a small gzip bomb is caught", async () => {
    const body = gzipSync(Buffer.alloc(2_000_000, " "));
    expect(body.byteLength).toBeLessThan(options.maxBytes);
    const feeds = await serve({ "/bomb.xml": { body, headers: { "content-encoding": "gzip" } } });
    await expect(fetchFeed(feeds.url("/bomb.xml"), options)).rejects.toMatchObject({
      code: "FEED_TOO_LARGE",
    });
  });

  it("asks for compressed bodies and decodes gzip, deflate, brotli and stacked codings", async () => {
    const codings: Array<[string, Buffer]> = [
      ["gzip", gzipSync(rss)],
      ["x-gzip", gzipSync(rss)],
      ["deflate", deflateSync(rss)],
      ["br", brotliCompressSync(rss)],
      // Applied in the order listed: gzip first, then brotli around it.
      ["gzip, br", brotliCompressSync(gzipSync(rss))],
      ["identity", Buffer.from(rss)],
    ];
    const feeds = await serve(
      Object.fromEntries(
        codings.map(([coding, body], i) => [
          `/${i}.xml`,
          { body, headers: { "content-encoding": coding } },
        ]),
      ),
    );
    for (const [i, [coding]] of codings.entries()) {
      const result = await fetchFeed(feeds.url(`/${i}.xml`), options);
      expect(result.kind === "ok" && documentText(result), coding).toBe(rss);
    }
    expect(feeds.requests[0]?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("names a content coding it cannot decode", async () => {
    const feeds = await serve({
      "/z.xml": { body: "??", headers: { "content-encoding": "compress" } },
    });
    const url = feeds.url("/z.xml");
    await expect(fetchFeed(url, options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `feed ${url} is sent with Content-Encoding "compress", which Gazette cannot decode`,
    });
  });

  it("times out on a server that never answers", async () => {
    const feeds = await serve({ "/silent.xml": () => {} });
    const url = feeds.url("/silent.xml");
    await expect(fetchFeed(url, { ...options, timeoutMs: 200 })).rejects.toMatchObject({
      code: "FEED_TIMEOUT",
      message: `no complete answer from ${url} within 0.2 s`,
    });
  });

  it("times out on a body that stalls after the headers", async () => {
    const feeds = await serve({
      "/stall.xml": (_request, response) => {
        response.writeHead(200, { "content-type": "application/rss+xml" });
        response.write("<rss><channel>");
      },
    });
    await expect(
      fetchFeed(feeds.url("/stall.xml"), { ...options, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: "FEED_TIMEOUT",
    });
  });
});
