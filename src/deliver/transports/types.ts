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

/** A message already built (RFC 5322 bytes, CRLF), with the SMTP envelope to send it under. */
export interface RawMessage {
  envelope: { from: string; to: string };
  messageId: string;
  raw: Buffer;
}

/** deliver/ sends through this; the outbox, SMTP and dry-run transports implement it. */
export interface Mailer {
  /** Builds and sends one message (test copies). */
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Sends a message built once per issue and filled per recipient (the bulk path). */
  sendRaw(message: RawMessage): Promise<SendResult>;
  /** True for the dry run: a send with it must record nothing in the ledger. */
  readonly isDryRun?: boolean;
  close(): Promise<void>;
}
