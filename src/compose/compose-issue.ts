import type { ListConfig } from "../config/index.js";
import { chooseNextArticles } from "./choose-next-articles.js";
import type { ComposeStore, Issue } from "./ports.js";

/** What compose did; `composed` counts what the run report shows. */
export type ComposeResult =
  | {
      kind: "composed";
      issue: Issue;
      articleCount: number;
      /** Entries of "Also published" (title-only or no summary). */
      alsoPublished: number;
      /** Articles folded into another card's story ("Also covered by"). */
      merged: number;
      /** Articles whose story an earlier issue already told. */
      repeats: number;
      /** Candidates left out for their language. */
      otherLanguages: number;
    }
  | { kind: "resumed"; issue: Issue }
  | { kind: "skipped"; reason: string };

/**
 * Composes the list's next issue from the articles first seen since its previous issue (the
 * first issue looks back `lookback`), dated within `lookback`, as `chooseIssue` chooses them.
 * An issue that is composed but not yet fully sent is resumed instead of composing another.
 */
export async function composeIssue(
  store: ComposeStore,
  list: ListConfig,
  listId: number,
  now: Date,
): Promise<ComposeResult> {
  const unfinished = await store.issueDrafts.unfinished(listId);
  if (unfinished) return { kind: "resumed", issue: unfinished };

  const { after, notBefore, entries, choice } = await chooseNextArticles(
    store.articleChoices,
    list,
    listId,
    now,
  );
  const shown = choice.cards.length + choice.alsoPublished.length;
  if (shown === 0 || shown < list.minArticles) {
    const count = shown === 1 ? "1 new article" : `${shown} new articles`;
    return {
      kind: "skipped",
      reason: `${count} since the last issue (minimum ${Math.max(1, list.minArticles)})`,
    };
  }
  const issue = await store.issueDrafts.create({
    listId,
    periodStart: after ?? notBefore,
    periodEnd: now,
    articleIds: choice.cards,
    entries,
    now,
  });
  return {
    kind: "composed",
    issue,
    articleCount: choice.cards.length,
    alsoPublished: choice.alsoPublished.length,
    merged: choice.merged.length,
    repeats: choice.repeats.length,
    otherLanguages: choice.otherLanguages,
  };
}
