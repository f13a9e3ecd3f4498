import { describe, expect, it } from "vitest";
import { createFetcher } from "../../src/ingest/fetch/create-fetcher.js";
import { fetchFeed } from "../../src/ingest/fetch/fetch-feed.js";
import { parseAllowList } from "../../src/ingest/fetch/net/allow-list.js";
import { createGuardedConnector } from "../../src/ingest/fetch/net/guarded-connector.js";
import type { HostResolver } from "../../src/ingest/index.js";
import type { FeedServer, Route } from "../helpers/feed-server.js";
import { feedServers, fetchOptions, TINY_RSS } from "./fetch-helpers.js";

const options = fetchOptions();
const rss = TINY_RSS;
const serve = feedServers();

/** A resolver from a table, offline: the way to make a name point at a loopback server. */
function resolver(table: Record<string, string | string[]>): HostResolver {
  return async (hostname) => {
    const entry = table[hostname];
    if (entry === undefined)
      throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return [entry].flat().map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

/** `server`'s URL for `path` under another host name (same port). */
function named(server: FeedServer, host: string, path: string): string {
  const url = new URL(server.url(path));
  url.hostname = host;
  return url.href;
}

describe("the private-address guard", () => {
  it("refuses a loopback server unless the allow-list names it, and never connects", async () => {
    const feeds = await serve({ "/feed.xml": { body: rss } });
    const url = feeds.url("/feed.xml");
    await expect(fetchFeed(url, options)).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `refused ${url}: 127.0.0.1 is a loopback address (add it to collect.allowPrivate to fetch internal feeds)`,
    });
    expect(feeds.requests).toHaveLength(0);
    const allowed = await fetchFeed(url, { ...options, allowPrivate: ["127.0.0.0/8"] });
    expect(allowed).toMatchObject({ kind: "ok", bytes: Buffer.from(rss) });
  });

  it("refuses a host name that resolves to a private address", async () => {
    const canary = await serve({});
    const url = named(canary, "evil.test", "/feed.xml");
    const resolveHost = resolver({ "evil.test": "127.0.0.1" });
    await expect(fetchFeed(url, { ...options, resolveHost })).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: `refused ${url}: evil.test resolves to 127.0.0.1, a loopback address (add it to collect.allowPrivate to fetch internal feeds)`,
    });
    expect(canary.requests).toHaveLength(0);
  });

  it("refuses the system resolver's localhost too", async () => {
    const canary = await serve({});
    const url = named(canary, "localhost", "/feed.xml");
    await expect(fetchFeed(url, options)).rejects.toThrow(/refused .*localhost resolves to/);
    expect(canary.requests).toHaveLength(0);
  });

  it("refuses a host when ANY of its addresses is private", async () => {
    const canary = await serve({});
    const url = named(canary, "mixed.test", "/feed.xml");
    const resolveHost = resolver({ "mixed.test": ["127.0.0.1", "127.0.0.2"] });
    const fetching = fetchFeed(url, { ...options, resolveHost, allowPrivate: ["127.0.0.1"] });
    await expect(fetching).rejects.toThrow("mixed.test resolves to 127.0.0.2, a loopback address");
    expect(canary.requests).toHaveLength(0);
  });

  it("lets a listed host name resolve to a private address, and connects where it resolved", async () => {
    const feeds = await serve({ "/feed.xml": { body: rss } });
    const url = named(feeds, "feeds.internal", "/feed.xml");
    const resolveHost = resolver({ "feeds.internal": "127.0.0.1" });
    const result = await fetchFeed(url, {
      ...options,
      resolveHost,
      allowPrivate: ["feeds.internal"],
    });
    expect(result).toMatchObject({ kind: "ok", url, bytes: Buffer.from(rss) });
    expect(feeds.requests[0]?.headers.host).toBe(new URL(url).host);
  });

  it("connects to the address it checked: a name that rebinds to a canary never reaches it", async () => {
    const feeds = await serve({ "/feed.xml": { body: rss } });
    const port = new URL(feeds.url("/")).port;
    // The canary listens on the same port of 127.0.0.2, so only the address decides.
    const canary = await serve(
      { "/feed.xml": { body: "canary" } },
      { host: "127.0.0.2", port: Number(port) },
    );
    expect(canary.url("/feed.xml")).toBe(`http://127.0.0.2:${port}/feed.xml`);
    let lookups = 0;
    const resolveHost: HostResolver = async () => {
      lookups++;
      return [{ address: lookups === 1 ? "127.0.0.1" : "127.0.0.2", family: 4 }];
    };
    const url = `http://rebind.test:${port}/feed.xml`;
    const rebound = { ...options, resolveHost, allowPrivate: ["127.0.0.1"] };
    expect(await fetchFeed(url, rebound)).toMatchObject({ kind: "ok", bytes: Buffer.from(rss) });
    expect(lookups).toBe(1);
    // A new connection resolves again, and the new answer is checked before connecting.
    await expect(fetchFeed(url, rebound)).rejects.toThrow("rebind.test resolves to 127.0.0.2");
    expect(lookups).toBe(2);
    expect(feeds.requests).toHaveLength(1);
    expect(canary.requests).toHaveLength(0);
  });

  it.each([
    ["a literal loopback address", (port: string) => `http://127.0.0.1:${port}/feed.xml`],
    ["a decimal IPv4", (port: string) => `http://2130706433:${port}/feed.xml`],
    ["an IPv4-mapped IPv6", (port: string) => `http://[::ffff:127.0.0.1]:${port}/feed.xml`],
    ["a name for loopback", (port: string) => `http://localhost:${port}/feed.xml`],
  ])("checks every redirect hop: %s is refused", async (_kind, target) => {
    const canary = await serve({ "/feed.xml": { body: "canary" } });
    const location = target(new URL(canary.url("/")).port);
    const feeds = await serve({
      "/feed.xml": (_request, response) => response.writeHead(302, { location }).end(),
    });
    const url = named(feeds, "feeds.internal", "/feed.xml");
    const resolveHost = resolver({ "feeds.internal": "127.0.0.1", localhost: "127.0.0.1" });
    const fetching = fetchFeed(url, { ...options, resolveHost, allowPrivate: ["feeds.internal"] });
    await expect(fetching).rejects.toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: expect.stringMatching(
        /^refused .* \(a redirect from http:\/\/feeds\.internal:\d+\/feed\.xml\): /,
      ),
    });
    expect(feeds.requests).toHaveLength(1);
    expect(canary.requests).toHaveLength(0);
  });

  it.each([
    ["file:///etc/passwd", "not file:"],
    ["http://user:pw@feeds.internal/x.xml", "URLs with credentials are refused"],
  ])("refuses a redirect to %s", async (location, reason) => {
    const feeds = await serve({
      "/feed.xml": (_request, response) => response.writeHead(301, { location }).end(),
    });
    const fetching = fetchFeed(feeds.url("/feed.xml"), { ...options, allowPrivate: ["127.0.0.1"] });
    await expect(fetching).rejects.toThrow(reason);
  });

  it("reports a malformed allow-list entry as a config error", async () => {
    await expect(
      fetchFeed("http://example.com/feed.xml", { ...options, allowPrivate: ["10.0.0.0/99"] }),
    ).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });
});

