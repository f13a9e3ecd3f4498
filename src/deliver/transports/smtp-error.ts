import type { NodemailerError } from "nodemailer";
import { type ErrorCode, GazetteError } from "../../shared/errors.js";

/** A failed SMTP send: SMTP_TRANSIENT (retry later) or SMTP_PERMANENT (never retry). */
export class SmtpError extends GazetteError {
  /** The server's reply code (550, 451, …); undefined when no reply came (connection errors). */
  readonly responseCode: number | undefined;
  /**
   * True when the failure is not about this message or recipient — connection, TLS,
   * authentication, sender refused — so every other delivery would fail the same way.
   */
  readonly isTransportFailure: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; responseCode?: number; isTransportFailure?: boolean },
  ) {
    super(code, message, options);
    this.responseCode = options?.responseCode;
    this.isTransportFailure = options?.isTransportFailure ?? false;
  }
}

// Commands whose failure concerns this message or recipient rather than the connection.
const MESSAGE_COMMANDS = new Set(["RCPT TO", "DATA"]);

/** Classifies whatever nodemailer threw while sending to `recipient`. */
export function toSmtpError(error: unknown, recipient: string): SmtpError {
  const failure = (error ?? {}) as NodemailerError;
  const responseCode = failure.responseCode;
  const detail = failure.response ?? `${failure.code ?? "ERROR"} ${failure.message ?? error}`;
  const message = `${detail} (to ${recipient})`;
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
