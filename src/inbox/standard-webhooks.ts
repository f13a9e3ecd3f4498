import { createHmac } from "node:crypto";
import { isSameSecret } from "../shared/is-same-secret.js";

// The Standard Webhooks scheme (standardwebhooks.com), which Svix — and so Resend — uses, and
// which Gazette's own webhooks follow: the signed content is `${id}.${timestamp}.${body}`, the
// signature HMAC-SHA256 in base64, sent as `v1,<signature>` (several may be space-separated while
// a secret rotates), the timestamp in Unix seconds.

/** The HMAC key of a secret: `whsec_` + base64 is decoded (Svix, Standard Webhooks); else UTF-8. */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith("whsec_")
    ? Buffer.from(secret.slice("whsec_".length), "base64")
    : Buffer.from(secret, "utf8");
}

/** The `v1,<base64>` signature of one message. */
export function signWebhook(key: Buffer, id: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${digest}`;
}

export type SignatureCheck = "ok" | "unsigned" | "malformed" | "replayed" | "forged";

/**
 * Checks a message's id, timestamp and signature headers against the key: "unsigned" when a
 * header is missing, "malformed" when one cannot be read, "replayed" when the timestamp is more
 * than `maxAgeMs` from now (either way), "forged" when no v1 signature matches.
 */
export function verifyWebhook(input: {
  key: Buffer;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  now: Date;
  maxAgeMs: number;
}): SignatureCheck {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature) return "unsigned";
  if (!/^\d{1,12}$/.test(timestamp)) return "malformed";
  const seconds = Number(timestamp);
  if (Math.abs(input.now.getTime() - seconds * 1000) > input.maxAgeMs) return "replayed";
  const expected = Buffer.from(signWebhook(input.key, id, seconds, input.body).slice(3), "base64");
  const candidates = signature
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .map((part) => Buffer.from(part.slice(3), "base64"));
  if (candidates.length === 0) return "malformed";
  return candidates.some((got) => isSameSecret(got, expected)) ? "ok" : "forged";
}
