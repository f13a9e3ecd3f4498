import { describe, expect, it } from "vitest";
import {
  checkEmail,
  emailKey,
  mailboxKey,
  normalizeEmail,
} from "../../src/audience/email-address.js";

describe("email addresses", () => {
  // Each of these displays as (nearly) user@example.com, or hides what it is.
  it.each([
    ["a zero-width space", "us\u200ber@example.com", /invisible character U\+200B/],
    ["a zero-width joiner", "user\u200d@example.com", /invisible character U\+200D/],
    ["a soft hyphen", "us\u00ader@example.com", /invisible character U\+00AD/],
    ["a byte order mark inside", "us\ufeffer@example.com", /invisible character U\+FEFF/],
    ["a right-to-left override", "user\u202e@example.com", /bidirectional control U\+202E/],
    ["a bidi isolate", "\u2066user@example.com", /bidirectional control U\+2066/],
    ["a left-to-right mark", "user\u200e@example.com", /bidirectional control U\+200E/],
    ["a control character", "user\u0007@example.com", /control character U\+0007/],
    ["a C1 control", "user\u0085@example.com", /control character U\+0085/],
    ["a NUL", "user\u0000@example.com", /control character U\+0000/],
    ["a fullwidth letter", "\uff55ser@example.com", /fullwidth character U\+FF55/],
    ["a fullwidth at sign", "user\uff20example.com", /fullwidth character U\+FF20/],
    ["a ligature", "\ufb01le@example.com", /compatibility character U\+FB01/],
    ["a private-use character", "user\ue000@example.com", /U\+E000/],
    ["a non-breaking space", "user\u00a0@example.com", /space/],
  ])("refuses %s, saying why", (_name, input, reason) => {
    expect(normalizeEmail(input)).toBeUndefined();
    const check = checkEmail(input);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.reason).toMatch(reason);
  });

  it.each([
    ["no @", "user.example.com", /no "@"/],
    ["two @", "a@b@example.com", /more than one "@"/],
    ["a quoted local part", '"a b"@example.com', /quoted|space/],
    ["a domain without a dot", "user@localhost", /domain/],
    ["a non-ASCII domain", "user@bücher.de", /domain/],
    ["a local part of 65 characters", `${"a".repeat(65)}@example.com`, /64/],
  ])("refuses %s, saying why", (_name, input, reason) => {
    const check = checkEmail(input);
    expect(check.ok ? "" : check.reason).toMatch(reason);
  });

  it.each([
    [" Dee@Example.COM ", "Dee@example.com"],
    ["first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"],
    ["josé@example.com", "josé@example.com"],
    // A decomposed é is the same address as the composed one.
    ["jose\u0301@example.com", "josé@example.com"],
  ])("keeps %j as %j", (input, address) => {
    expect(normalizeEmail(input)).toBe(address);
    expect(checkEmail(input)).toEqual({ ok: true, address });
  });

  it("gives every spelling of one address one key: case-insensitive, composed", () => {
    const keys = ["ALICE@Example.org", "alice@example.org", " Alice@EXAMPLE.ORG"].map(emailKey);
    expect(new Set(keys)).toEqual(new Set(["alice@example.org"]));
    expect(emailKey("JOSE\u0301@example.com")).toBe(emailKey("josé@example.com"));
    expect(emailKey("bob@example.org")).not.toBe(emailKey("bob2@example.org"));
  });

  it.each([
    ["Bob+News@Example.org", "bob@example.org"],
    ["bob+a+b@example.org", "bob@example.org"],
    ["b.o.b@example.org", "b.o.b@example.org"],
    ["B.o.b+x@GoogleMail.com", "bob@gmail.com"],
    ["+tag@example.org", "+tag@example.org"],
  ])("finds the mailbox %j reaches: %j", (address, mailbox) => {
    expect(mailboxKey(address)).toBe(mailbox);
  });
});
