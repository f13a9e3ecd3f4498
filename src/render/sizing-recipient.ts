import type { Recipient } from "./types.js";

/**
 * The longest per-recipient fields an email can plausibly carry, to measure an issue against its
 * size budget before any subscriber is known: a 64-character name with characters that HTML
 * escapes, a 254-character address (RFC 5321's limit), link tokens of 160 characters.
 */
export function sizingRecipient(baseUrl: string): Recipient {
  const token = "t".repeat(160);
  const base = baseUrl.replace(/\/+$/, "");
  return {
    name: "Ann & Bob O'Neil ".repeat(4).slice(0, 64),
    email: `${"a".repeat(64)}@${"d".repeat(185)}.test`,
    unsubscribeUrl: `${base}/unsubscribe/${token}`,
    preferencesUrl: `${base}/preferences/${token}`,
  };
}
