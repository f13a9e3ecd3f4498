import { webVersionUrl } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { ArticleModel, IssueModel, LinkModel } from "../render/index.js";
import type { IssueArticleRow, IssueRow } from "../store/index.js";
import { readStringArray } from "../store/index.js";
import { textFragmentUrl } from "./text-fragment.js";

/**
 * Turns stored rows into the plain data the templates see: cards (with their "Also covered by"
 * links and text fragments), and the "Also published" lines; repeats are not shown.
 */
export function toIssueModel(
  config: Config,
  list: ListConfig,
  issue: IssueRow,
  rows: IssueArticleRow[],
): IssueModel {
  const logos = new Map(config.feeds.map((feed) => [feed.url, feed.logoUrl]));
  const hasFragments = list.textFragments !== false;
  const articles = rows
    .filter((row) => row.kind === "card")
    .map((row) => ({
      ...toArticleModel(row, hasFragments),
      sourceLogoUrl: logos.get(row.feed_url),
      alsoCoveredBy: rows
        .filter((other) => other.kind === "merged" && other.story_of === row.article_id)
        .map(toLinkModel),
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
      overview: list.overview,
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
    alsoPublished: rows.filter((row) => row.kind === "also").map(toLinkModel),
  };
}

/** The start of the period the header shows: no earlier than the oldest article in the issue. */
function coveredFrom(periodStart: Date, articles: ArticleModel[]): Date {
  const dates = articles.flatMap((a) => (a.publishedAt ? [a.publishedAt.getTime()] : []));
  return dates.length === 0
    ? periodStart
    : new Date(Math.max(periodStart.getTime(), Math.min(...dates)));
}

function toLinkModel(row: IssueArticleRow): LinkModel {
  return {
    title: row.title,
    url: row.canonical_url,
    source: sourceOf(row),
    publishedAt: new Date(row.published_at ?? row.first_seen_at),
  };
}

function sourceOf(row: IssueArticleRow): string {
  return row.feed_name ?? row.feed_title ?? hostOf(row.feed_url);
}

function toArticleModel(row: IssueArticleRow, hasFragments: boolean): ArticleModel {
  const sources = hasFragments ? readSources(row.sources) : undefined;
  // An editor's words are not the article's: no passage to point to.
  const fragment = (
    sentences: string[] | undefined,
    shown: string | null,
    stored: string | null,
  ) =>
    sentences && sentences.length > 0 && shown && shown === stored
      ? { url: textFragmentUrl(row.canonical_url, sentences, row.content_text) }
      : undefined;
  const summaryLink = fragment(sources?.summary, row.summary, row.enrichment_summary);
  const whyLink = fragment(sources?.why, row.why, row.enrichment_why);
  return {
    id: row.article_id,
    title: row.title,
    // The canonical URL: the original link without tracking parameters.
    url: row.canonical_url,
    source: sourceOf(row),
    publishedAt: new Date(row.published_at ?? row.first_seen_at),
    category: row.category ?? "Engineering",
    readMinutes: row.read_minutes ?? 0,
    // An article whose summary failed still goes out, with its title standing alone.
    summary: row.summary ?? "",
    why: row.why ?? "",
    tags: readStringArray(row.tags),
    ...(row.confidence !== null ? { confidence: row.confidence } : {}),
    ...(row.method !== null ? { method: row.method } : {}),
    ...(summaryLink && summaryLink.url !== row.canonical_url && { summaryUrl: summaryLink.url }),
    ...(whyLink && whyLink.url !== row.canonical_url && { whyUrl: whyLink.url }),
  };
}

function readSources(json: string | null): { summary: string[]; why: string[] } | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as { summary?: unknown; why?: unknown };
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];
    return { summary: strings(parsed.summary), why: strings(parsed.why) };
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
