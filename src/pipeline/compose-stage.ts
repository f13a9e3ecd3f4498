import { type ComposeResult, composeIssue } from "../compose/compose-issue.js";
import type { ListConfig } from "../config/index.js";
import type { Context } from "./context.js";
import { listNumber } from "./find-list.js";

/** compose: the list's next issue, or the unfinished one. */
export async function composeStage(ctx: Context, list: ListConfig): Promise<ComposeResult> {
  return composeIssue(ctx.store, list, listNumber(ctx, list), ctx.clock.now());
}
