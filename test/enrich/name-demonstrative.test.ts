import { describe, expect, it } from "vitest";
import { nameDemonstrative, nameFromNext } from "../../src/enrich/extractive/name-demonstrative.js";

// Issue 15, point 2: "these <noun>" leans on the sentence before only for which ones it means.
describe("nameDemonstrative", () => {
  it.each([
    [
      "The right version has the full stack, with absolute filename, line and column and some file context.",
      "Having these source file references to click on in the VS Code terminal is a real time saver.",
      "Having the source file references to click on in the VS Code terminal is a real time saver.",
    ],
    [
      "Netflix enhances the UI by displaying keyspace and table metrics.",
      "These metrics provide insight into which tables are being used at a glance.",
      "The metrics provide insight into which tables are being used at a glance.",
    ],
    // The name the sentence before gives the head noun says which platform.
    [
      "With the latest Mesh Platform, data movement in the studio reaches a new stage.",
      "This configuration driven platform cuts the lead time of a new pipeline.",
      "The configuration driven Mesh Platform cuts the lead time of a new pipeline.",
    ],
    // "With the latest platform" names none: the phrase stays as it is.
    [
      "With the latest platform, data movement in the studio reaches a new stage.",
      "This configuration driven platform cuts the lead time of a new pipeline.",
      "The configuration driven platform cuts the lead time of a new pipeline.",
    ],
  ])("says 'the' when the sentence before names it: %s", (previous, sentence, named) => {
    expect(nameDemonstrative(previous, sentence)).toBe(named);
  });

  it.each([
    // A pronoun: what "this" is cannot be said by "the".
    [
      "Hugo re-introduces the --renderStaticToDisk flag.",
      "This is great for sites with lots of static content.",
    ],
    // The sentence before does not name the steps.
    ["A random walk is a path.", "These steps can be generated in any number of ways."],
    // Another demonstrative further on still points back.
    [
      "A random walk is a path of random steps.",
      "These steps can be generated in many ways, and there are ways to adapt this concept.",
    ],
  ])("leaves it otherwise: %s › %s", (previous, sentence) => {
    expect(nameDemonstrative(previous, sentence)).toBeUndefined();
  });
});

// "…rolled out a new feature…" says nothing the title did not; the sentence after names it.
describe("nameFromNext", () => {
  it.each([
    [
      "Nimbus rolled out a new feature for Nimbus Store in the final hours of 2008.",
      "This new feature, dubbed Requester Pays, works at the level of a bucket.",
      "Nimbus rolled out a new feature called Requester Pays for Nimbus Store in the final hours of 2008.",
    ],
    [
      "Quarry Data built an internal tool to replay production traffic.",
      "This tool, called Echo Chamber, records requests at the edge.",
      "Quarry Data built an internal tool called Echo Chamber to replay production traffic.",
    ],
    // The names differ ("service" is no "tool"), the name is already said, or nothing is named.
    [
      "Quarry Data built an internal tool to replay production traffic.",
      "This service, called Echo Chamber, records requests at the edge.",
      "Quarry Data built an internal tool to replay production traffic.",
    ],
    [
      "Quarry Data built Echo Chamber, an internal tool to replay production traffic.",
      "This tool, called Echo Chamber, records requests at the edge.",
      "Quarry Data built Echo Chamber, an internal tool to replay production traffic.",
    ],
    [
      "Quarry Data built an internal tool to replay production traffic.",
      "This tool records requests at the edge.",
      "Quarry Data built an internal tool to replay production traffic.",
    ],
  ])("%s + %s", (sentence, next, expected) => {
    expect(nameFromNext(sentence, next)).toBe(expected);
  });
});
