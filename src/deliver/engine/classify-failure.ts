import { dropLineControls } from "../../shared/control-characters.js";
import { describeError, isGazetteError } from "../../shared/errors.js";
import { TransportError } from "../transports/types.js";

/**
 * What a failed hand-over means for its row:
 * - `bounced`: the mailbox was refused for good (never retried; counts toward suppression);
 * - `failed`: permanent, but not the mailbox's fault (policy, message refused, a bad header);
 * - `retry`: transient; `isRelayFailure` when the transport failed rather than the message, so
 *   that several in a row mean the transport is down.
 * Each transport classifies its own failures (TransportError's kind); this only maps the kinds.
 */
export type FailureKind =
  | { kind: "bounced" | "failed"; reason: string }
  | { kind: "retry"; reason: string; isRelayFailure: boolean };

/**
 * Classifies whatever the transport threw for one message. The reason is kept as one line without
 * control characters: it is the far end's text (an API's message, an SMTP reply), and it becomes
 * one tab-separated row of `gazette deliveries`, where a line break would forge another.
 */
export function classifyFailure(error: unknown): FailureKind {
  const reason = dropLineControls(describeError(error));
  if (error instanceof TransportError) {
    switch (error.kind) {
      case "recipient-rejected":
        return { kind: "bounced", reason };
      case "message-rejected":
        return { kind: "failed", reason };
      case "retry-later":
        return { kind: "retry", reason, isRelayFailure: false };
      case "transport-down":
        return { kind: "retry", reason, isRelayFailure: true };
    }
  }
  // Our own refusal to build the message (a header with a line break) never passes later.
  if (isGazetteError(error, "HEADER_INVALID")) return { kind: "failed", reason };
  // Anything else — a socket error nobody wrapped, a bug — is the transport's trouble, not the
  // recipient's.
  return { kind: "retry", reason, isRelayFailure: true };
}
