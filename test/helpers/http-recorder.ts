import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the recorder answers: a status with headers and body, or nothing at all (a stall). */
export type RecordedAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  | "stall";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRecorder {
  url(path: string): string;
  readonly requests: RecordedRequest[];
  /** Answers the next requests with these, in order; after them, `fallback`. */
  answer(...answers: RecordedAnswer[]): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 and a free port that records every request with its body and
 * answers from a queue (default 200 `{}`): a stand-in for a webhook receiver or an email API.
 */
export async function startHttpRecorder(
  fallback: RecordedAnswer | ((request: RecordedRequest) => RecordedAnswer) = {
    status: 200,
    body: "{}",
  },
): Promise<HttpRecorder> {
  const requests: RecordedRequest[] = [];
  const queue: RecordedAnswer[] = [];
  const stalled: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const answer =
        queue.shift() ?? (typeof fallback === "function" ? fallback(request) : fallback);
      if (answer === "stall") {
        stalled.push(res);
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    answer: (...answers) => {
      queue.push(...answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
