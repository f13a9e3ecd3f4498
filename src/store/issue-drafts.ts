import type { IssueArticle, IssueDrafts, IssueEntry } from "../compose/ports.js";
import type { ArticleLookupRepo } from "./article-lookup.js";
import type { ArticleRepo } from "./articles.js";
import type { FeedRepo } from "./feeds.js";
import type { IssueArticleRow, IssueRepo } from "./issues.js";
import { readSources, readStringArray } from "./json.js";
import type { OverrideRepo } from "./overrides.js";

/** Compose's port for its issues: the issue repo's, its article rows mapped to compose's types. */
export function createIssueDrafts(
  issues: IssueRepo,
  feeds: FeedRepo,
  articles: ArticleRepo,
  lookup: ArticleLookupRepo,
  overrides: OverrideRepo,
): IssueDrafts {
  return {
    unfinished: (listId) => issues.unfinished(listId),
    latestNumber: async (listId) => (await issues.latest(listId))?.number ?? 0,
    create: (issue) => issues.create(issue),
    articles: async (issueId) => (await issues.articles(issueId)).map(issueArticleOf),
    articlesOf: async (entries) =>
      (await articleRowsOf(feeds, articles, lookup, overrides, entries)).map(issueArticleOf),
  };
}

function issueArticleOf(row: IssueArticleRow): IssueArticle {
  return {
    articleId: row.article_id,
    position: row.position,
    title: row.title,
    url: row.url,
    canonicalUrl: row.canonical_url,
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    firstSeenAt: new Date(row.first_seen_at),
    feed: { name: row.feed_name, title: row.feed_title, url: row.feed_url },
    summary: row.summary,
    why: row.why,
    tags: readStringArray(row.tags),
    category: row.category,
    readMinutes: row.read_minutes,
    language: row.language,
    method: row.method,
    confidence: row.confidence,
    sources: readSources(row.sources),
    enrichmentSummary: row.enrichment_summary,
    enrichmentWhy: row.enrichment_why,
    contentText: row.content_text,
    kind: row.kind,
    storyOf: row.story_of,
  };
}

/**
 * The rows `IssueRepo.articles` would give for these articles once composed: the newest
 * enrichment of the current content, the editor's overrides on top. A preview holds at most
 * `maxArticles`, so a few small reads per article cost nothing worth a new query.
 */
async function articleRowsOf(
  feedRepo: FeedRepo,
  articleRepo: ArticleRepo,
  lookup: ArticleLookupRepo,
  overrides: OverrideRepo,
  entries: IssueEntry[],
): Promise<IssueArticleRow[]> {
  const feeds = new Map((await feedRepo.all()).map((feed) => [feed.id, feed]));
  const rows: IssueArticleRow[] = [];
  for (const [position, { articleId: id, kind, storyOf }] of entries.entries()) {
    const article = await articleRepo.byId(id);
    const feed = article && feeds.get(article.feed_id);
    if (!article || !feed) continue;
    const enrichment = (await lookup.enrichments(id)).find(
      (row) => row.content_hash === article.content_hash,
    );
    const override = await overrides.of(id);
    rows.push({
      article_id: id,
      position,
      title: article.title,
      url: article.url,
      canonical_url: article.canonical_url,
      published_at: article.published_at,
      first_seen_at: article.first_seen_at,
      feed_name: feed.name,
      feed_title: feed.title,
      feed_url: feed.url,
      summary: override?.summary ?? enrichment?.summary ?? null,
      why: override?.why ?? enrichment?.why ?? null,
      tags: override?.tags ?? enrichment?.tags ?? null,
      category: enrichment?.category ?? null,
      read_minutes: enrichment?.read_minutes ?? null,
      language: article.language,
      method: enrichment?.method ?? null,
      confidence: enrichment?.confidence ?? null,
      sources: enrichment?.sources ?? null,
      enrichment_summary: enrichment?.summary ?? null,
      enrichment_why: enrichment?.why ?? null,
      content_text: article.content_text,
      kind,
      story_of: storyOf ?? null,
    });
  }
  return rows;
}
