import { describe, expect, it } from "vitest";
import { chooseCategory } from "../../src/enrich/choose-category.js";
import { defaultVocabulary } from "../../src/enrich/default-vocabulary.js";
import {
  createTagExtractor,
  type ScoredTag,
  type TagInput,
} from "../../src/enrich/extract-tags.js";
import type { Category } from "../../src/enrich/vocabulary.js";

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

  it("in a title where every word is capitalised, asks the text to name the capitalised word too", () => {
    const incidents = "When the pager goes off, engineers react within minutes. ".repeat(3);
    expect(
      tagsOf({ title: "How On-Call Engineers React to Alerts", text: incidents }),
    ).not.toContain("frontend");
    expect(tagsOf({ title: "The Swift Path to Production", text: incidents })).not.toContain(
      "mobile",
    );
    const dashboard = "The new dashboard is written in React; React hooks replaced our classes.";
    expect(tagsOf({ title: "Migrating Our Dashboard to React", text: dashboard })).toContain(
      "frontend",
    );
    // An acronym is capitalised in any title, and a sentence-case title keeps its capitals' sense.
    expect(tagsOf({ title: "Designing An API For Everyone" })).toContain("api");
    expect(tagsOf({ title: "Why we moved the app to Swift" })).toContain("mobile");
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

  it("takes no single mention for a topic, even in a short text", () => {
    const text = "A bug-fix release. Fix MediaType when reading images from cache. Fix a panic.";
    expect(tagsOf({ text })).toEqual([]);
    expect(tagsOf({ text: `${text} The cache is now cleared on restart.` })).toEqual(["caching"]);
  });

  it("asks a long text for one mention per 150 words, up to eight", () => {
    const words = (count: number) =>
      "Our community shipped many things this month. ".repeat(count / 7);
    // A round-up of 900 words with four mentions of phones is not about mobile development.
    const roundUp = `${words(882)} Feedback on iOS and Android, and iOS and Android.`;
    expect(tagsOf({ text: roundUp })).not.toContain("mobile");
    // Eight mentions make a topic of a 3,000-word article.
    expect(tagsOf({ text: `${words(2989)} ${"Kafka Streams. ".repeat(8)}` })).toContain("kafka");
  });

  it.each([
    [
      "search",
      "Rebuilding search at Slack",
      "You can search by XPath, search by CSS, and search again.",
    ],
    [
      "testing",
      "Testing at the edge",
      "Help us test the release candidate: testing helps, so test it.",
    ],
    [
      "mobile",
      "Avoiding crashes on mobile",
      "He learned to code on a mobile phone, a mobile he borrowed.",
    ],
    [
      "frontend",
      "Modern CSS layouts",
      "Parse HTML with CSS selectors, any HTML, any CSS, in Ruby.",
    ],
    [
      "observability",
      "Metrics that matter",
      "Table metrics at a glance: metrics show which tables are used, and metrics guide drops.",
    ],
  ])("counts the everyday word for %s in a title, not in running text", (tag, title, text) => {
    expect(tagsOf({ title })).toContain(tag);
    expect(tagsOf({ text })).not.toContain(tag);
  });

  it.each([
    ["search", "Our search results were stale, and search queries timed out."],
    ["testing", "Each test case ran twice; the test runner hid it."],
    ["observability", "We export metrics to Prometheus; Prometheus alerts on the metrics."],
  ])("still counts %s in running text through its specific keyphrases", (tag, text) => {
    expect(tagsOf({ text })).toEqual([tag]);
  });

  it("takes a team's name for no topic: a Test Team's member is no article on testing", () => {
    expect(tagsOf({ categories: ["People of WordPress", "Test Team"] })).toEqual([]);
    expect(tagsOf({ feedTags: ["Security Team"] })).toEqual([]);
    expect(tagsOf({ title: "Meet the Performance Team" })).toEqual([]);
    const text = "The Kafka team met. The Kafka team planned. The Kafka teams agreed.";
    expect(tagsOf({ text })).toEqual([]);
    // The topic itself still counts, in a label, a title or the text.
    expect(tagsOf({ categories: ["Testing", "Team"] })).toEqual(["testing"]);
    expect(tagsOf({ title: "How our team measures performance" })).toEqual(["performance"]);
    expect(tagsOf({ text: `${text} Kafka. Kafka.` })).toContain("kafka");
  });

  it("takes a social network for no computer network: a longer phrase that names no topic", () => {
    const text =
      "A social network for video, with social networking features. Social networks grow.";
    expect(tagsOf({ text })).toEqual([]);
    expect(tagsOf({ title: "Building a social network" })).toEqual([]);
    expect(tagsOf({ text: `${text} The network dropped packets; the network recovered.` })).toEqual(
      ["networking"],
    );
  });

  it("reads a feed's categories and tags in any case: a label is often a lowercase slug", () => {
    expect(tagsOf({ categories: ["s3", "ios"] })).toEqual(["cloud", "mobile"]);
    expect(tagsOf({ feedTags: ["aws"] })).toEqual(["cloud"]);
    expect(tagsOf({ title: "Notes from aws" })).toEqual([]);
  });

  it.each([
    [
      "a first name is not the model",
      { text: "Jean-Claude Bradley posted it. Claude liked it." },
      [],
    ],
    [
      "the model with a second word",
      { text: "We let Claude Code write it. Claude Code did." },
      ["llm", "ai"],
    ],
    [
      "an injection is security",
      { text: "It fixes a SQL injection and a SQL injection." },
      ["security"],
    ],
    [
      "upstream data is no open source",
      { text: "The upstream schema changed. Upstream moved." },
      [],
    ],
    [
      "fine-tuning is any model's",
      { title: "Fine-tuning CLIP on satellite images" },
      ["machine-learning"],
    ],
    [
      "beam search is decoding",
      { title: "Constrained Beam Search in Transformers" },
      ["machine-learning"],
    ],
    ["a language model is one", { title: "How Big Should My Language Model Be?" }, ["llm", "ai"]],
    ["a slug of Vue.js is Vue", { categories: ["vuejs"] }, ["frontend"]],
  ])("keyphrases: %s", (_name, input: Partial<TagInput>, tags) => {
    expect(tagsOf(input)).toEqual(tags);
  });

  it("sees a memory problem in a title as performance", () => {
    expect(tagsOf({ title: "Avoiding Out of Memory Crashes on Mobile" })).toEqual([
      "performance",
      "mobile",
    ]);
  });
});

