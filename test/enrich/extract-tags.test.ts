import { describe, expect, it } from "vitest";
import { chooseCategory } from "../../src/enrich/choose-category.js";
import { defaultVocabulary } from "../../src/enrich/default-vocabulary.js";
import { createTagExtractor, type TagInput } from "../../src/enrich/extract-tags.js";

const extractTags = createTagExtractor(defaultVocabulary);
const tagsOf = (input: Partial<TagInput>) =>
  extractTags({ title: "", text: "", ...input }).map((tag) => tag.tag);

describe("createTagExtractor with the default vocabulary", () => {
  it.each([
    ["k8s", "Upgrading our k8s clusters", "kubernetes"],
    ["postmortem", "Postmortem of the March outage", "incident"],
    ["p99", "Shaving 40 ms off p99", "performance"],
    ["Postgres", "Tuning autovacuum on Postgres", "postgresql"],
    ["CI/CD", "A faster CI/CD pipeline", "ci-cd"],
    ["plural SLOs", "Writing SLOs people read", "reliability"],
    ["a11y", "An a11y audit of our checkout", "accessibility"],
    ["LLMs", "Evaluating LLMs for code review", "llm"],
  ])("maps %s onto a vocabulary tag", (_name, title, tag) => {
    expect(tagsOf({ title })).toContain(tag);
  });

  it("matches capitalised synonyms only in that case", () => {
    expect(tagsOf({ title: "Migrating our dashboard to React" })).toContain("frontend");
    expect(tagsOf({ title: "How on-call engineers react to alerts" })).not.toContain("frontend");
  });

  it("prefers the longest phrase: an A/B test is an experiment, not a unit test", () => {
    const tags = tagsOf({ title: "Running an A/B test on the signup page" });
    expect(tags).toContain("experimentation");
    expect(tags).not.toContain("testing");
  });

  it("maps feed categories and feed tags, dropping what is not in the vocabulary", () => {
    const tags = tagsOf({ categories: ["Kubernetes", "Company News"], feedTags: ["Security"] });
    expect(tags).toEqual(["security", "kubernetes"]);
  });

  it("gives a broader tag part of its narrower tag's weight", () => {
    expect(tagsOf({ title: "Postgres at scale" })).toEqual(["postgresql", "databases"]);
  });

  it("needs repeated mentions in long text before a word becomes a topic", () => {
    const filler = "The team wrote about its week and the plans it has. ".repeat(40);
    expect(tagsOf({ text: `${filler} We also use Kafka.` })).not.toContain("kafka");
    expect(tagsOf({ text: `${filler} Kafka. Kafka. Kafka. Kafka.` })).toContain("kafka");
  });
});

describe("chooseCategory", () => {
  it.each([
    [[], "Engineering"],
    [[{ tag: "performance", score: 9 }], "Engineering"],
    [[{ tag: "kafka", score: 5, category: "Data Engineering" as const }], "Data Engineering"],
    [
      [
        { tag: "incident", score: 6, category: "Reliability" as const },
        { tag: "kafka", score: 4, category: "Data Engineering" as const },
        { tag: "streaming", score: 3, category: "Data Engineering" as const },
      ],
      "Data Engineering",
    ],
    [
      [
        { tag: "kubernetes", score: 3, category: "Infrastructure" as const },
        { tag: "reliability", score: 3, category: "Reliability" as const },
      ],
      "Infrastructure",
    ],
  ])("%j → %s", (tags, category) => {
    expect(chooseCategory(tags)).toBe(category);
  });
});
