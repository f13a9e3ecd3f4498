import type { SendMailOptions } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import type { OutgoingMessage } from "../transports/types.js";
import { assertHeaderName, assertHeaderValue, invalidHeader } from "./assert-header-value.js";
import { parseListId } from "./parse-list-id.js";
import { unsubscribeValues } from "./unsubscribe-values.js";

// Headers Gazette writes itself; an extra header of the same name would duplicate them.
const RESERVED = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "reply-to",
  "sender",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "return-path",
]);

/** nodemailer options for one message; throws HEADER_INVALID before anything is built or sent. */
export function toMailOptions(message: OutgoingMessage): SendMailOptions {
  const extraHeaders = Object.entries(message.headers ?? {}).map(([name, value]) => {
    if (isReserved(assertHeaderName(name))) invalidHeader(name, "is set by Gazette", value);
    return [name, assertHeaderValue(name, value)] as const;
  });
  return {
    from: singleAddress("From", message.from),
    ...(message.replyTo !== undefined && { replyTo: addresses("Reply-To", message.replyTo) }),
    to: singleAddress("To", message.to),
    subject: assertHeaderValue("Subject", message.subject),
    messageId: checkedMessageId(message.messageId),
    // nodemailer drops an empty part; a newline keeps multipart/alternative with both parts.
    text: message.text || "\n",
    html: message.html || "\n",
    headers: {
      ...Object.fromEntries(extraHeaders),
      // RFC 8058: tells the receiver that a POST to the https URL unsubscribes in one click.
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    list: {
      id: parseListId(message.listIdHeader),
      // A flat array makes one List-Unsubscribe header per entry; an array nested inside
      // makes a single header listing them all, which is what RFC 8058 requires.
      unsubscribe: [unsubscribeValues(message.unsubscribe)],
    },
    // Feed text never names a file or URL to inline, but make sure nodemailer cannot be asked.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function isReserved(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED.has(lower) || lower.startsWith("list-") || lower.startsWith("content-");
}

function addresses(header: string, value: string): string {
  const parsed = addressparser(assertHeaderValue(header, value), { flatten: true });
  if (parsed.length === 0 || parsed.some((entry) => !entry.address.includes("@"))) {
    invalidHeader(header, "is not an email address", value);
  }
  return value;
}

/** Throws HEADER_INVALID unless `value` is exactly one address. */
export function singleAddress(header: string, value: string): string {
  // One delivery is one recipient: a second address would receive someone else's links.
  if (addressparser(addresses(header, value), { flatten: true }).length !== 1) {
    invalidHeader(header, "must be exactly one address", value);
  }
  return value;
}

/** Throws HEADER_INVALID unless `messageId` is `<id@domain>`. */
export function checkedMessageId(messageId: string): string {
  assertHeaderValue("Message-ID", messageId);
  if (!/^<[^<>\s@]+@[^<>\s@]+>$/.test(messageId)) {
    invalidHeader("Message-ID", "is not of the form <id@domain>", messageId);
  }
  return messageId;
}
