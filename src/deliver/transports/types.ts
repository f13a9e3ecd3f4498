import { type ErrorCode, GazetteError } from "../../shared/errors.js";

/** One message as Gazette writes it, before it is prepared: header values are checked then. */
export interface OutgoingMessage {
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Unique per delivery and stable across its retries, with angle brackets: <id@domain>. */
  messageId: string;
  /** The List-Id header's value, `Name <list-slug.host>`. */
  listIdHeader: string;
  /** RFC 8058: exactly one https URL, plus an optional mailto. */
  unsubscribe: { url: string; mailto?: string };
  /** Extra headers (X-Gazette-Issue and the like). */
  headers?: Record<string, string>;
}

/**
 * The transport contract's message (after nodemailer's): the structured parts, every header value
 * already checked, and the RFC 5322 bytes on request. A transport uses whichever suits it — an
 * SMTP relay or the outbox the bytes, a JSON API the parts — and never parses one back from the
 * other. Issue deliveries build the bytes from the pre-encoded template and fill the
 * bodies only when asked, so reading `raw()` alone costs no rendering of `html`/`text`.
 */
export interface PreparedMessage {
  /** The SMTP envelope: bare addresses, no display names. */
  readonly envelope: { from: string; to: string };
  /** `<id@domain>`, stable across the retries of one delivery. */
  readonly messageId: string;
  /** The From header, e.g. `"Gazette Weekly" <news@example.com>`. */
  readonly from: string;
  readonly replyTo?: string;
  /** The To header: exactly one address. */
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /**
   * Every other header, by name, values as they go on the wire (unfolded, unencoded): List-Id,
   * List-Unsubscribe, List-Unsubscribe-Post, Feedback-ID, X-Gazette-*. Never From, To, Subject,
   * Reply-To, Message-ID, Date or Content-*.
   */
  readonly headers: Readonly<Record<string, string>>;
  readonly date: Date;
  /** The whole message, RFC 5322, CRLF line ends, unsigned (a transport that signs, signs these). */
  raw(): Promise<Buffer>;
}

export interface SendResult {
  messageId: string;
  /** What the transport answered: the SMTP reply, the outbox file, an API's message id. */
  response: string;
  /** The id an email service gave the message, kept on the delivery to match its events. */
  serviceMessageId?: string;
}

/** deliver/ hands messages to this; one implementation per `transport.type` (see registry.ts). */
export interface Transport {
  /** Hands one message over; a failure throws, as a TransportError when the transport knows why. */
  send(message: PreparedMessage): Promise<SendResult>;
  /**
   * For the dry run: everything `send` does short of handing the message over (build the bytes,
   * sign them), so that what would fail, fails. Returns the size in bytes of what would be sent.
   */
  check(message: PreparedMessage): Promise<number>;
  close(): Promise<void>;
}

/**
 * What a failed hand-over means, in every transport's terms:
 * - `recipient-rejected`: this mailbox does not exist, for good (a hard bounce);
 * - `message-rejected`: refused for good, but not the mailbox's fault (policy, size, content);
 * - `retry-later`: this message may go through later (greylisting, a full mailbox, 429);
 * - `transport-down`: nothing would go through now (connection, authentication, outage).
 */
export type FailureKind =
  | "recipient-rejected"
  | "message-rejected"
  | "retry-later"
  | "transport-down";

/** A failed hand-over, classified by the transport that saw it. */
export class TransportError extends GazetteError {
  readonly kind: FailureKind;
  /** How long the far end asked to wait before the next try (an API's Retry-After). */
  retryAfterMs?: number;

  constructor(kind: FailureKind, message: string, options?: { cause?: unknown; code?: ErrorCode }) {
    super(options?.code ?? "DELIVERY_FAILED", message, options);
    this.kind = kind;
  }
}
