import { beforeEach, describe, expect, it, vi } from "vitest";

// node:crypto's timingSafeEqual, watched: every secret comparison must reach it with two buffers
// of one fixed length, whatever the guess's length. A comparison that returned early on a length
// mismatch told an attacker the secret's length by the answer's timing.
const compared = vi.hoisted(() => [] as [number, number][]);
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const { findAddressToken, signAddressToken } = await import("../../src/audience/address-tokens.js");
const { signToken, verifyToken } = await import("../../src/audience/tokens.js");
const { signWebhook, verifyWebhook } = await import("../../src/inbox/standard-webhooks.js");
const { readPostmark } = await import("../../src/inbox/service-events/read-postmark.js");
const { csrfToken, isValidCsrf } = await import("../../src/server/csrf.js");
const { isSameSecret } = await import("../../src/shared/is-same-secret.js");

const key = { id: "k1", secret: "a-long-random-test-secret" };
const webhookSecret = Buffer.alloc(32, 7);
const NOW = new Date("2026-05-01T10:00:00Z");

function postmark(authorization: string | undefined, token?: string) {
  const headers: Record<string, string | undefined> = { authorization, "x-token": token };
  const request = { header: (name: string) => headers[name], body: '{"RecordType":"Open"}' };
  return readPostmark(
    request,
    { username: "postmark", password: "s3cret-pass", token: "tok-123", tokenHeader: "X-Token" },
    NOW,
  );
}
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

beforeEach(() => {
  compared.length = 0;
});

describe("comparing secrets", () => {
  it("tells equal from unequal, whatever the lengths", () => {
    expect(isSameSecret("s3cret", "s3cret")).toBe(true);
    expect(isSameSecret(Buffer.from("s3cret"), "s3cret")).toBe(true);
    expect(isSameSecret("s3cre", "s3cret")).toBe(false);
    expect(isSameSecret("", "s3cret")).toBe(false);
    expect(isSameSecret("s3cret-and-more", "s3cret")).toBe(false);
  });

  it.each([
    ["a short Postmark password", () => postmark(basic("postmark:x"), "tok-123").isAccepted],
    [
      "a long Postmark password",
      () => postmark(basic(`postmark:${"x".repeat(99)}`), "tok-123").isAccepted,
    ],
    [
      "a short Postmark token header",
      () => postmark(basic("postmark:s3cret-pass"), "t").isAccepted,
    ],
    [
      "a short token signature",
      () =>
        verifyToken(
          `${signToken({ purpose: "unsubscribe", listId: 1, subscriberId: 2 }, key).slice(0, -9)}`,
          [key],
        ) !== undefined,
    ],
    [
      "a short webhook signature",
      () =>
        verifyWebhook({
          key: webhookSecret,
          id: "msg_1",
          timestamp: String(NOW.getTime() / 1000),
          signature: "v1,AAAA",
          body: "{}",
          now: NOW,
          maxAgeMs: 300_000,
        }) === "ok",
    ],
    ["a short CSRF token", () => isValidCsrf([key], "session", csrfToken(key, "session").slice(1))],
  ])("compares %s in constant time, by fixed-length digests", (_, attempt) => {
    expect(attempt()).toBe(false);
    expect(compared.length).toBeGreaterThan(0);
    for (const lengths of compared) expect(lengths).toEqual([32, 32]);
  });

  it("still accepts the right secrets", () => {
    expect(postmark(basic("postmark:s3cret-pass"), "tok-123").isAccepted).toBe(true);
    const token = signToken({ purpose: "unsubscribe", listId: 1, subscriberId: 2 }, key);
    expect(verifyToken(token, [key])?.subscriberId).toBe(2);
    const address = signAddressToken({ tag: "u", a: 3, subscriberId: 4 }, key);
    expect(findAddressToken(`news+${address}@example.com`, [key])?.subscriberId).toBe(4);
    const seconds = NOW.getTime() / 1000;
    const signature = signWebhook(webhookSecret, "msg_1", seconds, "{}");
    const check = {
      key: webhookSecret,
      id: "msg_1",
      timestamp: String(seconds),
      body: "{}",
      now: NOW,
    };
    expect(verifyWebhook({ ...check, signature, maxAgeMs: 300_000 })).toBe("ok");
    expect(isValidCsrf([key], "session", csrfToken(key, "session"))).toBe(true);
  });
});
