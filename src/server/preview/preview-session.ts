import type { Context } from "hono";
import type { SigningKey } from "../../audience/index.js";
import { csrfToken, formSession, isValidCsrf, type SessionCookie, sessionOf } from "../csrf.js";

// The preview is served over plain http on a loopback address.
const COOKIE: SessionCookie = { name: "gz_preview", path: "/preview", secure: false };

/** The CSRF token of the editor's forms in this browser session (started here if needed). */
export function previewCsrf(c: Context, key: SigningKey): string {
  return csrfToken(key, `preview:${formSession(c, COOKIE)}`);
}

/** True when `given` is the CSRF token of the session the request's cookie names. */
export function isValidPreviewCsrf(
  c: Context,
  keys: readonly SigningKey[],
  given: unknown,
): boolean {
  const session = sessionOf(c, COOKIE);
  return session !== undefined && isValidCsrf(keys, `preview:${session}`, given);
}
