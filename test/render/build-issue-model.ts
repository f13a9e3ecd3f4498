import type { ArticleModel, IssueModel, Recipient } from "../../src/render/index.js";

/** An article with readable defaults; `n` keeps titles and URLs distinct. */
export function buildArticle(n: number, overrides: Partial<ArticleModel> = {}): ArticleModel {
  return {
    id: n,
    title: `Scaling queue workers, part ${n}`,
    url: `https://blog.example.com/posts/${n}?utm_source=rss&ref=feed`,
    source: "Example Engineering",
    publishedAt: new Date(Date.UTC(2026, 10, 20 - n)),
    category: "Infrastructure",
    readMinutes: 3 + n,
    summary: `How the team cut p99 latency of job pickup by ${10 * n}% with batched claims.`,
    why: "Claiming work in batches is a cheap win for any queue backed by a relational database.",
    tags: ["queues", "postgres"],
    ...overrides,
  };
}

/** A three-article issue of the "Weekly Digest" list unless told otherwise. */
export function buildIssueModel(overrides: Partial<IssueModel> = {}): IssueModel {
  return {
    newsletter: {
      name: "Gazette Demo",
      baseUrl: "https://news.example.org",
      language: "en",
      postalAddress: "Example Media, 1 Main Street, Springfield 12345",
    },
    list: { id: "weekly", name: "Weekly Digest" },
    issue: {
      number: 42,
      periodStart: new Date("2026-11-09T00:00:00Z"),
      periodEnd: new Date("2026-11-22T00:00:00Z"),
      webUrl: "https://news.example.org/archive/weekly/42.html",
    },
    articles: [buildArticle(1), buildArticle(2), buildArticle(3)],
    ...overrides,
  };
}

export function buildRecipient(n: number, overrides: Partial<Recipient> = {}): Recipient {
  return {
    email: `reader${n}@example.net`,
    name: `Reader ${n}`,
    unsubscribeUrl: `https://news.example.org/unsubscribe/tok${n}?a=1&b=2`,
    preferencesUrl: `https://news.example.org/preferences/tok${n}`,
    ...overrides,
  };
}

export const TEMPLATES_DIR = "templates";
export const SUBJECT = "{{newsletter.name}} #{{issue.number}}: {{issue.lead.title}}";
