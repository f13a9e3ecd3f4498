import { describe, expect, it } from "vitest";
import { decodeDirective, directiveFor, textFragmentUrl } from "../../src/compose/text-fragment.js";

const TEXT =
  "We moved the queue into PostgreSQL. It worked. The migration cut lost jobs to zero and reduced our on-call pages for the queue by 80% in the first month. It worked. Costs fell, too - by half, & more.";

describe("text fragments (WICG URL Fragment Text Directives)", () => {
  it.each([
    [
      "a short sentence is given whole",
      "We moved the queue into PostgreSQL.",
      "We%20moved%20the%20queue%20into%20PostgreSQL.",
    ],
    [
      "a long sentence by its first and last four words",
      "The migration cut lost jobs to zero and reduced our on-call pages for the queue by 80% in the first month.",
      "The%20migration%20cut%20lost,in%20the%20first%20month.",
    ],
    ["a sentence that repeats points to its first place", "It worked.", "It%20worked."],
    [
      "the syntax characters -, & and , are percent-encoded",
      "Costs fell, too - by half, & more.",
      "Costs%20fell%2C%20too%20%2D%20by%20half%2C%20%26%20more.",
    ],
    ["a sentence not in the article gives nothing", "Our costs doubled.", undefined],
  ])("%s", (_name, sentence, expected) => {
    expect(directiveFor(sentence, TEXT)).toBe(expected);
  });

  it("adds the words before and after when the sentence's first words come earlier in the text", () => {
    const text =
      "We moved the queue again. Then we moved the queue into PostgreSQL using SKIP LOCKED for every worker we run. It held.";
    const directive = directiveFor(
      "we moved the queue into PostgreSQL using SKIP LOCKED for every worker we run.",
      text,
    );
    expect(directive).toBe(
      "queue%20again.%20Then-,we%20moved%20the%20queue,every%20worker%20we%20run.,-It%20held.",
    );
    expect(decodeDirective(directive ?? "")).toEqual({
      prefix: "queue again. Then",
      start: "we moved the queue",
      end: "every worker we run.",
      suffix: "It held.",
    });
  });

  it("joins several sentences with &, and leaves a URL with a fragment alone", () => {
    const url = textFragmentUrl(
      "https://blog.example.com/queue",
      ["We moved the queue into PostgreSQL.", "Costs fell, too - by half, & more."],
      TEXT,
    );
    expect(url).toBe(
      "https://blog.example.com/queue#:~:text=We%20moved%20the%20queue%20into%20PostgreSQL.&text=Costs%20fell%2C%20too%20%2D%20by%20half%2C%20%26%20more.",
    );
    expect(textFragmentUrl("https://blog.example.com/q#top", ["It worked."], TEXT)).toBe(
      "https://blog.example.com/q#top",
    );
  });
});
