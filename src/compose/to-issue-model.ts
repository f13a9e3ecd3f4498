import { webVersionUrl } from "../audience/index.js";
import type { Config, ListConfig } from "../config/index.js";
import type { ArticleModel, IssueModel, LinkModel } from "../render/index.js";
import { isNamedAsNewsletter } from "../shared/list-name.js";
import type { Issue, IssueArticle } from "./ports.js";
import { textFragmentUrl } from "./text-fragment.js";

/**
 * Turns an issue and its articles into the plain data the templates see: cards (with their "Also covered by"
 * links and text fragments), and the "Also published" lines; repeats are not shown.
 */
export function toIssueModel(
  config: Config,
  list: ListConfig,
  issue: Pick<Issue, "number" | "periodStart" | "periodEnd" | "intro">,
  rows: IssueArticle[],
): IssueModel {
  const logos = new Map(config.feeds.map((feed) => [feed.url, feed.logoUrl]));
  const hasFragments = list.textFragments !== false;
  const articles = rows
    .filter((row) => row.kind === "card")
    .map((row) => ({
      ...toArticleModel(row, hasFragments),
      sourceLogoUrl: logos.get(row.feed.url),
      alsoCoveredBy: rows
        .filter((other) => other.kind === "merged" && other.storyOf === row.articleId)
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
      namedAsNewsletter: isNamedAsNewsletter(list.name, config.newsletter.name),
      description: list.description,
      groupByCategory: list.groupByCategory,
      overview: list.overview,
    },
    issue: {
      number: issue.number,
      periodStart: coveredFrom(issue.periodStart, articles),
      periodEnd: issue.periodEnd,
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

function toLinkModel(row: IssueArticle): LinkModel {
  return {
    title: row.title,
    url: row.canonicalUrl,
    source: sourceOf(row),
    publishedAt: row.publishedAt ?? row.firstSeenAt,
  };
}

function sourceOf(row: IssueArticle): string {
  return row.feed.name ?? row.feed.title ?? hostOf(row.feed.url);
}

function toArticleModel(row: IssueArticle, hasFragments: boolean): ArticleModel {
  const sources = hasFragments ? row.sources : null;
  // An editor's words are not the article's: no passage to point to.
  const fragment = (
    sentences: string[] | undefined,
    shown: string | null,
    stored: string | null,
  ) =>
    sentences && sentences.length > 0 && shown && shown === stored
      ? { url: textFragmentUrl(row.canonicalUrl, sentences, row.contentText) }
      : undefined;
  const summaryLink = fragment(sources?.summary, row.summary, row.enrichmentSummary);
  const whyLink = fragment(sources?.why, row.why, row.enrichmentWhy);
  return {
    id: row.articleId,
    title: row.title,
    // The canonical URL: the original link without tracking parameters.
    url: row.canonicalUrl,
    source: sourceOf(row),
    publishedAt: row.publishedAt ?? row.firstSeenAt,
    category: row.category ?? "Engineering",
    readMinutes: row.readMinutes ?? 0,
    // An article whose summary failed still goes out, with its title standing alone.
    summary: row.summary ?? "",
    why: row.why ?? "",
    tags: row.tags,
    ...(row.confidence !== null ? { confidence: row.confidence } : {}),
    ...(row.method !== null ? { method: row.method } : {}),
    ...(summaryLink && summaryLink.url !== row.canonicalUrl && { summaryUrl: summaryLink.url }),
    ...(whyLink && whyLink.url !== row.canonicalUrl && { whyUrl: whyLink.url }),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
