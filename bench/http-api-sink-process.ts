import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// The bench's stand-in for an email API (Postmark's wire format), in a process of its own so that
// its CPU is not the sender's: accepts every POST /email on 127.0.0.1 and a free port, reads and
// drops the JSON, answers as Postmark does, and counts. Prints `{"port":N}` when listening;
// answers "count" on IPC with the number accepted.

let accepted = 0;
const server = createServer((request, response) => {
  request.on("data", () => {});
  request.on("end", () => {
    accepted += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      `{"To":"x","SubmittedAt":"${new Date().toISOString()}","MessageID":"${randomUUID()}","ErrorCode":0,"Message":"OK"}`,
    );
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

process.on("message", (message) => {
  if (message === "count") process.send?.({ accepted });
  if (message === "reset") accepted = 0;
});
process.on("disconnect", () => server.close(() => process.exit(0)));
