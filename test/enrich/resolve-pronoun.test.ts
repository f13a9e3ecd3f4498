import { describe, expect, it } from "vitest";
import { articleSentences } from "../../src/enrich/extractive/article-sentences.js";
import { readBlocks } from "../../src/enrich/extractive/read-blocks.js";
import {
  nameHeadingSubject,
  nameTitleSubject,
  resolvePronoun,
} from "../../src/enrich/extractive/resolve-pronoun.js";
import { scoreSentences } from "../../src/enrich/extractive/score-sentences.js";

/** The last sentence of `text` with its opening pronoun resolved, if it can be. */
function resolveLast(text: string): string | undefined {
  const scored = scoreSentences(articleSentences(readBlocks({ text }), 50), "");
  const last = scored.at(-1);
  return last && resolvePronoun(scored, last);
}

// Issue 15, point 2: a sentence that leans on one the reader cannot see, repaired.
describe("resolvePronoun", () => {
  it.each([
    [
      "Late last year an entrepreneur from Turkey visited me in Seattle. We talked about his plans. He's now ready to hire a software architect.",
      "An entrepreneur from Turkey is now ready to hire a software architect.",
    ],
    [
      "A researcher at Stanford sent us the trace. She found the leak in the parser within a day.",
      "A researcher at Stanford found the leak in the parser within a day.",
    ],
    [
      "A developer from Lisbon wrote in last week. He's been running the tool on a Raspberry Pi.",
      "A developer from Lisbon has been running the tool on a Raspberry Pi.",
    ],
  ])("names the one person introduced before: %s", (text, resolved) => {
    expect(resolveLast(text)).toBe(resolved);
  });

  it.each([
    // Two people: which one "he" is cannot be told.
    "A developer from Lisbon met an engineer from Porto. He wrote the first patch that week.",
    // Nobody introduced by a noun phrase.
    "Aaron met Ryan at the conference. He wrote the first patch that week.",
    // Not a pronoun subject.
    "A developer from Lisbon wrote in. His patch fixed the leak in the parser.",
  ])("leaves it when no single person is introduced: %s", (text) => {
    expect(resolveLast(text)).toBeUndefined();
  });
});

/** The last sentence of `text` with its opening "it" named as the title's subject, if it can be. */
function nameLast(title: string, text: string): string | undefined {
  const scored = scoreSentences(articleSentences(readBlocks({ text }), 50), title);
  const last = scored.at(-1);
  return last && nameTitleSubject(scored, last, title);
}

// Issue 15, point 2: an "It" that means the title's subject, repaired by naming it.
describe("nameTitleSubject", () => {
  it.each([
    [
      "Nokogiri's Slop Feature",
      "I forgot to talk about the Slop feature of Nokogiri. Why is it called slop? It lets you sloppily explore documents.",
      "Nokogiri's Slop feature lets users sloppily explore documents.",
    ],
    [
      "The Remote Build Cache",
      "Our remote build cache went live in May. Basically, it stores every build output of the monorepo.",
      "The remote build cache stores every build output of the monorepo.",
    ],
  ])("names the title's subject: %s", (title, text, named) => {
    expect(nameLast(title, text)).toBe(named);
  });

  it.each([
    // The title is a sentence, not a thing.
    ["Nokogiri Is Released", "Nokogiri came out today. It parses HTML faster than Hpricot does."],
    // "It is…" is often no thing at all.
    ["The Remote Build Cache", "The build cache went live in May. It is hard to say what changed."],
    // Something else was named in between.
    [
      "The Remote Build Cache",
      "The build cache went live in May. The old NFS share was retired. It stores nothing now.",
    ],
  ])("leaves it otherwise: %s", (title, text) => {
    expect(nameLast(title, text)).toBeUndefined();
  });
});

// WordPress 5.9 "Joséphine": "It puts you in control…" right under "Full site editing is here."
describe("nameHeadingSubject", () => {
  function nameUnder(html: string): string | undefined {
    const scored = scoreSentences(articleSentences(readBlocks({ text: "", html }), 50), "");
    const last = scored.at(-1);
    return last && nameHeadingSubject(scored, last);
  }

  it("names the thing the heading above names", () => {
    expect(
      nameUnder(
        "<p>WordPress 5.9 is out today.</p><h2>Full site editing is here.</h2><p>It puts you in control of your whole site, right in the Admin.</p>",
      ),
    ).toBe("Full site editing puts users in control of their whole site, right in the Admin.");
  });

  it.each([
    // The heading is a sentence or an instruction, not a thing.
    "<h2>Say hello to the new theme.</h2><p>It brings a new way to work with themes.</p>",
    // Not right under the heading.
    "<h2>Full site editing</h2><p>The Admin has changed.</p><p>It puts you in control of your site.</p>",
  ])("leaves it otherwise: %s", (html) => {
    expect(nameUnder(html)).toBeUndefined();
  });
});
