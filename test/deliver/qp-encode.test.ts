import { describe, expect, it } from "vitest";
import {
  createQuotedPrintableEncoder,
  encodeQuotedPrintable,
} from "../../src/deliver/mime/qp-encode.js";

/** RFC 2045 decoding, written from the rules: soft breaks removed, =XX to bytes. */
function decode(encoded: string): string {
  const bytes: number[] = [];
  const text = encoded.replace(/=\r\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=") {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

const cases = [
  "plain ascii",
  "Café déjà vu — 日本語 🎉",
  "a = b\tand trailing space \nnext line\t\n",
  `${"x".repeat(75)}\n${"y".repeat(76)}\n${"z".repeat(200)}`,
  `${"é".repeat(60)}`,
  `${"a".repeat(74)} \n`,
  "windows\r\nline ends\r\nand a lone \r here",
  ".\n..a dotted line\n. and one more",
  `${"x".repeat(75)}.after a soft break`,
  "",
];

describe("encodeQuotedPrintable", () => {
  it.each(cases)("round-trips %j with lines of at most 76 characters", (text) => {
    const encoded = encodeQuotedPrintable(text);
    expect(decode(encoded)).toBe(text.replace(/\r?\n/g, "\r\n"));
    for (const line of encoded.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(76);
      // White space at a line's end may be stripped in transit, so it is never left there.
      expect(line).not.toMatch(/[ \t]$/);
      // Nor a dot at its start, which SMTP would have to double (RFC 5321 §4.5.2).
      expect(line).not.toMatch(/^\./);
    }
    expect(encoded).toMatch(/^[\t\x20-\x7e\r\n]*$/);
  });

  it.each(["x".repeat(75), "x".repeat(76), "x".repeat(151), `${"é".repeat(25)}`])(
    "leaves room for the soft break after a continued text: %j",
    (text) => {
      const encoded = encodeQuotedPrintable(text, true);
      expect(decode(encoded)).toBe(text);
      // The value's last line is followed by "=": together at most 76 characters.
      for (const line of `${encoded}=`.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    },
  );
});

describe("createQuotedPrintableEncoder", () => {
  it("encodes every body as the one-pass encoder does, reusing the lines they share", () => {
    const encode = createQuotedPrintableEncoder();
    const body = (name: string) =>
      `<p>Hello ${name} — café</p>\r\n${"shared line ".repeat(20)}\n<a href="https://x.example/u/${name}">bye</a>\n`;
    for (const name of ["Ada", "Grace Hopper", "", "Ada"]) {
      expect(encode(body(name))).toBe(encodeQuotedPrintable(body(name)));
    }
  });
});
