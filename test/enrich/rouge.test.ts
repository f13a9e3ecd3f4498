import { describe, expect, it } from "vitest";
import { lcsLength, rougeTokens, scoreRouge } from "../../scripts/rouge.js";

describe("scoreRouge", () => {
  it.each([
    ["the cat sat", "the cat ran", { rouge1: 2 / 3, rouge2: 1 / 2, rougeL: 2 / 3 }],
    ["The cat sat.", "the cat sat", { rouge1: 1, rouge2: 1, rougeL: 1 }],
    ["dogs bark", "the cat sat", { rouge1: 0, rouge2: 0, rougeL: 0 }],
    ["", "the cat sat", { rouge1: 0, rouge2: 0, rougeL: 0 }],
    // Clipped counts: "the the the" matches "the" once.
    ["the the the", "the cat", { rouge1: 0.4, rouge2: 0, rougeL: 0.4 }],
  ])("%j against %j", (candidate, reference, expected) => {
    const scores = scoreRouge(candidate, reference);
    expect(scores.rouge1).toBeCloseTo(expected.rouge1);
    expect(scores.rouge2).toBeCloseTo(expected.rouge2);
    expect(scores.rougeL).toBeCloseTo(expected.rougeL);
  });

  it("keeps decimals and versions as one token, drops possessive 's and finds subsequences", () => {
    expect(rougeTokens("p99 fell by 3.5x on Node.js 20")).toEqual([
      "p99",
      "fell",
      "by",
      "3.5x",
      "on",
      "node.js",
      "20",
    ]);
    expect(lcsLength(["a", "b", "c", "d"], ["a", "c", "d", "b"])).toBe(3);
    expect(rougeTokens("Netflix’s engineers don’t; Hugo's don't")).toEqual([
      "netflix",
      "engineers",
      "don't",
      "hugo",
      "don't",
    ]);
  });
});
