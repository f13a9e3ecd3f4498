import type { NodemailerError } from "nodemailer";
import type { ErrorCode } from "../../shared/errors.js";
import { type FailureKind, TransportError } from "./types.js";

// RFC 5321 §4.2.3: 550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed.
const RECIPIENT_CODES = new Set([550, 551, 553]);
// RFC 3463: X.7.Y is a security or policy status (spam block, DMARC), not a bad mailbox.
const POLICY_STATUS = /\b5\.7\.\d{1,3}\b/;

/** A failed SMTP send: SMTP_TRANSIENT (retry later) or SMTP_PERMANENT (never retry). */
export class SmtpError extends TransportError {
  /** The server's reply code (550, 451, …); undefined when no reply came (connection errors). */
  readonly responseCode: number | undefined;
  /**
   * True when the failure is not about this message or recipient — connection, TLS,
   * authentication, sender refused — so every other delivery would fail the same way.
   */
  readonly isTransportFailure: boolean;

  constructor(
    code: Extract<ErrorCode, "SMTP_TRANSIENT" | "SMTP_PERMANENT">,
    message: string,
    options?: { cause?: unknown; responseCode?: number; isTransportFailure?: boolean },
  ) {
    const isTransportFailure = options?.isTransportFailure ?? false;
    super(kindOf(code, message, options?.responseCode, isTransportFailure), message, {
      cause: options?.cause,
      code,
    });
    this.responseCode = options?.responseCode;
    this.isTransportFailure = isTransportFailure;
  }
}

/** The neutral kind of an SMTP failure: only a refused mailbox (not a policy refusal) bounces. */
function kindOf(
  code: ErrorCode,
  message: string,
  responseCode: number | undefined,
  isTransportFailure: boolean,
): FailureKind {
  if (code === "SMTP_TRANSIENT") return isTransportFailure ? "transport-down" : "retry-later";
  const isBounce =
    responseCode !== undefined && RECIPIENT_CODES.has(responseCode) && !POLICY_STATUS.test(message);
  return isBounce ? "recipient-rejected" : "message-rejected";
}

// Commands whose failure concerns this message or recipient rather than the connection.
const MESSAGE_COMMANDS = new Set(["RCPT TO", "DATA"]);

const WHERE = "transport.url (or GAZETTE_TRANSPORT)";
// What an operator can do about nodemailer's connection-level failures (its error codes).
const HINTS: Record<string, string> = {
  ESOCKET: `cannot reach the SMTP server: check ${WHERE} and that the server is running`,
  ECONNECTION: `cannot reach the SMTP server: check ${WHERE} and that the server is running`,
  ETIMEDOUT: `the SMTP server did not answer in time: check the host and port in ${WHERE}`,
  EDNS: `the SMTP server's host name was not found: check ${WHERE}`,
  ETLS: `TLS failed: smtps:// is for port 465, smtp:// (STARTTLS) for 587; check ${WHERE}`,
  EAUTH: `the SMTP server refused the login: check the user and password in ${WHERE}`,
};

/** Classifies whatever nodemailer threw while sending to `recipient`. */
export function toSmtpError(error: unknown, recipient: string): SmtpError {
  const failure = (error ?? {}) as NodemailerError;
  const responseCode = failure.responseCode;
  const detail = failure.response ?? `${failure.code ?? "ERROR"} ${failure.message ?? error}`;
  const hint = HINTS[failure.code ?? ""];
  const message = `${detail}${hint ? ` — ${hint}` : ""} (to ${recipient})`;
  // nodemailer's own checks of the envelope and size (command "API") are about the message.
  const isAboutMessage =
    MESSAGE_COMMANDS.has(failure.command ?? "") ||
    (failure.command === "API" && (failure.code === "EENVELOPE" || failure.code === "EMESSAGE"));
  // A 5xx at AUTH or MAIL FROM is a setup problem: retrying this delivery later is right,
  // burying it as permanent is not. 421 means the server is closing the connection.
  if (!isAboutMessage || responseCode === 421) {
    return new SmtpError("SMTP_TRANSIENT", message, {
      cause: error,
      responseCode,
      isTransportFailure: true,
    });
  }
  // RFC 5321: 5yz is a permanent refusal, 4yz a transient one; 503 (bad sequence of
  // commands) is about the session, not the message, as nodemailer also decides.
  // Without a reply, only nodemailer's own envelope checks land here: those never pass.
  const isPermanent =
    responseCode === undefined
      ? failure.command === "API"
      : responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  return new SmtpError(isPermanent ? "SMTP_PERMANENT" : "SMTP_TRANSIENT", message, {
    cause: error,
    responseCode,
  });
}
