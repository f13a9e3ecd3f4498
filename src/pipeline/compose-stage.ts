import { type ComposeResult, composeIssue, previewIssue } from "../compose/index.js";
import type { IssueArticle } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import { type IssueRow, issueRowOf } from "../store/index.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";

/** What compose gives, its issue as the stages after it take it (a row). */
export type ComposeOutcome =
  | Exclude<ComposeResult, { kind: "composed" | "resumed" }>
  | (Omit<Extract<ComposeResult, { kind: "composed" }>, "issue"> & { issue: IssueRow })
  | { kind: "resumed"; issue: IssueRow };

/** compose: the list's next issue, or the unfinished one. */
export async function composeStage(ctx: Context, list: ListConfig): Promise<ComposeOutcome> {
  const result = await composeIssue(ctx.store, list, listNumber(ctx, list), ctx.clock.now());
  return result.kind === "skipped" ? result : { ...result, issue: issueRowOf(result.issue) };
}

/** What compose gives, with the articles of a dry run's issue (which is not stored). */
export type DryRunCompose =
  | Exclude<ComposeOutcome, { kind: "composed" }>
  | (Extract<ComposeOutcome, { kind: "composed" }> & { articles?: IssueArticle[] });

/** compose for `run --dry-run`: the unfinished issue, else the next one as compose would make it now, saved nowhere. */
export async function composeForDryRun(ctx: Context, list: ListConfig): Promise<DryRunCompose> {
  const id = listNumber(ctx, list);
  const next = await previewIssue(ctx.store, ctx.config, list, id, ctx.clock.now());
  if (next.kind === "stored") return { kind: "resumed", issue: issueRowOf(next.issue) };
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
    issue: issueRowOf(next.issue),
    articleCount: choice.cards.length,
    alsoPublished: choice.alsoPublished.length,
    merged: choice.merged.length,
    repeats: choice.repeats.length,
    otherLanguages: choice.otherLanguages,
    articles: next.articles,
  };
}
