/** One message, ready for a transport. Header values are checked for CR/LF before sending. */
export interface OutgoingMessage {
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Unique per delivery and stable across its retries, with angle brackets: <id@domain>. */
  messageId: string;
  listId: string;
  /** RFC 8058: exactly one https URL, plus an optional mailto. */
  unsubscribe: { url: string; mailto?: string };
  /** Extra headers (X-Gazette-Issue and the like). */
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** The SMTP reply, or where the outbox wrote the file. */
  response: string;
}

/** deliver/ sends through this; the outbox and SMTP transports implement it. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): Promise<void>;
}
