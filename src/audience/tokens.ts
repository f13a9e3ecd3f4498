import { createHmac, timingSafeEqual } from "node:crypto";

/** What a token lets its holder do, for one subscriber on one list. */
export type TokenPurpose = "unsubscribe" | "preferences";

export interface TokenClaims {
  subscriberId: number;
  listId: number;
  purpose: TokenPurpose;
}

export interface SigningKey {
  /** Short id written into the token so old keys can still verify after a rotation. */
  id: string;
  secret: string;
}

// Format: <keyId>.<payload>.<signature>, all base64url. The payload holds ids only: no email
// address ever appears in a URL.

/** Signs claims with HMAC-SHA256. */
export function signToken(claims: TokenClaims, key: SigningKey): string {
  const payload = Buffer.from(`${claims.purpose}:${claims.listId}:${claims.subscriberId}`).toString(
    "base64url",
  );
  return `${key.id}.${payload}.${mac(key, payload)}`;
}

/** The claims of a valid token, or undefined for anything forged, damaged or signed by an unknown key. */
export function verifyToken(token: string, keys: SigningKey[]): TokenClaims | undefined {
  const [keyId, payload, signature, ...rest] = token.split(".");
  if (!keyId || !payload || !signature || rest.length > 0) return undefined;
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) return undefined;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  // Constant-time comparison: a timing difference must not reveal how much of a guess was right.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const match = /^(unsubscribe|preferences):(\d+):(\d+)$/.exec(
    Buffer.from(payload, "base64url").toString(),
  );
  if (!match) return undefined;
  return {
    purpose: match[1] as TokenPurpose,
    listId: Number(match[2]),
    subscriberId: Number(match[3]),
  };
}

function mac(key: SigningKey, payload: string): string {
  return createHmac("sha256", key.secret)
    .update(`gazette-token:${key.id}:${payload}`)
    .digest("base64url");
}
