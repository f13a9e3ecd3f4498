import { afterEach } from "vitest";
import type { FetchOptions } from "../../src/ingest/index.js";
import { type FeedServer, type Route, startFeedServer } from "../helpers/feed-server.js";

/** Fetch options for tests; the guard refuses the loopback test server unless `allowPrivate`. */
export const fetchOptions = (allowPrivate?: string[]): FetchOptions => ({
  timeoutMs: 5_000,
  maxBytes: 100_000,
  userAgent: "Gazette-test/1.0",
  ...(allowPrivate ? { allowPrivate } : {}),
});

/** The smallest RSS document: a channel and its title. */
export const TINY_RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`;

/**
 * A `serve(routes)` for a test file: each call starts a feed server on port 0, and every server
 * is closed after each test. Call it once, at the top level of the file.
 */
export function feedServers(): (
  routes: Record<string, Route>,
  listen?: { host?: string; port?: number },
) => Promise<FeedServer> {
  const servers: FeedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (routes, listen = {}) => {
    const server = await startFeedServer(routes, listen);
    servers.push(server);
    return server;
  };
}
