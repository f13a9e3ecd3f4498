import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time equality of a secret and a guess (credentials, signatures, MACs, CSRF tokens).
 * Both are hashed to SHA-256 first: timingSafeEqual needs equal lengths, and returning early on a
 * length mismatch told an attacker the secret's length through the answer's timing.
 */
export function isSameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string | Buffer): Buffer {
  return createHash("sha256").update(value).digest();
}
