import type { Context } from "../pipeline/context.js";
import { GazetteError } from "../shared/errors.js";
import type { ArticleSummaryRow } from "../store/index.js";

/** The article with this id (as typed on the command line), or an error saying how to find one. */
export async function findArticle(ctx: Context, raw: string): Promise<ArticleSummaryRow> {
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) {
    throw new GazetteError("USAGE", `"${raw}" is not an article id (see gazette article list)`);
  }
  const article = await ctx.store.articleLookup.byId(id);
  if (!article) throw new GazetteError("NOT_FOUND", `no article ${id} (see gazette article list)`);
  return article;
}
