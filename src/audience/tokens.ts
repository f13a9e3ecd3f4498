import { createHmac } from "node:crypto";
import { isSameSecret } from "../shared/is-same-secret.js";

/** What a token lets its holder do, for one subscriber on one list. */
export type TokenPurpose = "unsubscribe" | "preferences" | "confirm";

export interface TokenClaims {
  subscriberId: number;
  listId: number;
  purpose: TokenPurpose;
  /** Seconds since the epoch after which the token is refused (confirm tokens). */
  expiresAt?: number;
  /** Random id a single-use token is recorded under once used (confirm tokens). */
  nonce?: string;
}

export interface SigningKey {
  /** Short id written into the token so old keys can still verify after a rotation. */
  id: string;
  secret: string;
}

// Format: <keyId>.<payload>.<signature>, all base64url. The payload holds ids only: no email
// address ever appears in a URL. Payload: purpose:list:subscriber[:expiresAt:nonce].
const PAYLOAD =
  /^(unsubscribe|preferences|confirm):(\d{1,15}):(\d{1,15})(?::(\d{1,12}):([\w-]{8,64}))?$/;

/** Signs claims with HMAC-SHA256. */
export function signToken(claims: TokenClaims, key: SigningKey): string {
  const extra =
    claims.expiresAt !== undefined && claims.nonce !== undefined
      ? `:${claims.expiresAt}:${claims.nonce}`
      : "";
  const payload = Buffer.from(
    `${claims.purpose}:${claims.listId}:${claims.subscriberId}${extra}`,
  ).toString("base64url");
  return `${key.id}.${payload}.${mac(key, payload)}`;
}

/**
 * The claims of a valid token, or undefined for anything forged, damaged, expired, signed by an
 * unknown key, or meant for another purpose. `keys` holds the current key and the retired ones.
 */
export function verifyToken(
  token: string,
  keys: readonly SigningKey[],
  expect?: { purpose: TokenPurpose; now?: Date },
): TokenClaims | undefined {
  if (token.length > 512) return undefined;
  const [keyId, payload, signature, ...rest] = token.split(".");
  if (!keyId || !payload || !signature || rest.length > 0) return undefined;
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) return undefined;
  // Constant-time comparison: a timing difference must not reveal how much of a guess was right.
  if (!isSameSecret(signature, mac(key, payload))) return undefined;
  // base64url decoding ignores stray characters; only the canonical encoding is the signed one.
  const decoded = Buffer.from(payload, "base64url");
  if (decoded.toString("base64url") !== payload) return undefined;
  const match = PAYLOAD.exec(decoded.toString());
  if (!match) return undefined;
  const claims: TokenClaims = {
    purpose: match[1] as TokenPurpose,
    listId: Number(match[2]),
    subscriberId: Number(match[3]),
    ...(match[4] !== undefined ? { expiresAt: Number(match[4]), nonce: match[5] } : {}),
  };
  // A confirm token must expire; the others are long-lived links in sent emails.
  if (claims.purpose === "confirm" && claims.expiresAt === undefined) return undefined;
  if (expect && claims.purpose !== expect.purpose) return undefined;
  const now = expect?.now ?? new Date();
  if (claims.expiresAt !== undefined && now.getTime() / 1000 > claims.expiresAt) return undefined;
  return claims;
}

/** An HMAC of `value` under the key, for values that are not tokens (CSRF fields). */
export function signValue(key: SigningKey, value: string): string {
  return createHmac("sha256", key.secret).update(`gazette-value:${value}`).digest("base64url");
}

function mac(key: SigningKey, payload: string): string {
  return createHmac("sha256", key.secret)
    .update(`gazette-token:${key.id}:${payload}`)
    .digest("base64url");
}
