import type { Config, ListConfig } from "../config/index.js";
import type { IssueModel } from "../render/index.js";
import type { IssueArticleRow, IssueEntry, IssueRow, Store } from "../store/index.js";
import { chooseNextArticles, type NextArticles } from "./choose-next-articles.js";
import { toIssueModel } from "./to-issue-model.js";

/** What the preview shows for a list: a stored issue, or the next one as it would be composed now. */
export type IssuePreview =
  | { kind: "stored"; issue: IssueRow; model: IssueModel }
  | {
      kind: "next";
      issue: IssueRow;
      rows: IssueArticleRow[];
      choice: NextArticles["choice"];
      model: IssueModel;
    }
  | { kind: "empty"; reason: string };

/**
 * The list's next issue without saving anything: its unfinished draft when there is one (that is
 * the next issue), else the articles `composeIssue` would choose now, numbered last + 1, as an
 * issue row with id 0 that is stored nowhere (the preview, `run --dry-run`).
 */
export async function previewIssue(
  store: Store,
  config: Config,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<IssuePreview> {
  const unfinished = await store.issues.unfinished(listId);
  if (unfinished) return storedPreview(store, config, list, unfinished);
  const next = await chooseNextArticles(store.articleChoices, list, listId, now);
  if (next.entries.length === 0)
    return { kind: "empty", reason: "no new article since the last issue" };
  const latest = await store.issues.latest(listId);
  const issue: IssueRow = {
    id: 0,
    list_id: listId,
    number: (latest?.number ?? 0) + 1,
    period_start: (next.after ?? next.notBefore).toISOString(),
    period_end: now.toISOString(),
    status: "draft",
    subject: "",
    created_at: now.toISOString(),
    sent_at: null,
    paused_at: null,
    approved_at: null,
    intro: null,
    cancelled_at: null,
    cancel_reason: null,
  };
  const rows = await articleRowsOf(store, next.entries);
  return {
    kind: "next",
    issue,
    rows,
    choice: next.choice,
    model: toIssueModel(config, list, issue, rows),
  };
}

/** A stored issue (draft or past) as the preview shows it. */
export async function storedPreview(
  store: Store,
  config: Config,
  list: ListConfig,
  issue: IssueRow,
): Promise<IssuePreview> {
  const rows = await store.issues.articles(issue.id);
  return { kind: "stored", issue, model: toIssueModel(config, list, issue, rows) };
}

/**
 * The rows `IssueRepo.articles` would give for these articles once composed: the newest
 * enrichment of the current content, the editor's overrides on top. A preview holds at most
 * `maxArticles`, so a few small reads per article cost nothing worth a new query.
 */
async function articleRowsOf(store: Store, entries: IssueEntry[]): Promise<IssueArticleRow[]> {
  const feeds = new Map((await store.feeds.all()).map((feed) => [feed.id, feed]));
  const rows: IssueArticleRow[] = [];
  for (const [position, { articleId: id, kind, storyOf }] of entries.entries()) {
    const article = await store.articles.byId(id);
    const feed = article && feeds.get(article.feed_id);
    if (!article || !feed) continue;
    const enrichment = (await store.articleLookup.enrichments(id)).find(
      (row) => row.content_hash === article.content_hash,
    );
    const override = await store.overrides.of(id);
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
