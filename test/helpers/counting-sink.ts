import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** An SMTP sink for large sends: keeps no bytes, only how often each recipient got a message. */
export interface CountingSink {
  url: string;
  /** Messages accepted, per recipient address (lowercase). */
  perRecipient: Map<string, number>;
  /** When each message was accepted (Date.now()), in order. */
  times: number[];
  total(): number;
  /** Resolves once `count` messages have been accepted. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a counting sink on 127.0.0.1 and a free port. */
export async function startCountingSink(): Promise<CountingSink> {
  const perRecipient = new Map<string, number>();
  const times: number[] = [];
  const arrivals = new EventEmitter();
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    closeTimeout: 1,
    maxClients: 1_000,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const to of session.envelope.rcptTo) {
          const address = to.address.toLowerCase();
          perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
        }
        times.push(Date.now());
        arrivals.emit("message");
        callback(null);
      });
    },
  });
  // A client killed mid-send (the SIGKILL tests) resets its connections: expected, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    perRecipient,
    times,
    total: () => times.length,
    waitFor: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (times.length < count) return;
          arrivals.off("message", check);
          resolve();
        };
        arrivals.on("message", check);
        check();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
