import { describe, expect, it } from "vitest";
import { clipText, joinSentences } from "../../src/enrich/clip-text.js";

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describe("clipText", () => {
  it("keeps text that fits", () => {
    expect(clipText("Short and sweet.", 300)).toBe("Short and sweet.");
  });

  it("cuts at the last clause boundary and ends with an ellipsis", () => {
    const text = `${words(30)}, ${words(10)}; and then a tail that goes on and on past the limit`;
    const clipped = clipText(text, 300);
    expect(clipped.length).toBeLessThanOrEqual(300);
    expect(clipped).toBe(`${words(30)}, ${words(10)}…`);
  });

  it("falls back to a word boundary, never cutting mid-word", () => {
    const clipped = clipText(words(80), 100);
    expect(clipped.length).toBeLessThanOrEqual(100);
    expect(clipped.endsWith("…")).toBe(true);
    expect(words(80).startsWith(clipped.slice(0, -1))).toBe(true);
    expect(words(80)[clipped.length - 1]).toBe(" ");
  });
});

describe("joinSentences", () => {
  it.each([
    [["One.", "Two."], "One. Two."],
    [["Alert on max lag"], "Alert on max lag."],
    [[], ""],
  ])("%j → %s", (sentences, expected) => {
    expect(joinSentences(sentences)).toBe(expected);
  });
});
