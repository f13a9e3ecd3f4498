import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createExtractiveSummarizer, defaultVocabulary } from "../../src/enrich/index.js";
import type { SummarizeInput } from "../../src/enrich/types.js";

function fixture(name: string): SummarizeInput {
  const url = new URL(`../fixtures/articles/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as SummarizeInput;
}

const summarizer = createExtractiveSummarizer();
const vocabularyTags = new Set(defaultVocabulary.map((term) => term.tag));
const BOILERPLATE_OPENING = /^(?:In this (?:post|article)|By |Posted by|Thanks|Special thanks)/;
const ENDS_AT_BOUNDARY = /[.!?…]["'”’)]?$/;

describe("createExtractiveSummarizer", () => {
  it("is identified as extractive@2", () => {
    expect(summarizer.id).toBe("extractive@2");
  });

  it.each([
    ["postgres-pooling", "38%", ["postgresql", "databases", "performance"], "Backend"],
    [
      "kafka-lag-postmortem",
      "within 2 minutes",
      ["incident", "kafka", "reliability"],
      "Reliability",
    ],
    ["kubernetes-rightsizing", "41%", ["kubernetes", "cost", "cloud"], "Infrastructure"],
    ["flaky-tests", "from 71% to 96%", ["testing", "ci-cd"], "DevOps"],
    ["llm-search-assistant", "from 54% to 87%", ["llm", "search", "ai"], "AI"],
  ])("%s", async (name, plantedOutcome, expectedTags, category) => {
    const article = fixture(name);
    const result = await summarizer.summarize(article);

    expect(result.summary).not.toMatch(BOILERPLATE_OPENING);
    expect(result.summary.length).toBeGreaterThan(40);
    expect(result.summary.length).toBeLessThanOrEqual(300);
    expect(result.summary).toMatch(ENDS_AT_BOUNDARY);

    expect(result.why).toContain(plantedOutcome);
    expect(result.why.length).toBeLessThanOrEqual(300);
    expect(result.why).toMatch(ENDS_AT_BOUNDARY);
    expect(result.why).not.toBe(result.summary);
    expect(result.summary).not.toContain(plantedOutcome);

    expect(result.tags.length).toBeLessThanOrEqual(5);
    for (const tag of result.tags) {
      expect(vocabularyTags.has(tag)).toBe(true);
      expect(tag).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(result.tags).toEqual(expect.arrayContaining(expectedTags));
    expect(result.category).toBe(category);

    const words = article.text.split(/\s+/).filter((word) => word !== "").length;
    expect(result.readMinutes).toBe(Math.max(1, Math.round(words / 230)));
  });

  it("gives the same output for the same input, across instances", async () => {
    const article = fixture("postgres-pooling");
    const first = await summarizer.summarize(article);
    expect(await summarizer.summarize(article)).toEqual(first);
    expect(await createExtractiveSummarizer().summarize(article)).toEqual(first);
  });

  it("summarizes an excerpt of two sentences without repeating it as why", async () => {
    const result = await summarizer.summarize({
      title: "Moving our build cache to a shared remote store",
      text: "We moved the build cache for our monorepo from laptops to a shared remote store. Cache hits are now shared between CI and every engineer's machine.",
    });
    expect(result.summary).toContain("We moved the build cache");
    expect(result.why).not.toBe(result.summary);
    expect(result.summary).not.toContain(result.why || "\u0000");
  });

  it("writes no summary when the text is empty, rather than repeating the title", async () => {
    const result = await summarizer.summarize({
      title: "Kubernetes upgrades without downtime",
      text: "",
    });
    expect(result).toEqual({
      summary: "",
      why: "",
      tags: ["kubernetes", "reliability"],
      category: "Infrastructure",
      readMinutes: 0,
    });
  });

  it("writes no summary when the text is only headings and boilerplate", async () => {
    const result = await summarizer.summarize({
      title: "Notes from our first on-call rotation",
      text: "By Sam Okafor\n\nOverview\n\nThanks to everyone who helped out this quarter.",
    });
    expect(result.summary).toBe("");
    expect(result.why).toBe("");
  });

  it("does not take the title repeated at the top of the text as the summary", async () => {
    const result = await summarizer.summarize({
      title: "Kubernetes upgrades without downtime",
      text: "Kubernetes upgrades without downtime.\n\nWe upgrade forty clusters every quarter, one node pool at a time, while they keep serving traffic.",
    });
    expect(result.summary).toMatch(/^We upgrade forty clusters/);
  });

  it("cuts an over-long sentence at a clause boundary", async () => {
    const clause = "the scheduler placed pods by their requests rather than their real usage";
    const sentence = `When we looked at the cluster, ${clause}, ${clause}, ${clause}, and ${clause}.`;
    const result = await summarizer.summarize({ title: "Scheduling", text: sentence });
    expect(result.summary.length).toBeLessThanOrEqual(300);
    expect(result.summary).toMatch(/usage…$/);
  });

  it("uses a custom vocabulary and says so in its id", async () => {
    const custom = createExtractiveSummarizer({
      vocabulary: [
        { tag: "connection-pooling", category: "Backend", synonyms: ["pooler", "PgBouncer"] },
        { tag: "payments", synonyms: ["billing"] },
      ],
    });
    const result = await custom.summarize(fixture("postgres-pooling"));
    expect(result.tags).toEqual(["connection-pooling"]);
    expect(result.category).toBe("Backend");
    expect(custom.id).toMatch(/^extractive@2\+vocabulary\.[0-9a-f]{8}$/);
  });

  it("rejects a custom vocabulary with every problem named", () => {
    const vocabulary = [
      { tag: "Big Data", synonyms: [] },
      { tag: "spark", category: "Data" as "Backend", broader: "big-data", synonyms: [] },
    ];
    expect(() => createExtractiveSummarizer({ vocabulary })).toThrow(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringMatching(
          /vocabulary\[0\]\.tag: "Big Data".*\n.*vocabulary\[1\]\.category: "Data".*\n.*vocabulary\[1\]\.broader: "big-data"/,
        ),
      }),
    );
  });
});
