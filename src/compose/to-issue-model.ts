import { webVersionUrl } from "../audience/links.js";
import type { Config, ListConfig } from "../config/index.js";
import type { ArticleModel, IssueModel } from "../render/types.js";
import type { IssueArticleRow, IssueRow } from "../store/index.js";
import { readStringArray } from "../store/json.js";

/** Turns stored rows into the plain data the templates see. */
export function toIssueModel(
  config: Config,
  list: ListConfig,
  issue: IssueRow,
  rows: IssueArticleRow[],
): IssueModel {
  const logos = new Map(config.feeds.map((feed) => [feed.url, feed.logoUrl]));
  const articles = rows.map((row) => ({
    ...toArticleModel(row),
    sourceLogoUrl: logos.get(row.feed_url),
  }));
  return {
    newsletter: {
      name: config.newsletter.name,
      baseUrl: config.newsletter.baseUrl,
      language: config.newsletter.language,
      postalAddress: config.newsletter.postalAddress,
      logoUrl: config.newsletter.logoUrl,
    },
    list: {
      id: list.id,
      name: list.name,
      description: list.description,
      groupByCategory: list.groupByCategory,
    },
    issue: {
      number: issue.number,
      periodStart: coveredFrom(new Date(issue.period_start), articles),
      periodEnd: new Date(issue.period_end),
      webUrl: webVersionUrl(config.newsletter.baseUrl, list.id, issue.number),
      // The editor's words for this issue, else the list's standing intro.
      intro: issue.intro ?? list.intro,
    },
    articles,
  };
}

/** The start of the period the header shows: no earlier than the oldest article in the issue. */
function coveredFrom(periodStart: Date, articles: ArticleModel[]): Date {
  const dates = articles.flatMap((a) => (a.publishedAt ? [a.publishedAt.getTime()] : []));
  return dates.length === 0
    ? periodStart
    : new Date(Math.max(periodStart.getTime(), Math.min(...dates)));
}

function toArticleModel(row: IssueArticleRow): ArticleModel {
  return {
    id: row.article_id,
    title: row.title,
    // The canonical URL: the original link without tracking parameters.
    url: row.canonical_url,
    source: row.feed_name ?? row.feed_title ?? hostOf(row.feed_url),
    publishedAt: new Date(row.published_at ?? row.first_seen_at),
    category: row.category ?? "Engineering",
    readMinutes: row.read_minutes ?? 0,
    // An article whose summary failed still goes out, with its title standing alone.
    summary: row.summary ?? "",
    why: row.why ?? "",
    tags: readStringArray(row.tags),
    ...(row.confidence !== null ? { confidence: row.confidence } : {}),
    ...(row.method !== null ? { method: row.method } : {}),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
