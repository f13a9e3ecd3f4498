import { type Cipher, createCipheriv, createHmac } from "node:crypto";
import { isSameSecret } from "../shared/is-same-secret.js";
import type { SigningKey } from "./tokens.js";

// X-Gazette-Subscriber: which subscriber a message went to, for our own use (bounces, complaints
// and email-service events carry the header back), without telling its reader the internal
// number. Format: <keyId>.<base64url(iv ‖ ciphertext)>. Deterministic authenticated encryption
// in the SIV manner (RFC 5297's construction, with HMAC-SHA256 as the PRF): the IV is a MAC of
// the number, the number is encrypted with AES-256-CTR under that IV, and opening recomputes the
// MAC. Same subscriber, same value; nobody without the key can read, make or alter one.

const IV_BYTES = 16;

interface DerivedKeys {
  mac: Buffer;
  /** AES-256 on single blocks: CTR's first keystream block is E(iv), all an 8-byte id needs. */
  block: Cipher;
}

/** The opaque, signed X-Gazette-Subscriber value of a subscriber. */
export function sealSubscriberRef(key: SigningKey, subscriberId: number): string {
  const plain = Buffer.alloc(8);
  plain.writeBigUInt64BE(BigInt(subscriberId));
  const iv = syntheticIv(key, plain);
  const sealed = Buffer.concat([iv, xor(plain, keystream(key, iv))]);
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
  const plain = xor(sealed.subarray(IV_BYTES), keystream(key, iv));
  if (!isSameSecret(iv, syntheticIv(key, plain))) return undefined;
  return Number(plain.readBigUInt64BE());
}

function syntheticIv(key: SigningKey, plain: Buffer): Buffer {
  return createHmac("sha256", derivedKeys(key).mac).update(plain).digest().subarray(0, IV_BYTES);
}

function keystream(key: SigningKey, iv: Buffer): Buffer {
  return derivedKeys(key).block.update(iv);
}

function xor(data: Buffer, stream: Buffer): Buffer {
  return Buffer.from(data.map((byte, i) => byte ^ (stream[i] ?? 0)));
}

// Derived once per signing key (a send seals one value per message), each use with a key of its
// own derived from the signing secret, never the secret itself.
const derived = new WeakMap<SigningKey, DerivedKeys>();

function derivedKeys(key: SigningKey): DerivedKeys {
  let keys = derived.get(key);
  if (!keys) {
    const derive = (use: string) =>
      createHmac("sha256", key.secret).update(`gazette-subscriber-ref:${use}`).digest();
    const block = createCipheriv("aes-256-ecb", derive("enc"), null).setAutoPadding(false);
    keys = { mac: derive("mac"), block };
    derived.set(key, keys);
  }
  return keys;
}
