import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// The bench's SMTP sink, in a process of its own so that its CPU is not the sender's: accepts
// every message on 127.0.0.1 and a free port, reads and drops the bytes, and counts.
// Prints `{"port":N}` on stdout when listening; answers "count" on IPC with the number accepted.

let accepted = 0;
const server = new SMTPServer({
  logger: false,
  disableReverseLookup: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  closeTimeout: 1,
  maxClients: 1_000,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      accepted += 1;
      callback(null);
    });
  },
});

// A client that goes away mid-message (a sender killed) is its own business, not the sink's end.
server.on("error", () => {});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

process.on("message", (message) => {
  if (message === "count") process.send?.({ accepted });
  if (message === "reset") accepted = 0;
});
process.on("disconnect", () => server.close(() => process.exit(0)));
