import type { Config, ListConfig } from "../config/index.js";
import type { IssueModel } from "../render/index.js";
import { chooseNextArticles, type NextArticles } from "./choose-next-articles.js";
import type { ComposeStore, Issue, IssueArticle, IssueDrafts } from "./ports.js";
import { toIssueModel } from "./to-issue-model.js";

/** What the preview shows for a list: a stored issue, or the next one as it would be composed now. */
export type IssuePreview =
  | { kind: "stored"; issue: Issue; model: IssueModel }
  | {
      kind: "next";
      issue: Issue;
      articles: IssueArticle[];
      choice: NextArticles["choice"];
      model: IssueModel;
    }
  | { kind: "empty"; reason: string };

/**
 * The list's next issue without saving anything: its unfinished draft when there is one (that is
 * the next issue), else the articles `composeIssue` would choose now, numbered last + 1, as an
 * issue with id 0 that is stored nowhere (the preview, `run --dry-run`).
 */
export async function previewIssue(
  store: ComposeStore,
  config: Config,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<IssuePreview> {
  const unfinished = await store.issueDrafts.unfinished(listId);
  if (unfinished) return storedPreview(store.issueDrafts, config, list, unfinished);
  const next = await chooseNextArticles(store.articleChoices, list, listId, now);
  if (next.entries.length === 0)
    return { kind: "empty", reason: "no new article since the last issue" };
  const issue: Issue = {
    id: 0,
    listId,
    number: (await store.issueDrafts.latestNumber(listId)) + 1,
    periodStart: next.after ?? next.notBefore,
    periodEnd: now,
    status: "draft",
    subject: "",
    createdAt: now,
    sentAt: null,
    pausedAt: null,
    approvedAt: null,
    intro: null,
    cancelledAt: null,
    cancelReason: null,
  };
  const articles = await store.issueDrafts.articlesOf(next.entries);
  return {
    kind: "next",
    issue,
    articles,
    choice: next.choice,
    model: toIssueModel(config, list, issue, articles),
  };
}

/** A stored issue (draft or past) as the preview shows it. */
export async function storedPreview(
  drafts: IssueDrafts,
  config: Config,
  list: ListConfig,
  issue: Issue,
): Promise<IssuePreview> {
  const articles = await drafts.articles(issue.id);
  return { kind: "stored", issue, model: toIssueModel(config, list, issue, articles) };
}
