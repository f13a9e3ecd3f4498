import { describeError } from "../shared/errors.js";
import type { Store } from "../store/index.js";
import { readStringArray } from "../store/json.js";
import { clipText } from "./clip-text.js";
import { countReadMinutes } from "./count-read-minutes.js";
import type { Summarizer } from "./types.js";

/** Stored when the summarizer fails, so the article still goes out; retried on the next run. */
const FALLBACK_ID = "fallback@1";

export interface EnrichReport {
  enriched: number;
  /** Articles the summarizer failed on; each got a plain fallback so the issue still goes out. */
  failed: { articleId: number; title: string; error: string }[];
}

/** Summarizes every article dated since `since` that has no enrichment for its current content. */
export async function enrichArticles(
  store: Store,
  summarizer: Summarizer,
  options: { since: Date; now: () => Date },
): Promise<EnrichReport> {
  const report: EnrichReport = { enriched: 0, failed: [] };
  const articles = await store.articles.needingEnrichment(summarizer.id, options.since);
  for (const article of articles) {
    const base = {
      article_id: article.id,
      content_hash: article.content_hash,
      summarizer: summarizer.id,
    };
    try {
      const summary = await summarizer.summarize({
        title: article.title,
        text: article.content_text,
        url: article.url,
        categories: readStringArray(article.categories),
        feedTags: readStringArray(article.feed_tags),
      });
      await store.articles.saveEnrichment({
        ...base,
        summary: summary.summary,
        why: summary.why,
        tags: summary.tags,
        category: summary.category,
        read_minutes: summary.readMinutes,
        created_at: options.now().toISOString(),
      });
      report.enriched++;
    } catch (error) {
      report.failed.push({
        articleId: article.id,
        title: article.title,
        error: describeError(error),
      });
    }
  }
  return report;
}
