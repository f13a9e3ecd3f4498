import { describeError, isGazetteError } from "../../shared/errors.js";
import { SmtpError } from "../transports/smtp-error.js";

/**
 * What a failed hand-over means for its row:
 * - `bounced`: the server refused the mailbox for good (never retried; counts toward suppression);
 * - `failed`: permanent, but not the mailbox's fault (policy, message refused, a bad header);
 * - `retry`: transient; `isRelayFailure` when the connection or relay failed rather than the
 *   message, so that several in a row mean the relay is down.
 */
export type FailureKind =
  | { kind: "bounced" | "failed"; reason: string }
  | { kind: "retry"; reason: string; isRelayFailure: boolean };

// RFC 5321 §4.2.3: 550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed.
const RECIPIENT_CODES = new Set([550, 551, 553]);
// RFC 3463: X.7.Y is a security or policy status (spam block, DMARC), not a bad mailbox.
const POLICY_STATUS = /\b5\.7\.\d{1,3}\b/;

/** Classifies whatever the transport threw for one message. */
export function classifyFailure(error: unknown): FailureKind {
  const reason = describeError(error);
  if (error instanceof SmtpError) {
    if (error.code === "SMTP_TRANSIENT") {
      return { kind: "retry", reason, isRelayFailure: error.isTransportFailure };
    }
    const code = error.responseCode;
    const isBounce = code !== undefined && RECIPIENT_CODES.has(code) && !POLICY_STATUS.test(reason);
    return { kind: isBounce ? "bounced" : "failed", reason };
  }
  // Our own refusal to build the message (a header with a line break) never passes later.
  if (isGazetteError(error, "HEADER_INVALID", "SMTP_PERMANENT")) return { kind: "failed", reason };
  // Anything else — the outbox disk full, a socket error nodemailer did not wrap — is the
  // transport's trouble, not the recipient's.
  return { kind: "retry", reason, isRelayFailure: true };
}
