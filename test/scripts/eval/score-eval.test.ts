import { describe, expect, it } from "vitest";
import type { EvalArticle } from "../../../scripts/eval/read-eval-rows.js";
import { baselines, reportSets, scoreRow } from "../../../scripts/eval/score-eval.js";

function article(overrides: Partial<EvalArticle>): EvalArticle {
  return {
    id: "a",
    sets: ["real"],
    title: "T",
    text: "By Lena Okafor\n\nThe cache was cold. Tidewater added a remote build cache. CI time fell by half.",
    categories: [],
    refSummary: "Tidewater added a remote build cache.",
    refWhy: "CI time fell by half.",
    ...overrides,
  };
}

describe("baselines", () => {
  it("Lead-1 is the first sentence; the oracle is the sentence closest to each reference", () => {
    expect(baselines(article({}))).toEqual({
      "lead-1": { summary: "By Lena Okafor", why: "By Lena Okafor" },
      oracle: { summary: "Tidewater added a remote build cache.", why: "CI time fell by half." },
    });
    expect(baselines(article({ refWhy: "" })).oracle.why).toBe("");
  });
});

describe("reportSets", () => {
  const outputs = (summary: string, why: string) => ({
    gazette: { summary, why },
    ...baselines(article({})),
  });

  it("averages per set, scores a why only against a reference why, and counts silent whys", () => {
    const perfect = scoreRow(
      article({ sets: ["real", "real-long"] }),
      outputs("Tidewater added a remote build cache.", "CI time fell by half."),
    );
    const silent = scoreRow(article({ id: "b", refWhy: "" }), outputs("Unrelated words here.", ""));
    const [real, long] = reportSets([silent, perfect]);
    expect(real).toMatchObject({
      name: "real",
      rows: 2,
      withWhy: { rows: 1, oursEmpty: 0 },
      withoutWhy: { rows: 1, oursEmpty: 1 },
    });
    expect(real?.means.gazette.summary.rouge1).toBeCloseTo(0.5);
    expect(real?.means.gazette.why?.rouge1).toBeCloseTo(1);
    expect(real?.means.oracle.summary.rouge1).toBeCloseTo(1);
    expect(long).toMatchObject({ name: "real-long", rows: 1 });
  });

  it("lists synthetic, real and real-long first, then other sets by name", () => {
    const row = (sets: string[]) => scoreRow(article({ sets }), outputs("", ""));
    const names = reportSets([
      row(["zeta", "real-long"]),
      row(["alpha", "real"]),
      row(["synthetic"]),
    ]).map((set) => set.name);
    expect(names).toEqual(["synthetic", "real", "real-long", "alpha", "zeta"]);
  });
});
