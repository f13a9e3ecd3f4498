import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { type SigningKey, signValue } from "../audience/index.js";
import { isSameSecret } from "../shared/is-same-secret.js";

// No server-side sessions: a form's CSRF token is an HMAC of what the form acts on (the signed
// token in its path) or of the browser's form session (a random cookie). A page from another
// site can neither read it nor compute it.

/** The CSRF token of forms acting on `scope` (a path token or a form session). */
export function csrfToken(key: SigningKey, scope: string): string {
  return signValue(key, `csrf:${scope}`);
}

/** True when `given` is the CSRF token for `scope` under any of the keys. */
export function isValidCsrf(keys: readonly SigningKey[], scope: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length === 0 || given.length > 128) return false;
  return keys.some((key) => isSameSecret(given, csrfToken(key, scope)));
}

/** Where a form session's cookie lives. */
export interface SessionCookie {
  name: string;
  path: string;
  secure: boolean;
}

const SESSION_ID = /^[\w-]{22}$/;

/**
 * The browser's form session: a random id in an HttpOnly, SameSite=Strict cookie, set on this
 * answer when the request carries none.
 */
export function formSession(c: Context, cookie: SessionCookie): string {
  const known = sessionOf(c, cookie);
  if (known) return known;
  const id = randomBytes(16).toString("base64url");
  setCookie(c, cookie.name, id, {
    httpOnly: true,
    sameSite: "Strict",
    path: cookie.path,
    secure: cookie.secure,
  });
  return id;
}

/** The form session the request's cookie names, if it is well-formed. */
export function sessionOf(c: Context, cookie: SessionCookie): string | undefined {
  const id = getCookie(c, cookie.name);
  return id && SESSION_ID.test(id) ? id : undefined;
}
