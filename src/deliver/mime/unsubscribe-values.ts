import type { OutgoingMessage } from "../transports/types.js";
import { assertHeaderValue, invalidHeader } from "./assert-header-value.js";

// http is accepted only for loopback hosts, where `gazette serve` and the tests listen
// without TLS; a mailbox provider never sees those links work, so nothing is lost.
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const MAILTO = /^(?:mailto:)?([^\s<>,@?]+@[^\s<>,@?]+(?:\?[^\s<>]*)?)$/i;

/** The List-Unsubscribe values, https URL first; throws HEADER_INVALID on a bad URL or mailto. */
export function unsubscribeValues(unsubscribe: OutgoingMessage["unsubscribe"]): string[] {
  const values = [httpsUrl(unsubscribe.url)];
  if (unsubscribe.mailto !== undefined) {
    const mailto = MAILTO.exec(assertHeaderValue("List-Unsubscribe", unsubscribe.mailto));
    if (!mailto?.[1]) {
      invalidHeader("List-Unsubscribe", "is not a mailto address", unsubscribe.mailto);
    }
    values.push(`mailto:${mailto[1]}`);
  }
  return values;
}

function httpsUrl(value: string): string {
  assertHeaderValue("List-Unsubscribe", value);
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const isAllowed =
    url?.protocol === "https:" || (url?.protocol === "http:" && LOOPBACK.has(url.hostname));
  // RFC 8058: one-click unsubscribe needs an https URI; receivers ignore the header otherwise.
  if (!url || !isAllowed) invalidHeader("List-Unsubscribe", "is not an https URL", value);
  // href percent-encodes spaces and angle brackets, which would otherwise end <…> early.
  return url.href;
}
