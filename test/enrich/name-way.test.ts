import { describe, expect, it } from "vitest";
import { nameWay } from "../../src/enrich/extractive/name-way.js";

// "There is a way to… Streams!": the way promised, named by the exclamation after it.
describe("nameWay", () => {
  it.each([
    [
      "There is a way to download large files and save them without using unnecessary RAM.",
      "Streams!",
      "Streams are a way to download large files and save them without using unnecessary RAM.",
    ],
    [
      "There’s a better way to keep the read model in sync.",
      "Event sourcing.",
      "Event sourcing is a better way to keep the read model in sync.",
    ],
  ])("%s %s", (sentence, next, expected) => {
    expect(nameWay(sentence, next)).toBe(expected);
  });

  it.each([
    // An exclamation that names nothing, a sentence after it, no promised way at all.
    ["There is a way to download large files without extra RAM.", "Yes!"],
    ["There is a way to download large files without extra RAM.", "We stream them to disk."],
    ["Streams download large files without extra RAM.", "Streams!"],
    ["There is a way to download large files without extra RAM.", undefined],
  ])("%s %s: no name", (sentence, next) => {
    expect(nameWay(sentence, next)).toBeUndefined();
  });
});
