import { createHmac } from "node:crypto";
import { isSameSecret } from "../shared/is-same-secret.js";
import type { SigningKey } from "./tokens.js";

// Tokens that travel in an email address's local part (VERP return paths, mailto unsubscribe
// addresses) or a subject. Mail systems may lowercase a local part, and some allow only a few
// characters in it, so the token is lowercase letters, digits and dashes: base-36 ids and a hex
// HMAC (64 bits, plenty against guessing one address's token). Format: <tag><a>-<b>-<mac>.

/** What an address token names. r: a delivery (issue, subscriber) · u: a membership (list, subscriber). */
export type AddressTokenTag = "r" | "u";

export interface AddressTokenClaims {
  tag: AddressTokenTag;
  /** issue id (r) or list id (u). */
  a: number;
  subscriberId: number;
}

const TOKEN = /\b([ru])([0-9a-z]{1,10})-([0-9a-z]{1,10})-([0-9a-f]{16})\b/;

/** Signs the claims with the current key. */
export function signAddressToken(claims: AddressTokenClaims, key: SigningKey): string {
  const body = `${claims.tag}${claims.a.toString(36)}-${claims.subscriberId.toString(36)}`;
  return `${body}-${mac(key, body)}`;
}

/**
 * The claims of the first valid token found in `text` (a local part, an address, a subject), or
 * undefined. Any of `keys` may have signed it (rotation); case is ignored.
 */
export function findAddressToken(
  text: string,
  keys: readonly SigningKey[],
  tag?: AddressTokenTag,
): AddressTokenClaims | undefined {
  const match = TOKEN.exec(text.toLowerCase());
  if (!match) return undefined;
  const [, found, a, b, signature] = match;
  if (!found || !a || !b || !signature || (tag && found !== tag)) return undefined;
  const body = `${found}${a}-${b}`;
  const isValid = keys.some((key) => isSameSecret(signature, mac(key, body)));
  if (!isValid) return undefined;
  return {
    tag: found as AddressTokenTag,
    a: Number.parseInt(a, 36),
    subscriberId: Number.parseInt(b, 36),
  };
}

/** `local+token@domain` from `local@domain` (plus-addressing, RFC 5233 subaddressing). */
export function plusAddress(address: string, token: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}+${token}${address.slice(at)}`;
}

function mac(key: SigningKey, body: string): string {
  return createHmac("sha256", key.secret)
    .update(`gazette-address:${body}`)
    .digest("hex")
    .slice(0, 16);
}
