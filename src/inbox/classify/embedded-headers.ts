import type { ParsedMail } from "mailparser";
import { ADDRESS_LIKE, readFieldGroups } from "./report-fields.js";

/**
 * The headers of the original message a report quotes: a `message/rfc822` or
 * `text/rfc822-headers` part, else the copy inside the notice's text (non-MIME bounces). Gives
 * its Message-ID (no angle brackets) and first To address.
 */
export function readEmbeddedHeaders(mail: ParsedMail): { messageId?: string; to?: string } {
  const part = mail.attachments.find((a) =>
    ["message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers"].includes(
      a.contentType.toLowerCase(),
    ),
  );
  const own = mail.messageId?.replace(/^<|>$/g, "");
  const sources = [part?.content.toString("utf8"), mail.text].filter(
    (text): text is string => text !== undefined,
  );
  for (const text of sources) {
    const found = findHeaders(text, own);
    if (found.messageId || found.to) return found;
  }
  return {};
}

function findHeaders(text: string, ownId: string | undefined): { messageId?: string; to?: string } {
  const result: { messageId?: string; to?: string } = {};
  // The left part of an id holds no "@" (RFC 5322 §3.6.4): with one allowed, a line of "a@a@a@…"
  // was split at each of its "@"s in turn, each time scanned to its end (100 KB: 25 s).
  for (const match of text.matchAll(
    /^[ \t]*Message-I[Dd]:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>@]+@[^\s<>]+?)>?[ \t]*$/gim,
  )) {
    const id = match[1];
    if (id && id !== ownId) {
      result.messageId = id;
      break;
    }
  }
  const headerBlock = readFieldGroups(text).find(
    (group) => group.has("message-id") || group.has("to"),
  );
  const to = headerBlock?.get("to");
  const address = to?.match(ADDRESS_LIKE)?.[0];
  if (address) result.to = address;
  return result;
}
