import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

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
  /** Stops the server; connections still open (an unclosed pool) are dropped. */
  close(): Promise<void>;
}

/** Starts an SMTP sink: no TLS, any or no AUTH accepted, nothing logged. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
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
      callback(rejections.get(address.address.toLowerCase()) ?? null);
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
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
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
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
