import { describe, expect, it } from "vitest";
import { articlesForTopics, groupSegments, segmentKey } from "../../src/compose/segments.js";

const articles = [
  { id: 1, category: "AI", tags: ["llm"] },
  { id: 2, category: "Backend", tags: ["postgresql"] },
  { id: 3, category: "Security", tags: ["llm"] },
];

describe("segments", () => {
  it.each([
    [null, "all"],
    [[], "all"],
    [["Security", "AI"], "ai|security"],
    [["ai", "AI", "Security"], "ai|security"],
  ])("segmentKey(%j) is %s", (topics, key) => {
    expect(segmentKey(topics)).toBe(key);
  });

  it("groups subscribers with the same topics, in any order or case", () => {
    const segments = groupSegments([
      { email: "a@x.io", topics: ["AI", "Security"] },
      { email: "b@x.io", topics: null },
      { email: "c@x.io", topics: ["security", "ai"] },
    ]);
    expect(segments).toEqual([
      { key: "ai|security", topics: ["ai", "security"], emails: ["a@x.io", "c@x.io"] },
      { key: "all", topics: null, emails: ["b@x.io"] },
    ]);
  });

  it.each([
    [null, "none", [1, 2, 3]],
    [["ai"], "none", [1]],
    [["LLM"], "none", [1, 3]],
    [["backend", "security"], "none", [2, 3]],
    // Topics keep their promise: no match, no articles (and no email)…
    [["Mobile"], "none", []],
    // …unless the list falls back to the whole issue.
    [["Mobile"], "full", [1, 2, 3]],
    [["ai"], "full", [1]],
  ] as const)("articlesForTopics(%j, %s) keeps %j", (topics, fallback, ids) => {
    expect(articlesForTopics(articles, topics, fallback).map((a) => a.id)).toEqual(ids);
  });
});
