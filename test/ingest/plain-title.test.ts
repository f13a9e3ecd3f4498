import { describe, expect, it } from "vitest";
import { plainTitle } from "../../src/ingest/normalize/plain-title.js";

describe("plainTitle", () => {
  it.each([
    [
      "inline formatting is removed",
      "Caching at the edge: <em>part 1</em>",
      "Caching at the edge: part 1",
    ],
    [
      "code and links are removed",
      'Using <code>useEffect</code> with <a href="/x">care</a>',
      "Using useEffect with care",
    ],
    ["a line break becomes a space", "Two<br/>lines", "Two lines"],
    [
      "tag-like text stays literal",
      "Why <template> elements matter",
      "Why <template> elements matter",
    ],
    [
      "a script tag stays literal text",
      "<script>alert(1)</script> explained",
      "<script>alert(1)</script> explained",
    ],
    [
      "template syntax stays literal",
      "{{constructor.constructor}} and {{{x}}}",
      "{{constructor.constructor}} and {{{x}}}",
    ],
    [
      "entities are decoded",
      "Caf&eacute; &amp; R&amp;D &mdash; &#8220;ok&#8221;",
      "Café & R&D — “ok”",
    ],
    ["entities are decoded only once", "&amp;lt;b&amp;gt;", "&lt;b&gt;"],
    ["a bare ampersand is kept", "AT&T and R&D", "AT&T and R&D"],
    ["whitespace is collapsed", "  Spread \n over\tlines  ", "Spread over lines"],
    ["an empty title stays empty", "   ", ""],
  ])("%s", (_case, raw, expected) => {
    expect(plainTitle(raw)).toBe(expected);
  });
});
