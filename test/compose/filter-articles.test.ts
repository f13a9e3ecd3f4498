import { describe, expect, it } from "vitest";
import { type Candidate, filterArticles } from "../../src/compose/filter-articles.js";
import { parseConfigText } from "../../src/config/index.js";

/** A candidate with defaults; tests name only what matters to them. */
function article(overrides: Partial<Candidate> & { id: number }): Candidate {
  return { feedId: 1, title: "An article", text: "Some text.", topics: [], ...overrides };
}

const ARTICLES: Candidate[] = [
  article({
    id: 1,
    title: "Scaling Postgres to a billion rows",
    topics: ["Backend", "postgresql"],
  }),
  article({
    id: 2,
    title: "Our Kubernetes upgrade",
    text: "We moved to k8s 1.30.",
    topics: ["Infrastructure"],
  }),
  article({ id: 3, title: "We're hiring!", text: "Join our team.", topics: ["Culture"] }),
  article({
    id: 4,
    title: "LLM evals in CI",
    text: "How we test prompts with GPT-4.",
    topics: ["AI"],
  }),
];

const NO_FILTERS = { include: [], exclude: [], categories: [] };

describe("filterArticles", () => {
  it.each([
    ["no filters keep everything", NO_FILTERS, [1, 2, 3, 4]],
    [
      "a keyword is case-insensitive, in title or text",
      { ...NO_FILTERS, include: ["POSTGRES", "k8s"] },
      [1, 2],
    ],
    ["a regex with flags", { ...NO_FILTERS, include: ["/gpt-\\d/i"] }, [4]],
    ["a regex is case-sensitive without i", { ...NO_FILTERS, include: ["/gpt-\\d/"] }, []],
    ["exclude wins over include", { ...NO_FILTERS, include: ["we"], exclude: ["hiring"] }, [2, 4]],
    [
      "categories match the category or a tag",
      { ...NO_FILTERS, categories: ["ai", "PostgreSQL"] },
      [1, 4],
    ],
    [
      "a global flag does not make matching stateful",
      { ...NO_FILTERS, include: ["/e/g"] },
      [1, 2, 3, 4],
    ],
  ])("%s", (_name, filters, ids) => {
    expect(filterArticles(ARTICLES, filters).map((a) => a.id)).toEqual(ids);
  });
});

describe("list filters in the config", () => {
  const config = (
    filters: string,
  ) => `newsletter: { name: N, baseUrl: "https://n.example.com", postalAddress: P }
sender: { from: "N <n@n.example.com>" }
feeds:
  - url: https://a.example.com/feed
    tags: [ml]
lists:
  - id: weekly
    name: Weekly
    feeds: { tags: [ml] }
    maxPerSource: 2
    languages: [en]
    filters:
${filters}
`;

  it("loads keywords, regexes and categories", () => {
    const parsed = parseConfigText(
      config("      include: [kafka, '/rust(lang)?/i']\n      categories: [AI]"),
      "g.yaml",
      {},
    );
    expect(parsed.lists[0]).toMatchObject({
      feeds: { tags: ["ml"] },
      maxPerSource: 2,
      languages: ["en"],
      topicFallback: "none",
      overview: true,
      textFragments: true,
      maxAlsoPublished: 10,
      filters: { include: ["kafka", "/rust(lang)?/i"], exclude: [], categories: ["AI"] },
    });
  });

  it("names the file, line and key of an invalid regular expression", () => {
    expect(() => parseConfigText(config("      exclude: [ok, '/a(b/']"), "g.yaml", {})).toThrow(
      /g\.yaml:\d+ lists\[0\]\.filters\.exclude\[1\]: is not a valid regular expression/,
    );
  });
});
