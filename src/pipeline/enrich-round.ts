import type { EnrichReport } from "../enrich/index.js";
import type { Context } from "./context.js";
import { enrichSince, enrichStage } from "./enrich-stage.js";

/** What a worker's enrich claims with. */
export interface ArticleClaim {
  /** The configured summarizer's id: articles it has not summarized are the ones to claim. */
  summarizerId: string;
  /** Articles claimed at a time. */
  batchSize: number;
  leaseMs: number;
}

/**
 * A worker's enrich: claims a batch of articles needing a summary (SKIP LOCKED on PostgreSQL,
 * with a lease), summarizes them as `gazette enrich` would, and releases them; undefined when
 * none was waiting. Each batch is a run for the summarizer's budget (maxArticles, maxTokens).
 */
export async function enrichRound(
  ctx: Context,
  claim: ArticleClaim,
): Promise<EnrichReport | undefined> {
  const articles = await ctx.store.enrichments.claimForEnrichment(
    claim.summarizerId,
    enrichSince(ctx),
    claim.batchSize,
    ctx.clock.now(),
    claim.leaseMs,
  );
  const leaseUntil = articles[0]?.enrichLeaseUntil;
  if (!leaseUntil) return undefined;
  const ids = articles.map((article) => article.id);
  let report: EnrichReport;
  try {
    report = await enrichStage(ctx, { articles });
  } catch (error) {
    await ctx.store.enrichments.releaseEnrichment(ids, leaseUntil);
    throw error;
  }
  // An article the model failed on (or was over budget for) still lacks this summarizer's
  // enrichment: it keeps its lease, so it is tried again once the lease passes, not every round.
  const retryLater = new Set(
    [...report.failed, ...report.fallbacks].map((article) => article.articleId),
  );
  await ctx.store.enrichments.releaseEnrichment(
    ids.filter((id) => !retryLater.has(id)),
    leaseUntil,
  );
  return report;
}
