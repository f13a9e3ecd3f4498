import { type ComposeResult, composeIssue, previewIssue } from "../compose/index.js";
import type { IssueArticle } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";

/** compose: the list's next issue, or the unfinished one. */
export function composeStage(ctx: Context, list: ListConfig): Promise<ComposeResult> {
  return composeIssue(ctx.store, list, listNumber(ctx, list), ctx.clock.now());
}

/** What compose gives, with the articles of a dry run's issue (which is not stored). */
export type DryRunCompose =
  | Exclude<ComposeResult, { kind: "composed" }>
  | (Extract<ComposeResult, { kind: "composed" }> & { articles?: IssueArticle[] });

/** compose for `run --dry-run`: the unfinished issue, else the next one as compose would make it now, saved nowhere. */
export async function composeForDryRun(ctx: Context, list: ListConfig): Promise<DryRunCompose> {
  const id = listNumber(ctx, list);
  const next = await previewIssue(ctx.store, ctx.config, list, id, ctx.clock.now());
  if (next.kind === "stored") return { kind: "resumed", issue: next.issue };
  const choice = next.kind === "next" ? next.choice : undefined;
  const shown = choice ? choice.cards.length + choice.alsoPublished.length : 0;
  if (next.kind !== "next" || !choice || shown === 0 || shown < list.minArticles) {
    const articles = shown === 1 ? "1 new article" : `${shown} new articles`;
    return {
      kind: "skipped",
      reason: `${articles} since the last issue (minimum ${Math.max(1, list.minArticles)})`,
    };
  }
  return {
    kind: "composed",
    issue: next.issue,
    articleCount: choice.cards.length,
    alsoPublished: choice.alsoPublished.length,
    merged: choice.merged.length,
    repeats: choice.repeats.length,
    otherLanguages: choice.otherLanguages,
    articles: next.articles,
  };
}
