import type { Context } from "hono";
import { type SigningKey, signValue } from "../../audience/index.js";
import { isSameSecret } from "../../shared/is-same-secret.js";
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

/**
 * The signature of what a redirect after an editor's action says in words (the address a test
 * went to, an error): the page shows them only when signed, so a link made elsewhere cannot make
 * the preview say "Session expired: open …".
 */
export function signNote(key: SigningKey, words: NoteWords): string {
  return signValue(key, `preview-note:${words.sent ?? ""}\n${words.error ?? ""}`);
}

/** The words a note signs. */
export interface NoteWords {
  sent?: string | undefined;
  error?: string | undefined;
}

/** True when `given` is the signature of the words under one of the keys. */
export function isSignedNote(
  keys: readonly SigningKey[],
  words: NoteWords,
  given: unknown,
): boolean {
  return typeof given === "string" && keys.some((key) => isSameSecret(given, signNote(key, words)));
}
