import type { FetchHints } from "../types.js";

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * What the response says about when to ask again: Cache-Control max-age (else Expires, relative
 * to the server's Date), and Retry-After in either of its forms (RFC 9110 §10.2.3).
 */
export function readFetchHints(headers: HeaderSource, now: number): FetchHints {
  const hints: FetchHints = {};
  const serverNow = dateMs(headers.get("date")) ?? now;
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(headers.get("cache-control") ?? "")?.[1];
  const expires = headers.get("expires");
  if (maxAge !== undefined) hints.maxAgeSeconds = Number(maxAge);
  // RFC 9111 §5.3: an Expires that is not a valid date means "already expired".
  else if (expires !== null)
    hints.maxAgeSeconds = secondsUntil(dateMs(expires) ?? serverNow, serverNow);
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter && /^\d+$/.test(retryAfter)) hints.retryAfterSeconds = Number(retryAfter);
  // An HTTP-date names its day and month; Date.parse alone would read "-5" as a year.
  else if (retryAfter && /[a-z]/i.test(retryAfter)) {
    const at = dateMs(retryAfter);
    if (at !== undefined) hints.retryAfterSeconds = secondsUntil(at, serverNow);
  }
  return hints;
}

function dateMs(text: string | null): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.round((at - now) / 1000));
}