describe("chooseCategory", () => {
  const tag = (name: string, score: number, category?: Category, own = score): ScoredTag => ({
    tag: name,
    score,
    own,
    ...(category !== undefined ? { category } : {}),
  });

  it.each([
    [[], "Engineering"],
    [[tag("performance", 9)], "Engineering"],
    [[tag("kafka", 5, "Data Engineering")], "Data Engineering"],
    [
      [
        tag("incident", 6, "Reliability"),
        tag("kafka", 4, "Data Engineering"),
        tag("streaming", 3, "Data Engineering"),
      ],
      "Data Engineering",
    ],
    [
      [tag("kubernetes", 3, "Infrastructure"), tag("reliability", 3, "Reliability")],
      "Infrastructure",
    ],
    // Two passing mentions of a word are too little to file an article under a category…
    [[tag("caching", 2, "Backend")], "Engineering"],
    // …and a broader tag's share of them is the same evidence again.
    [[tag("llm", 2, "AI"), tag("ai", 1, "AI", 0)], "Engineering"],
    // It still weighs in the ranking once the article says enough itself.
    [[tag("api", 3, "Backend"), tag("llm", 3, "AI"), tag("ai", 1.5, "AI", 0)], "AI"],
  ])("%j → %s", (tags, category) => {
    expect(chooseCategory(tags)).toBe(category);
  });
});
