import type { ListConfig } from "../config/index.js";
import { parseDuration } from "../config/index.js";
import type { IssueRow, Store } from "../store/index.js";
import { feedsOfList } from "./feeds-of-list.js";

export type ComposeResult =
  | { kind: "composed"; issue: IssueRow; articleCount: number }
  | { kind: "resumed"; issue: IssueRow }
  | { kind: "skipped"; reason: string };

/**
 * Composes the list's next issue: the articles first seen since its previous issue (the first
 * issue looks back `lookback`), dated within `lookback`, newest first, at most `maxArticles`.
 * An issue that is composed but not yet fully sent is resumed instead of composing another.
 */
export async function composeIssue(
  store: Store,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<ComposeResult> {
  const unfinished = await store.issues.unfinished(listId);
  if (unfinished) return { kind: "resumed", issue: unfinished };

  const previous = await store.issues.latest(listId);
  const notBefore = new Date(now.getTime() - parseDuration(list.lookback));
  const after = previous ? new Date(previous.period_end) : undefined;
  const feedIds = feedsOfList(list, await store.feeds.all()).map((feed) => feed.id);
  const articles = await store.articles.candidates({
    feedIds,
    listId,
    after,
    until: now,
    notBefore,
    limit: list.maxArticles,
  });
  if (articles.length === 0 || articles.length < list.minArticles) {
    const count = articles.length === 1 ? "1 new article" : `${articles.length} new articles`;
    return {
      kind: "skipped",
      reason: `${count} since the last issue (minimum ${Math.max(1, list.minArticles)})`,
    };
  }
  const issue = await store.issues.create({
    listId,
    periodStart: after ?? notBefore,
    periodEnd: now,
    articleIds: articles.map((article) => article.id),
    now,
  });
  return { kind: "composed", issue, articleCount: articles.length };
}
