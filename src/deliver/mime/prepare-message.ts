import addressparser from "nodemailer/lib/addressparser";
import type { OutgoingMessage, PreparedMessage } from "../transports/types.js";
import { composeRaw, formatDate } from "./compose-raw.js";
import { parseListId } from "./parse-list-id.js";
import { toMailOptions } from "./to-mail-options.js";
import { unsubscribeValues } from "./unsubscribe-values.js";

/**
 * A message ready for any transport: every header value is checked now (HEADER_INVALID before
 * anything is built or sent), the bytes are built on the first `raw()` and kept.
 */
export function prepareMessage(message: OutgoingMessage, date = new Date()): PreparedMessage {
  toMailOptions(message);
  let raw: Promise<Buffer> | undefined;
  return {
    envelope: { from: bareAddress(message.from), to: bareAddress(message.to) },
    messageId: message.messageId,
    from: message.from,
    ...(message.replyTo !== undefined && { replyTo: message.replyTo }),
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: wireHeaders(message),
    date,
    raw: () => {
      raw ??= composeRaw(message, formatDate(date));
      return raw;
    },
  };
}

/** The headers besides From, To, Subject, Reply-To, Message-ID and Date, as they go out. */
export function wireHeaders(
  message: Pick<OutgoingMessage, "listIdHeader" | "unsubscribe" | "headers">,
): Record<string, string> {
  const list = parseListId(message.listIdHeader);
  return {
    ...message.headers,
    "List-Id": list.comment
      ? `"${list.comment.replace(/["\\]/g, "\\$&")}" <${list.url}>`
      : `<${list.url}>`,
    "List-Unsubscribe": unsubscribeValues(message.unsubscribe)
      .map((value) => `<${value}>`)
      .join(", "),
    // RFC 8058: tells the receiver that a POST to the https URL unsubscribes in one click.
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The bare address of a header value such as `"Name" <a@b.c>`, for the SMTP envelope. */
export function bareAddress(value: string): string {
  return addressparser(value, { flatten: true })[0]?.address ?? value;
}
