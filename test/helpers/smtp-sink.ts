import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { seededRandom } from "./seeded-random.js";

/** One message the sink accepted: the SMTP envelope and the bytes as sent. */
export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  /** Parses `raw` with mailparser's simpleParser. */
  parse(): Promise<ParsedMail>;
}

/** A local SMTP server on 127.0.0.1 and a free port that keeps every message it accepts. */
export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>`, for a TransportConfig or nodemailer. */
  url: string;
  /** Accepted messages, in arrival order. Rejected ones never appear here. */
  messages: SinkMessage[];
  /** Resolves once `count` messages have been accepted (at once if they already have). */
  waitFor(count: number): Promise<SinkMessage[]>;
  /** Answers RCPT TO for `address` (case-insensitive) with `code message` from now on. */
  rejectRecipient(address: string, code: number, message: string): void;
  /** Answers the end of DATA of the next `count` messages with `code message`. */
  failNext(count: number, code: number, message: string): void;
  /** Every RCPT TO address received, refused ones included, in order. */
  recipientsTried: string[];
  /** Messages refused by the fault injection (transient replies and disconnects). */
  faultsInjected: number;
  /** Stops the server; connections still open (an unclosed pool) are dropped. */
  close(): Promise<void>;
}

/** Faults the sink injects, drawn from a seeded generator so that a failing run can be replayed. */
export interface SinkFaults {
  seed: number;
  /** Share of messages answered 421 or 451 (half each) at the end of DATA. */
  transientRate?: number;
  /** Share of messages whose connection is cut in the middle of DATA. */
  disconnectRate?: number;
}

/** Starts an SMTP sink: no TLS, any or no AUTH accepted, nothing logged. */
export async function startSmtpSink(options: { faults?: SinkFaults } = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const recipientsTried: string[] = [];
  const random = seededRandom(options.faults?.seed ?? 1);
  let faultsInjected = 0;
  const arrivals = new EventEmitter();
  const rejections = new Map<string, SMTPServerError>();
  let failures: { remaining: number; error: SMTPServerError } | undefined;

  const server = new SMTPServer({
    logger: false,
    // The reverse DNS lookup of each client would cost every test a resolver round trip.
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    // An unclosed pool would otherwise hold close() for the default 30 s.
    closeTimeout: 1,
    onAuth: (_auth, _session, callback) => callback(null, { user: "test" }),
    onRcptTo: (address, _session, callback) => {
      recipientsTried.push(address.address.toLowerCase());
      callback(rejections.get(address.address.toLowerCase()) ?? null);
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      const faults = options.faults;
      if (faults?.disconnectRate && random() < faults.disconnectRate) {
        // Cut the connection after the first chunk: the client is left in the middle of DATA.
        stream.once("data", () => {
          faultsInjected += 1;
          connectionOf(server, session.id)?._socket.destroy();
        });
        stream.resume();
        return;
      }
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (faults?.transientRate && random() < faults.transientRate) {
          faultsInjected += 1;
          const code = random() < 0.5 ? 421 : 451;
          callback(smtpError(code, code === 421 ? "Service shutting down" : "Try again later"));
          return;
        }
        if (failures && failures.remaining > 0) {
          failures.remaining -= 1;
          callback(failures.error);
          return;
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          parse: () => simpleParser(raw),
        });
        arrivals.emit("message");
        callback(null);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A client killed mid-session (the crash tests do it) resets its connection: not the sink's error.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    recipientsTried,
    get faultsInjected() {
      return faultsInjected;
    },
    waitFor: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (messages.length < count) return;
          arrivals.off("message", check);
          resolve(messages.slice());
        };
        arrivals.on("message", check);
        check();
      }),
    rejectRecipient: (address, code, message) => {
      rejections.set(address.toLowerCase(), smtpError(code, message));
    },
    failNext: (count, code, message) => {
      failures = { remaining: count, error: smtpError(code, message) };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function smtpError(code: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: code });
}

/** smtp-server keeps its open connections in a set it does not type; the session id finds one. */
function connectionOf(
  server: SMTPServer,
  sessionId: string,
): { _socket: { destroy(): void } } | undefined {
  const connections = (
    server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
  ).connections;
  return [...connections].find((connection) => connection.id === sessionId);
}
