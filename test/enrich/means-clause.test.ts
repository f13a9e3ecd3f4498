import { describe, expect, it } from "vitest";
import { meansClause } from "../../src/enrich/extractive/means-clause.js";

// Issue 15, point 2: a sentence that leans on the one before ("this stumbling block") repaired
// by keeping what it says was done.
describe("meansClause", () => {
  it.each([
    [
      "We decided to remove this stumbling block by developing a new authoring specification called TTAL.",
      "We developed a new authoring specification called TTAL.",
    ],
    [
      "We solved that problem by building a queue in front of the database.",
      "We built a queue in front of the database.",
    ],
    [
      "I fixed these flaky tests by stopping the clock in every test run.",
      "I stopped the clock in every test run.",
    ],
    [
      "We tackled this by applying the same limits to every tenant.",
      "We applied the same limits to every tenant.",
    ],
  ])("keeps what was done: %s", (sentence, clause) => {
    expect(meansClause(sentence)).toBe(clause);
  });

  it.each([
    // Nothing said before: the sentence stands as it is.
    "We cut the bill by moving cold data to object storage.",
    // No "by" clause.
    "We decided to remove this stumbling block last year.",
    // Another subject.
    "The team removed this stumbling block by developing a new specification.",
  ])("leaves any other sentence: %s", (sentence) => {
    expect(meansClause(sentence)).toBeUndefined();
  });
});
