/**
 * Milliseconds a Retry-After header asks for (RFC 9110 §10.2.3: seconds, or an HTTP date);
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
