import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A canned answer. An `etag` or `last-modified` header makes the route answer conditional GETs. */
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  /** The body; a string is sent as UTF-8. */
  body?: string | Uint8Array;
  /** A file to send as the body, read when the server starts (e.g. a fixture). */
  file?: string;
}

/** Full control, for stalls, streams and redirects: write (or never write) the answer yourself. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type Route = StaticRoute | RouteHandler;

export interface FeedServer {
  /** Absolute URL of `path` on this server, e.g. `url("/a.xml")`. */
  url(path: string): string;
  /** Adds or replaces a route while the server runs. */
  route(path: string, route: Route): void;
  /** Every request received so far, oldest first. */
  readonly requests: ReadonlyArray<{
    method: string;
    path: string;
    headers: IncomingMessage["headers"];
  }>;
  /** Stops the server and cuts open connections (stalled responses included); safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (or another loopback `host`, e.g. 127.0.0.2 for a canary)
 * and a free port (or `port`), answering the given routes (matched on the path with its query, then without)
 * and 404 for anything else.
 *
 * @example
 * const server = await startFeedServer({
 *   "/a.xml": { body: xml, headers: { "content-type": "application/rss+xml", etag: '"v1"' } },
 *   "/fixture.xml": { file: "test/fixtures/feeds/rss2-full.xml" },
 *   "/slow.xml": (_request, response) => response.writeHead(200), // headers, then nothing
 * });
 * await fetchFeed(server.url("/a.xml"), options);
 * await server.close();
 */
export async function startFeedServer(
  routes: Record<string, Route> = {},
  { host = "127.0.0.1", port: wanted = 0 }: { host?: string; port?: number } = {},
): Promise<FeedServer> {
  const table = new Map<string, Route>();
  const requests: Array<FeedServer["requests"][number]> = [];
  const route = (path: string, value: Route) => table.set(path, loadFile(value));
  for (const [path, value] of Object.entries(routes)) route(path, value);

  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ method: request.method ?? "GET", path, headers: request.headers });
    const match = table.get(path) ?? table.get(path.split("?")[0] ?? path);
    if (match === undefined) return void response.writeHead(404).end("not found");
    if (typeof match === "function") return match(request, response);
    answer(match, request, response);
  });
  await new Promise<void>((resolve) => server.listen(wanted, host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => new URL(path, `http://${host}:${port}`).href,
    route,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function loadFile(route: Route): Route {
  if (typeof route === "function" || route.file === undefined) return route;
  return { ...route, body: readFileSync(route.file) };
}

function answer(route: StaticRoute, request: IncomingMessage, response: ServerResponse): void {
  const headers = route.headers ?? {};
  const etag = header(headers, "etag");
  const lastModified = header(headers, "last-modified");
  // RFC 9110 §13.2.2: If-None-Match, when sent, decides alone.
  const ifNoneMatch = request.headers["if-none-match"];
  const isUnchanged =
    ifNoneMatch !== undefined
      ? etag !== undefined && ifNoneMatch === etag
      : lastModified !== undefined && request.headers["if-modified-since"] === lastModified;
  if (isUnchanged) return void response.writeHead(304, headers).end();
  response.writeHead(route.status ?? 200, headers).end(route.body ?? "");
}

function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
