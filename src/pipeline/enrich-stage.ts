import { parseDuration } from "../config/index.js";
import {
  createSummarizer,
  type EnrichOptions,
  type EnrichReport,
  enrichArticles,
  type Summarizer,
} from "../enrich/index.js";
import type { Context } from "./context.js";

/**
 * enrich: summarize the articles any list could still use (within the longest look-back) with
 * the configured summarizer; `force` redoes those already done, `articleId` picks one article,
 * `articles` takes those (a worker's claim).
 */
export function enrichStage(
  ctx: Context,
  options: Pick<EnrichOptions, "force" | "articleId" | "articles"> = {},
): Promise<EnrichReport> {
  return enrichArticles(ctx.store.enrichments, openSummarizer(ctx), {
    ...options,
    since: enrichSince(ctx),
    now: () => ctx.clock.now(),
  });
}

/** The oldest date any list could still use (the longest look-back): enrich leaves older ones. */
export function enrichSince(ctx: Context): Date {
  const longest = Math.max(...ctx.config.lists.map((list) => parseDuration(list.lookback)));
  return new Date(ctx.clock.now().getTime() - longest);
}

/** The configured summarizer; a new one carries a new run budget (summarizer.maxArticles…). */
export function openSummarizer(ctx: Context): Summarizer {
  return createSummarizer(ctx.config.summarizer, {
    env: ctx.env,
    templatesDir: ctx.loaded.templatesDir,
  });
}
