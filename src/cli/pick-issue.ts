import type { Issue } from "../compose/ports.js";
import type { ListConfig } from "../config/index.js";
import type { Context } from "../pipeline/context.js";
import { listNumber } from "../pipeline/find-list.js";
import { GazetteError } from "../shared/errors.js";

/** Issue N of the list, or (without N) its unfinished issue, or its latest one. */
export async function pickIssue(ctx: Context, list: ListConfig, number?: string): Promise<Issue> {
  const id = listNumber(ctx, list);
  if (number !== undefined) {
    const n = Number(number);
    if (!Number.isInteger(n) || n < 1)
      throw new GazetteError(
        "USAGE",
        `"${number}" is not an issue number (a whole number from 1; see gazette lists)`,
      );
    return ctx.store.issues.byNumberOrThrow(id, list.id, n);
  }
  const issue = (await ctx.store.issues.unfinished(id)) ?? (await ctx.store.issues.latest(id));
  if (!issue)
    throw new GazetteError(
      "ISSUE_NOT_FOUND",
      `list ${list.id} has no issue yet; run "gazette compose" first`,
    );
  return issue;
}
