import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readSigningKeys } from "../../src/audience/signing-keys.js";
import { type SigningKey, signToken, verifyToken } from "../../src/audience/tokens.js";

const key: SigningKey = { id: "k1", secret: "a-long-random-test-secret" };
const NOW = new Date("2026-05-01T10:00:00Z");
const inAnHour = Math.floor(NOW.getTime() / 1000) + 3600;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("signed tokens", () => {
  it("round-trips the claims and carries no email address", () => {
    const token = signToken({ purpose: "unsubscribe", listId: 3, subscriberId: 42 }, key);
    expect(verifyToken(token, [key])).toEqual({
      purpose: "unsubscribe",
      listId: 3,
      subscriberId: 42,
    });
    expect(token).toMatch(/^k1\.[\w-]+\.[\w-]{43}$/);
    expect(token).not.toContain("@");
  });

  it.each([
    ["a token for another purpose", { purpose: "preferences" as const }],
    [
      "a token checked after its expiry",
      { purpose: "confirm" as const, now: new Date((inAnHour + 1) * 1000) },
    ],
  ])("refuses %s", (_name, expect_) => {
    const token = signToken(
      {
        purpose: "confirm",
        listId: 1,
        subscriberId: 2,
        expiresAt: inAnHour,
        nonce: "nonce-123456",
      },
      key,
    );
    expect(verifyToken(token, [key], { purpose: "confirm", now: NOW })).toMatchObject({
      nonce: "nonce-123456",
    });
    expect(verifyToken(token, [key], expect_)).toBeUndefined();
  });

  it("refuses a confirm token without an expiry, and one signed by an unknown key", () => {
    const endless = signToken({ purpose: "confirm", listId: 1, subscriberId: 2 }, key);
    expect(verifyToken(endless, [key])).toBeUndefined();
    const foreign = signToken(
      { purpose: "unsubscribe", listId: 1, subscriberId: 2 },
      { id: "k1", secret: "other" },
    );
    expect(verifyToken(foreign, [key])).toBeUndefined();
  });

  it("a token for list A cannot be turned into one for list B", () => {
    const token = signToken({ purpose: "unsubscribe", listId: 1, subscriberId: 7 }, key);
    const [id, , signature] = token.split(".");
    const forgedPayload = Buffer.from("unsubscribe:2:7").toString("base64url");
    expect(verifyToken(`${id}.${forgedPayload}.${signature}`, [key])).toBeUndefined();
    expect(verifyToken(token, [key])?.listId).toBe(1);
  });

  it("accepts none of 100,000 bit-flipped and random tokens", () => {
    const valid = [
      signToken({ purpose: "unsubscribe", listId: 1, subscriberId: 12345 }, key),
      signToken({ purpose: "preferences", listId: 2, subscriberId: 9 }, key),
      // Far in the future: this check runs on the real clock.
      signToken(
        {
          purpose: "confirm",
          listId: 1,
          subscriberId: 5,
          expiresAt: 4_102_444_800,
          nonce: "abcdefghijklmnop",
        },
        key,
      ),
    ];
    const random = seeded(20260501);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    let tried = 0;
    let accepted = 0;
    const attempt = (candidate: string, original?: string) => {
      if (candidate === original) return;
      tried++;
      if (verifyToken(candidate, [key])) accepted++;
    };
    // Every bit of every character of each valid token.
    for (const token of valid) {
      for (let i = 0; i < token.length; i++) {
        for (let bit = 0; bit < 8; bit++) {
          const flipped = String.fromCharCode(token.charCodeAt(i) ^ (1 << bit));
          attempt(token.slice(0, i) + flipped + token.slice(i + 1), token);
        }
      }
    }
    // Random characters swapped into valid tokens, then wholly random strings and structures.
    while (tried < 100_000) {
      const base = valid[tried % valid.length] as string;
      const mode = tried % 3;
      if (mode === 0) {
        const i = Math.floor(random() * base.length);
        const char = alphabet[Math.floor(random() * alphabet.length)] as string;
        attempt(base.slice(0, i) + char + base.slice(i + 1), base);
      } else if (mode === 1) {
        const [id, payload] = base.split(".");
        attempt(`${id}.${payload}.${randomBytes(32).toString("base64url")}`, base);
      } else {
        const length = 1 + Math.floor(random() * 120);
        let text = "";
        for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
        attempt(text);
      }
    }
    expect(tried).toBeGreaterThanOrEqual(100_000);
    expect(accepted).toBe(0);
    for (const token of valid) expect(verifyToken(token, [key])).toBeDefined();
  });
});

describe("signing keys", () => {
  it("signs with GAZETTE_SECRET and still verifies retired and stored keys", () => {
    const keys = readSigningKeys(
      {
        GAZETTE_SECRET: "new-secret",
        GAZETTE_SECRET_ID: "k3",
        GAZETTE_SECRET_PREVIOUS: "k2:old-secret, k1:older",
      },
      "stored-secret",
    );
    expect(keys.current).toEqual({ id: "k3", secret: "new-secret" });
    expect(keys.all.map((k) => k.id)).toEqual(["k3", "k2", "k1", "k0"]);
    const oldLink = signToken(
      { purpose: "unsubscribe", listId: 1, subscriberId: 1 },
      { id: "k2", secret: "old-secret" },
    );
    expect(verifyToken(oldLink, keys.all)).toBeDefined();
    const afterRemoval = readSigningKeys(
      { GAZETTE_SECRET: "new-secret", GAZETTE_SECRET_ID: "k3" },
      "stored-secret",
    );
    expect(verifyToken(oldLink, afterRemoval.all)).toBeUndefined();
  });

  it("uses the stored secret as k0 without GAZETTE_SECRET, and rejects malformed entries", () => {
    expect(readSigningKeys({}, "stored").current).toEqual({ id: "k0", secret: "stored" });
    expect(() => readSigningKeys({ GAZETTE_SECRET_PREVIOUS: "no-colon" }, "s")).toThrow(
      /GAZETTE_SECRET_PREVIOUS: entry 1 is not "keyId:secret"/,
    );
    expect(() => readSigningKeys({ GAZETTE_SECRET: "x", GAZETTE_SECRET_ID: "a.b" }, "s")).toThrow(
      /GAZETTE_SECRET_ID/,
    );
  });
});
