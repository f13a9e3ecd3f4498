import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** How long a client may take to send a request's headers, and the whole request. */
export interface RequestDeadlines {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

// A form is a few fields and an email service's event at most 1 MiB: a client still sending after
// this long is holding a connection open (Node's defaults, 60 s and 5 min checked every 30 s, let
// a header sent a line a second keep one for 90 s).
const DEADLINES: RequestDeadlines = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/** Serves the app with @hono/node-server on `host:port`. */
export function startServer(
  app: Hono,
  options: { port: number; host: string } & Partial<RequestDeadlines>,
): Promise<RunningServer> {
  const deadlines = { ...DEADLINES, ...options };
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        serverOptions: {
          headersTimeout: deadlines.headersTimeoutMs,
          requestTimeout: deadlines.requestTimeoutMs,
          // The deadlines are checked this often: a late client is closed within a second of it.
          connectionsCheckingInterval: Math.min(1_000, deadlines.headersTimeoutMs),
        },
      },
      (info: AddressInfo) => {
        const host = info.address.includes(":") ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
