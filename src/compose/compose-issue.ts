import type { ListConfig } from "../config/index.js";
import type { IssueRow, Store } from "../store/index.js";
import { chooseNextArticles } from "./choose-next-articles.js";

export type ComposeResult =
  | { kind: "composed"; issue: IssueRow; articleCount: number }
  | { kind: "resumed"; issue: IssueRow }
  | { kind: "skipped"; reason: string };

/**
 * Composes the list's next issue: the articles first seen since its previous issue (the first
 * issue looks back `lookback`), dated within `lookback`, newest first, through the list's filters
 * and per-source cap, at most `maxArticles`.
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

  const { after, notBefore, articleIds } = await chooseNextArticles(store, list, listId, now);
  if (articleIds.length === 0 || articleIds.length < list.minArticles) {
    const count = articleIds.length === 1 ? "1 new article" : `${articleIds.length} new articles`;
    return {
      kind: "skipped",
      reason: `${count} since the last issue (minimum ${Math.max(1, list.minArticles)})`,
    };
  }
  const issue = await store.issues.create({
    listId,
    periodStart: after ?? notBefore,
    periodEnd: now,
    articleIds,
    now,
  });
  return { kind: "composed", issue, articleCount: articleIds.length };
}
