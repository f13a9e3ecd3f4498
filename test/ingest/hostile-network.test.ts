import type { ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFetcher,
  type Fetcher,
  type FetchRequestOptions,
} from "../../src/ingest/fetch/create-fetcher.js";
import { type FeedServer, type Route, startFeedServer } from "../helpers/feed-server.js";

// The network share of the hostile-input corpus: each feed must end with a clear reason, leave
// the other feeds alone, and never reach the canary (a listener no feed may touch).

const MiB = 1024 * 1024;
const MAX_BYTES = 10 * MiB; // collect.maxBytes' default
const base: FetchRequestOptions = {
  timeoutMs: 3_000,
  idleTimeoutMs: 1_000,
  maxBytes: MAX_BYTES,
  userAgent: "Gazette-test/1.0",
};
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title></channel></rss>`;

/** Streams `total` bytes of XML-ish filler, honouring backpressure; records what it wrote. */
function hugeBody(total: number, sent: { bytes: number; closed?: Promise<void> }): Route {
  return (_request, response) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    sent.closed = new Promise((resolve) => response.once("close", () => resolve()));
    response.writeHead(200, { "content-type": "application/rss+xml" });
    const pump = () => {
      while (!response.destroyed && sent.bytes < total) {
        sent.bytes += chunk.byteLength;
        if (!response.write(chunk)) return void response.once("drain", pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
}

/** Sends one byte every `everyMs` for as long as the client listens. */
function drip(everyMs: number, sent: { bytes: number }): Route {
  return (_request, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    const timer = setInterval(() => {
      sent.bytes++;
      response.write("<");
    }, everyMs);
    response.once("close", () => clearInterval(timer));
  };
}

const compressed = (body: Buffer, encoding: string): Route => ({
  body,
  headers: { "content-type": "application/rss+xml", "content-encoding": encoding },
});

const redirect =
  (location: string): Route =>
  (_request, response) =>
    response.writeHead(301, { location }).end();

describe("hostile feeds on the network", () => {
  let hostile: FeedServer;
  let canary: FeedServer;
  let fetcher: Fetcher;
  const huge = { bytes: 0 } as { bytes: number; closed?: Promise<void> };
  const dripped = { bytes: 0 };
  let host: (path: string) => string;

  beforeAll(async () => {
    canary = await startFeedServer({ "/feed.xml": { body: rss } });
    const canaryPort = new URL(canary.url("/")).port;
    const bomb = Buffer.alloc(64 * MiB, " ");
    const routes: Record<string, Route> = {
      "/good.xml": { body: rss, headers: { "content-type": "application/rss+xml" } },
      "/huge.xml": hugeBody(50 * MiB, huge),
      "/gzip-bomb.xml": compressed(gzipSync(bomb, { level: 9 }), "gzip"),
      "/gzip-gzip-bomb.xml": compressed(gzipSync(gzipSync(bomb, { level: 9 })), "gzip, gzip"),
      "/br-bomb.xml": compressed(
        brotliCompressSync(bomb, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        "br",
      ),
      "/many-codings.xml": compressed(
        Array.from({ length: 2_000 }).reduce<Buffer>(
          (body) => gzipSync(body, { level: 1 }),
          Buffer.from(rss),
        ),
        Array.from({ length: 2_000 }, () => "gzip").join(", "),
      ),
      "/drip.xml": drip(100, dripped),
      "/stall.xml": (_request, response) => {
        response.writeHead(200, { "content-type": "application/rss+xml" });
        response.write("<rss><channel>");
      },
      "/to-canary.xml": redirect(`http://127.0.0.1:${canaryPort}/feed.xml`),
      "/to-canary-by-name.xml": redirect(`http://evil.test:${canaryPort}/feed.xml`),
      "/hop/6": redirect(`http://127.0.0.1:${canaryPort}/feed.xml`),
    };
    for (let hop = 0; hop < 6; hop++) routes[`/hop/${hop}`] = redirect(`/hop/${hop + 1}`);
    hostile = await startFeedServer(routes);
    const port = new URL(hostile.url("/")).port;
    host = (path) => `http://hostile.test:${port}${path}`;
    fetcher = createFetcher({
      // Only the hostile server's name is allowed; 127.0.0.1 itself (the canary) is not.
      allowPrivate: ["hostile.test"],
      resolveHost: async () => [{ address: "127.0.0.1", family: 4 }],
      concurrency: 16,
      perHostConcurrency: 16,
    });
  }, 30_000);

  afterAll(async () => {
    await fetcher?.close();
    await hostile?.close();
    await canary?.close();
  });

  const cases: Array<{
    name: string;
    url: () => string;
    options?: Partial<FetchRequestOptions>;
    code: string;
    message: RegExp;
  }> = [
    {
      name: "a 50 MB body",
      url: () => host("/huge.xml"),
      code: "FEED_TOO_LARGE",
      message: /is over 10485760 bytes$/,
    },
    {
      name: "a gzip bomb (64 MiB from 64 KB)",
      url: () => host("/gzip-bomb.xml"),
      code: "FEED_TOO_LARGE",
      message: /is over 10485760 bytes$/,
    },
    {
      name: "a gzip-in-gzip bomb",
      url: () => host("/gzip-gzip-bomb.xml"),
      code: "FEED_TOO_LARGE",
      message: /is over 10485760 bytes$/,
    },
    {
      name: "a brotli bomb (64 MiB from 102 bytes)",
      url: () => host("/br-bomb.xml"),
      code: "FEED_TOO_LARGE",
      message: /is over 10485760 bytes$/,
    },
    {
      name: "2 000 content codings (a 60 KB answer that took a minute to undo)",
      url: () => host("/many-codings.xml"),
      code: "FEED_FETCH_FAILED",
      message:
        /is sent with 2000 content codings \(Content-Encoding\), more than the 5 Gazette decodes$/,
    },
    {
      name: "a server sending one byte at a time",
      url: () => host("/drip.xml"),
      options: { timeoutMs: 700, idleTimeoutMs: 400 },
      code: "FEED_TIMEOUT",
      message: /^no complete answer from .*\/drip\.xml within 0\.7 s$/,
    },
    {
      name: "a body that stalls after the headers",
      url: () => host("/stall.xml"),
      options: { idleTimeoutMs: 200 },
      code: "FEED_TIMEOUT",
      message: /^no data from .*\/stall\.xml for 0\.2 s/,
    },
    {
      name: "6 redirects",
      url: () => host("/hop/0"),
      code: "FEED_FETCH_FAILED",
      message: /^too many redirects from .*\/hop\/0 \(more than 5\)$/,
    },
    {
      name: "a redirect to 127.0.0.1 without the allow-list",
      url: () => host("/to-canary.xml"),
      code: "FEED_FETCH_FAILED",
      message:
        /^refused http:\/\/127\.0\.0\.1:\d+\/feed\.xml \(a redirect from .*\): 127\.0\.0\.1 is a loopback address/,
    },
    {
      name: "a redirect to a name resolving to 127.0.0.1",
      url: () => host("/to-canary-by-name.xml"),
      code: "FEED_FETCH_FAILED",
      message:
        /^refused http:\/\/evil\.test:\d+\/feed\.xml \(a redirect from .*\): evil\.test resolves to 127\.0\.0\.1/,
    },
    {
      name: "a hostname resolving to a private address",
      url: () => canary.url("/feed.xml").replace("127.0.0.1", "evil.test"),
      code: "FEED_FETCH_FAILED",
      message:
        /^refused http:\/\/evil\.test:\d+\/feed\.xml: evil\.test resolves to 127\.0\.0\.1, a loopback address/,
    },
  ];

  it.each(cases)("$name ends with $code", async ({ url, options, code, message }) => {
    const started = Date.now();
    const error = await fetcher.fetch(url(), { ...base, ...options }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(Date.now() - started).toBeLessThan(base.timeoutMs);
    expect(canary.requests).toHaveLength(0);
  });

  it("stops a 50 MB body near the cap instead of downloading it all", async () => {
    await expect(fetcher.fetch(host("/huge.xml"), base)).rejects.toMatchObject({
      code: "FEED_TOO_LARGE",
    });
    await huge.closed;
    expect(huge.bytes).toBeGreaterThan(MAX_BYTES);
    expect(huge.bytes).toBeLessThan(30 * MiB);
  });

  it("gives up on a drip on the total deadline although no byte was ever late", async () => {
    const before = dripped.bytes;
    await expect(
      fetcher.fetch(host("/drip.xml"), { ...base, timeoutMs: 700, idleTimeoutMs: 400 }),
    ).rejects.toMatchObject({
      code: "FEED_TIMEOUT",
    });
    expect(dripped.bytes - before).toBeGreaterThanOrEqual(4);
  });

  it("fetches the good feed while every hostile one fails at the same time", async () => {
    const good = () => fetcher.fetch(host("/good.xml"), base);
    const hostileRuns = cases.map(({ url, options }) =>
      fetcher.fetch(url(), { ...base, ...options }),
    );
    const [first, second, ...rest] = await Promise.allSettled([good(), good(), ...hostileRuns]);
    expect(first).toMatchObject({
      status: "fulfilled",
      value: { kind: "ok", bytes: Buffer.from(rss) },
    });
    expect(second).toMatchObject({
      status: "fulfilled",
      value: { kind: "ok", bytes: Buffer.from(rss) },
    });
    expect(rest.map((outcome) => outcome.status)).toEqual(cases.map(() => "rejected"));
    expect(rest.map((outcome) => outcome.status === "rejected" && outcome.reason.code)).toEqual(
      cases.map(({ code }) => code),
    );
    expect(canary.requests).toHaveLength(0);
  });
});
