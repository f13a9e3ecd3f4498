import pLimit from "p-limit";
import { describeError } from "../shared/errors.js";
import { clipText } from "./clip-text.js";
import { countReadMinutes } from "./count-read-minutes.js";
import { MAX_CHARS } from "./extractive/summarize-extractively.js";
import { isPersonalBlog } from "./extractive/voice-of.js";
import type { ArticleToEnrich, EnrichmentStore } from "./ports.js";
import type {
  RejectedField,
  SummarizeInput,
  Summarizer,
  Summary,
  TokenUsage,
  UngroundedField,
} from "./types.js";
import { DEFAULT_CATEGORY } from "./vocabulary.js";

/** Stored when the summarizer fails, so the article still goes out; retried on the next run. */
const FALLBACK_ID = "fallback@1";
// The opening paragraph, unread: the editor should look at it.
const FALLBACK_CONFIDENCE = 0.1;

export interface EnrichReport {
  enriched: number;
  /** Articles enriched per detected language (ISO 639-1; "unknown" when undecided). */
  languages: Record<string, number>;
  /** Of those, articles with no text (a title-only feed): no summary or why it matters. */
  withoutText: number;
  /** Articles the summarizer failed on; each got a plain fallback so the issue still goes out. */
  failed: { articleId: number; title: string; error: string }[];
  /** Articles the built-in summarizer wrote because the model could not (budget, errors…). */
  fallbacks: { articleId: number; title: string; reason: string }[];
  /** Model-written fields with numbers or names not in the article; the built-in text replaced them. */
  ungrounded: ({ articleId: number; title: string } & UngroundedField)[];
  /** Model-written fields that could not be shown (markup, cut off, first person, too long). */
  rejected: ({ articleId: number; title: string } & RejectedField)[];
  /** Tokens sent to and received from a model in this run, and their price when configured. */
  usage?: TokenUsage & { requests: number; cost?: number };
}

export interface EnrichOptions {
  /** Articles dated before this are left alone. */
  since: Date;
  now: () => Date;
  /** Summarize again even when an enrichment for the current content exists. */
  force?: boolean;
  /** Only this article (whatever its date). */
  articleId?: number;
  /** Only these articles, as they are (a worker's claim); `since`, `force` and `articleId` are moot. */
  articles?: ArticleToEnrich[];
}

/**
 * Summarizes every article dated since `since` that has no enrichment by this summarizer for
 * its current content (with `force`, every one), a bounded number at once. An enrichment that
 * fell back to the built-in summarizer is stored under the built-in id, so the model is asked
 * again next run; editors' overrides live elsewhere and are never touched.
 */
export async function enrichArticles(
  store: EnrichmentStore,
  summarizer: Summarizer,
  options: EnrichOptions,
): Promise<EnrichReport> {
  const report: EnrichReport = {
    enriched: 0,
    languages: {},
    withoutText: 0,
    failed: [],
    fallbacks: [],
    ungrounded: [],
    rejected: [],
  };
  const articles = await articlesToEnrich(store, summarizer.id, options);
  const limit = pLimit(Math.max(1, summarizer.concurrency ?? 1));
  await Promise.all(
    articles.map((article) =>
      limit(async () => {
        try {
          const summary = await summarizer.summarize(toSummarizeInput(article));
          await save(store, article, summary, summarizer.id, options.now());
          await store.setLanguage(article.id, summary.language ?? null);
          noteSummary(report, article, summary);
        } catch (error) {
          report.failed.push({
            articleId: article.id,
            title: article.title,
            error: describeError(error),
          });
          await savePlainFallback(store, article, options.now());
        }
      }),
    ),
  );
  if (report.usage && summarizer.estimateCost) {
    const cost = summarizer.estimateCost(report.usage);
    if (cost !== undefined) report.usage.cost = cost;
  }
  // Concurrent work finishes in any order; the report reads in article order.
  const byId = (a: { articleId: number }, b: { articleId: number }) => a.articleId - b.articleId;
  report.failed.sort(byId);
  report.fallbacks.sort(byId);
  report.ungrounded.sort(byId);
  report.rejected.sort(byId);
  return report;
}