describe("concurrency", () => {
  /** Answers after a short server-side delay and records how many requests were open at once. */
  function slowFeeds() {
    const seen = { open: 0, max: 0, sockets: 0 };
    const route: Route = (_request, response) => {
      seen.max = Math.max(seen.max, ++seen.open);
      setTimeout(() => {
        seen.open--;
        response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
      }, 30);
    };
    return { seen, route };
  }

  it("keeps at most perHostConcurrency requests and sockets open to one host", async () => {
    const { seen, route } = slowFeeds();
    const feeds = await serve({ "/feed.xml": route });
    const fetcher = createFetcher({
      allowPrivate: ["127.0.0.1"],
      concurrency: 8,
      perHostConcurrency: 2,
    });
    try {
      const urls = Array.from({ length: 12 }, (_, i) => feeds.url(`/feed.xml?n=${i}`));
      const results = await Promise.all(urls.map((url) => fetcher.fetch(url, options)));
      expect(results.every((result) => result.kind === "ok")).toBe(true);
      expect(seen.max).toBe(2);
      expect(feeds.requests).toHaveLength(12);
    } finally {
      await fetcher.close();
    }
  });

  it("keeps at most `concurrency` requests open over all hosts", async () => {
    const { seen, route } = slowFeeds();
    const feeds = await serve({ "/feed.xml": route });
    const names = ["a.test", "b.test", "c.test", "d.test", "e.test", "f.test"];
    const resolveHost = resolver(Object.fromEntries(names.map((name) => [name, "127.0.0.1"])));
    const fetcher = createFetcher({ allowPrivate: ["127.0.0.1"], resolveHost, concurrency: 3 });
    try {
      const urls = names.flatMap((name) => [
        named(feeds, name, "/feed.xml"),
        named(feeds, name, "/feed.xml?2"),
      ]);
      const results = await Promise.all(urls.map((url) => fetcher.fetch(url, options)));
      expect(results.map((result) => result.kind)).toEqual(urls.map(() => "ok"));
      expect(seen.max).toBe(3);
    } finally {
      await fetcher.close();
    }
  });
});

describe("the guarded connector (defence in depth below the URL check)", () => {
  const connectTo = (hostname: string, allow: string[] = []) =>
    new Promise<Error | null>((resolve) => {
      const resolveHost = resolver({ "evil.test": "10.0.0.1" });
      const connect = createGuardedConnector(parseAllowList(allow), resolveHost);
      connect(
        { hostname, host: `${hostname}:9`, protocol: "http:", port: "9" },
        (error, socket) => {
          socket?.destroy();
          resolve(error);
        },
      );
    });

  it.each([
    ["127.0.0.1", "127.0.0.1 is a loopback address"],
    ["[::1]", "::1 is a loopback address"],
    ["::ffff:7f00:1", "::ffff:7f00:1 is a loopback address"],
    ["169.254.169.254", "169.254.169.254 is a cloud metadata address"],
    ["evil.test", "evil.test resolves to 10.0.0.1, a private address"],
  ])("refuses to open a socket to %s", async (hostname, reason) => {
    const error = await connectTo(hostname);
    expect(error).toMatchObject({
      code: "FEED_FETCH_FAILED",
      message: expect.stringContaining(reason),
    });
  });

  it("opens a socket to an allowed address", async () => {
    const feeds = await serve({});
    const port = new URL(feeds.url("/")).port;
    const error = await new Promise<Error | null>((resolve) => {
      const connect = createGuardedConnector(parseAllowList(["127.0.0.1"]));
      connect(
        { hostname: "127.0.0.1", host: `127.0.0.1:${port}`, protocol: "http:", port },
        (e, socket) => {
          socket?.destroy();
          resolve(e);
        },
      );
    });
    expect(error).toBeNull();
  });
});
