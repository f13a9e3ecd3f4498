import { isSameSecret, type SigningKey, signValue } from "../audience/tokens.js";

// No sessions: a form's CSRF token is an HMAC of what the form acts on (the signed token in its
// path, or the signup cookie). A page from another site can neither read it nor compute it.

/** The CSRF token of forms acting on `scope` (a path token or the signup cookie). */
export function csrfToken(key: SigningKey, scope: string): string {
  return signValue(key, `csrf:${scope}`);
}

/** True when `given` is the CSRF token for `scope` under any of the keys. */
export function isValidCsrf(keys: readonly SigningKey[], scope: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length === 0 || given.length > 128) return false;
  return keys.some((key) => isSameSecret(csrfToken(key, scope), given));
}