function articlesToEnrich(
  store: EnrichmentStore,
  summarizerId: string,
  options: EnrichOptions,
): Promise<ArticleToEnrich[]> {
  if (options.articles) return Promise.resolve(options.articles);
  if (options.articleId !== undefined) {
    return options.force
      ? store.articlesToEnrichAgain({ articleId: options.articleId })
      : store
          .needingEnrichment(summarizerId, new Date(0))
          .then((rows) => rows.filter((row) => row.id === options.articleId));
  }
  return options.force
    ? store.articlesToEnrichAgain({ since: options.since })
    : store.needingEnrichment(summarizerId, options.since);
}

/** What the summarizer is given: the article's text and HTML, and who published it. */
export function toSummarizeInput(article: ArticleToEnrich): SummarizeInput {
  const author = article.author ?? undefined;
  return {
    title: article.title,
    text: article.contentText,
    html: article.contentHtml,
    url: article.url,
    categories: article.categories,
    feedTags: article.feed.tags,
    source: {
      // As the email shows it (see toIssueModel); the summarizer derives the publisher's name.
      name:
        article.feed.name ?? article.feed.title ?? hostOf(article.feed.siteUrl ?? article.feed.url),
      ...(author !== undefined ? { author } : {}),
      isPersonal: isPersonalBlog(author, article.feed.authorCount),
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function save(
  store: EnrichmentStore,
  article: ArticleToEnrich,
  summary: Summary,
  summarizerId: string,
  now: Date,
): Promise<void> {
  return store.saveEnrichment({
    articleId: article.id,
    contentHash: article.contentHash,
    summarizer: summary.fallback?.summarizer ?? summarizerId,
    summary: summary.summary,
    why: summary.why,
    tags: summary.tags,
    category: summary.category,
    readMinutes: summary.readMinutes,
    createdAt: now,
    method: summary.method ?? null,
    confidence: summary.confidence ?? null,
    sources: summary.sources ?? null,
  });
}

/** A plain enrichment (the opening paragraph) for an article the summarizer threw on. */
async function savePlainFallback(
  store: EnrichmentStore,
  article: ArticleToEnrich,
  now: Date,
): Promise<void> {
  const opening = article.contentText.split(/\n\s*\n/).find((part) => part.trim() !== "");
  await store.saveEnrichment({
    articleId: article.id,
    contentHash: article.contentHash,
    summarizer: FALLBACK_ID,
    summary: clipText(opening ?? "", MAX_CHARS),
    why: "",
    tags: article.feed.tags,
    category: DEFAULT_CATEGORY,
    readMinutes: countReadMinutes(article.contentText),
    createdAt: now,
    method: "fallback+none",
    confidence: FALLBACK_CONFIDENCE,
    sources: { summary: opening ? [opening.trim()] : [], why: [] },
  });
}

function noteSummary(report: EnrichReport, article: ArticleToEnrich, summary: Summary): void {
  const { id: articleId, title } = article;
  report.enriched++;
  const language = summary.language ?? "unknown";
  report.languages[language] = (report.languages[language] ?? 0) + 1;
  if (article.contentText.trim() === "") report.withoutText++;
  if (summary.fallback)
    report.fallbacks.push({ articleId, title, reason: summary.fallback.reason });
  for (const field of summary.ungrounded ?? [])
    report.ungrounded.push({ articleId, title, ...field });
  for (const field of summary.rejected ?? []) report.rejected.push({ articleId, title, ...field });
  if (summary.usage) {
    const usage = report.usage ?? { inputTokens: 0, outputTokens: 0, requests: 0 };
    usage.inputTokens += summary.usage.inputTokens;
    usage.outputTokens += summary.usage.outputTokens;
    usage.requests++;
    report.usage = usage;
  }
}
