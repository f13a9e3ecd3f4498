import type { ArticleModel, IssueModel } from "../../src/render/index.js";
import { buildIssueModel } from "../render/build-issue-model.js";

const SOURCES = [
  { source: "Northwind Engineering", sourceLogoUrl: "https://logos.example/northwind.png" },
  { source: "Lumen Labs", sourceLogoUrl: "https://logos.example/lumen.png" },
  { source: "Quarry Data", sourceLogoUrl: undefined },
  { source: "Orbit Mobile", sourceLogoUrl: "https://logos.example/orbit.png" },
];
const CATEGORIES = ["Infrastructure", "Databases", "AI", "Mobile", "Data Engineering"];

/**
 * A digest like the demo's, with what stresses a layout: a long unbroken word in a title, long
 * summaries and why-it-matters blocks, five tags, logos on most sources.
 */
export function buildDigest(count: number, overrides: Partial<IssueModel> = {}): IssueModel {
  const articles = Array.from({ length: count }, (_, i): ArticleModel => {
    const n = i + 1;
    const from = SOURCES[i % SOURCES.length] as (typeof SOURCES)[number];
    return {
      id: n,
      title:
        n === 2
          ? "Why SELECT_FOR_UPDATE_SKIP_LOCKED_changed_how_we_think_about_queues_entirely matters"
          : `How we cut p99 latency of the payments API from 480 ms to 95 ms, part ${n}`,
      url: `https://blog.example.com/2026/11/${n}/how-we-cut-p99-latency-of-the-payments-api?utm_source=rss`,
      ...from,
      publishedAt: new Date(Date.UTC(2026, 10, 22 - (i % 14))),
      category: CATEGORIES[i % CATEGORIES.length] as string,
      readMinutes: 3 + (i % 9),
      summary:
        "The team traced slow payment confirmations to connection-pool starvation under bursty load, then reworked pooling, retries and timeouts across three services.",
      why: "Pool sizing and retry budgets are where most tail latency hides: the fixes took a week, needed no new hardware, and cut p99 by a factor of five.",
      tags: ["performance", "postgres", "reliability", "backend", "observability"],
    };
  });
  return buildIssueModel({
    newsletter: {
      name: "Gazette Demo Digest",
      baseUrl: "https://news.example.org",
      language: "en",
      postalAddress: "Gazette Demo, 1 Example Street, Springfield, EX 12345",
      logoUrl: "https://logos.example/gazette.png",
    },
    articles,
    ...overrides,
  });
}
