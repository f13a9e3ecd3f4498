import { describe, expect, it } from "vitest";
import { nameRelease, tidySentence } from "../../src/enrich/extractive/tidy-sentence.js";

const hugo = { name: "Hugo", isPersonal: false };
const wordpress = { name: "WordPress", isPersonal: false };

describe("tidySentence", () => {
  it.each([
    ["Fixed the server regression (#9901) .", "Fixed the server regression."],
    [
      "The model combines both signals [3] , as before.",
      "The model combines both signals, as before.",
    ],
    // A name that starts with a dot keeps the space before it (it gave "the.Err object").
    [
      "Hugo added details to the .Err object when a request fails.",
      "Hugo added details to the .Err object when a request fails.",
    ],
  ])("%s", (text, tidied) => {
    expect(tidySentence(text)).toBe(tidied);
  });
});

describe("nameRelease", () => {
  it.each([
    [
      "This release comes with language-aware collation of text.",
      "v0.97.0",
      hugo,
      "Hugo v0.97.0 comes with language-aware collation of text.",
    ],
    // "…Beta 1 of the WordPress software is under development" said the name twice.
    [
      "This version of the WordPress software is under development.",
      "WordPress 5.9 Beta 1",
      wordpress,
      "WordPress 5.9 Beta 1 is under development.",
    ],
    [
      "This security and maintenance release features 1 bug fix in addition to 3 security fixes.",
      "WordPress 5.9.2 Security and Maintenance Release",
      wordpress,
      "The WordPress 5.9.2 security and maintenance release features 1 bug fix in addition to 3 security fixes.",
    ],
    [
      "This maintenance release features 9 bug fixes in Core.",
      "WordPress 5.9.3 Maintenance Release",
      wordpress,
      "The WordPress 5.9.3 maintenance release features 9 bug fixes in Core.",
    ],
    // Later in the sentence, after a preposition ("…this release" was left unnamed).
    [
      "The theme of this release is error handling – a topic grievously underrated in most development tools.",
      "v0.99.0",
      hugo,
      "The theme of Hugo v0.99.0 is error handling – a topic grievously underrated in most development tools.",
    ],
    // The sentence names the publisher already: the version alone.
    [
      "In this release Hugo also added Markdown as a built-in output format.",
      "v0.100.0",
      hugo,
      "In v0.100.0 Hugo also added Markdown as a built-in output format.",
    ],
    // No version in the title: "this" has nothing to name.
    [
      "This maintenance release features 9 bug fixes.",
      "A maintenance release",
      wordpress,
      "This maintenance release features 9 bug fixes.",
    ],
  ])("%s", (text, title, voice, named) => {
    expect(nameRelease(text, voice, title)).toBe(named);
  });
});
