import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
import type { SigningKey } from "./tokens.js";

// X-Gazette-Subscriber: which subscriber a message went to, for our own use (bounces, complaints
// and email-service events carry the header back), without telling its reader the internal
// number. Format: <keyId>.<base64url(iv ‖ ciphertext)>. Deterministic authenticated encryption
// in the SIV manner (RFC 5297's construction, with HMAC-SHA256 as the PRF): the IV is a MAC of
// the number, the number is encrypted with AES-256-CTR under that IV, and opening recomputes the
// MAC. Same subscriber, same value; nobody without the key can read, make or alter one.

const IV_BYTES = 16;

/** The opaque, signed X-Gazette-Subscriber value of a subscriber. */
export function sealSubscriberRef(key: SigningKey, subscriberId: number): string {
  const plain = idBytes(subscriberId);
  const iv = syntheticIv(key, plain);
  const cipher = createCipheriv("aes-256-ctr", keyFor(key, "enc"), iv);
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final()]);
  return `${key.id}.${sealed.toString("base64url")}`;
}

/** The subscriber id in a value sealed under one of `keys`, or undefined for anything else. */
export function openSubscriberRef(keys: readonly SigningKey[], value: string): number | undefined {
  const dot = value.indexOf(".");
  const key = keys.find((candidate) => candidate.id === value.slice(0, dot));
  const encoded = value.slice(dot + 1);
  if (!key || dot <= 0 || !/^[\w-]{32}$/.test(encoded)) return undefined;
  const sealed = Buffer.from(encoded, "base64url");
  const iv = sealed.subarray(0, IV_BYTES);
  const decipher = createDecipheriv("aes-256-ctr", keyFor(key, "enc"), iv);
  const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES)), decipher.final()]);
  if (!timingSafeEqual(syntheticIv(key, plain), iv)) return undefined;
  return Number(plain.readBigUInt64BE());
}

function idBytes(subscriberId: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(subscriberId));
  return bytes;
}

function syntheticIv(key: SigningKey, plain: Buffer): Buffer {
  return createHmac("sha256", keyFor(key, "mac")).update(plain).digest().subarray(0, IV_BYTES);
}

/** A key of its own per use, derived from the signing secret (never the secret itself). */
function keyFor(key: SigningKey, use: "enc" | "mac"): Buffer {
  return createHmac("sha256", key.secret).update(`gazette-subscriber-ref:${use}`).digest();
}
