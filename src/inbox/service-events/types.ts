import type { MailEventKind } from "../../store/index.js";

export type EmailService = "ses" | "postmark" | "resend";

/** One thing an email service reports about one recipient of one message. */
export interface ServiceEvent {
  service: EmailService;
  /** Unique per service, so a retried or replayed event is applied once. */
  eventKey: string;
  kind: Exclude<MailEventKind, "unsubscribe">;
  recipient: string;
  /** The service's id of the message (SES MessageId, Postmark MessageID, Resend email_id). */
  serviceMessageId?: string;
  /** Our Message-ID header, when the service reports the message's headers. */
  messageId?: string;
  detail: string;
  occurredAt: Date;
}

/** Why a request to an event endpoint was refused; each is counted per service. */
export type RejectReason =
  | "unsigned"
  | "forged"
  | "replayed"
  | "malformed"
  | "unknown-topic"
  | "untrusted-certificate";

/** What a service's request turned into: events to apply, or a refusal. */
export type Reading =
  | { isAccepted: true; events: ServiceEvent[]; note?: string }
  | { isAccepted: false; reason: RejectReason; detail: string };

export function refuse(reason: RejectReason, detail: string): Reading {
  return { isAccepted: false, reason, detail };
}

/** A request as the readers see it: header lookup (lowercase names) and the raw body. */
export interface EventRequest {
  header(name: string): string | undefined;
  body: string;
}
