import { describe, expect, it } from "vitest";
import { openSubscriberRef, sealSubscriberRef } from "../../src/audience/subscriber-ref.js";

const KEY = { id: "k1", secret: "a long random secret" };
const OLD = { id: "k0", secret: "the stored secret" };

describe("X-Gazette-Subscriber values", () => {
  it("say nothing of the subscriber's number, and only our keys read them back", () => {
    const refs = [1, 2, 42, 1_000_000].map((id) => sealSubscriberRef(KEY, id));
    for (const ref of refs) {
      expect(ref).toMatch(/^k1\.[\w-]{32}$/);
      expect(ref).not.toMatch(/\.(1|2|42|1000000)$/);
      expect(Buffer.from(ref.slice(3), "base64url").toString("latin1")).not.toMatch(/42|1000000/);
    }
    expect(new Set(refs).size).toBe(4);
    expect(refs.map((ref) => openSubscriberRef([KEY], ref))).toEqual([1, 2, 42, 1_000_000]);
    // Stable: the same subscriber has the same value in every message.
    expect(sealSubscriberRef(KEY, 42)).toBe(refs[2]);
    // After a key rotation, values in messages already sent still open.
    expect(openSubscriberRef([{ id: "k2", secret: "new" }, KEY], refs[2] as string)).toBe(42);
  });

  it("refuses values that were altered, forged or sealed with another key", () => {
    const ref = sealSubscriberRef(KEY, 42);
    const flipped = (i: number) => {
      const bytes = Buffer.from(ref.slice(3), "base64url");
      bytes[i] = (bytes[i] ?? 0) ^ 1;
      return `k1.${bytes.toString("base64url")}`;
    };
    for (let i = 0; i < 24; i++) expect(openSubscriberRef([KEY], flipped(i))).toBeUndefined();
    expect(openSubscriberRef([OLD], ref)).toBeUndefined();
    expect(
      openSubscriberRef([KEY], sealSubscriberRef({ ...KEY, secret: "other" }, 42)),
    ).toBeUndefined();
    for (const forged of ["42", "k1.42", "k1.", `k9${ref.slice(2)}`, `${ref}x`, ""])
      expect(openSubscriberRef([KEY], forged)).toBeUndefined();
  });
});
