import { describe, expect, it } from "vitest";
import { colonStatement } from "../../src/enrich/extractive/colon-statement.js";

describe("colonStatement", () => {
  // AWS's "Solve for Efficiency With Amazon Mechanical Turk": the opening leans on the sentence
  // before, the statement after the colon does not.
  it("gives the statement after the colon as a sentence", () => {
    expect(
      colonStatement(
        "It’s about more than Grad Student pain relief though: by Crowdsourcing mechanical tasks such as annotation, students are free to focus on data collection and analysis.",
      ),
    ).toBe(
      "By Crowdsourcing mechanical tasks such as annotation, students are free to focus on data collection and analysis.",
    );
  });

  it.each([
    // A label and a short item, not a statement.
    "It has two parts: the file interface.",
    // The statement leans on the sentence before in turn.
    "That is the catch: this means the scanner runs twice for every request it serves.",
    // No colon.
    "It’s about more than Grad Student pain relief though.",
  ])("none: %s", (sentence) => {
    expect(colonStatement(sentence)).toBeUndefined();
  });
});
