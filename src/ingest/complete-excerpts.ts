import { createHash } from "node:crypto";
import pLimit from "p-limit";
import { describeError, GazetteError } from "../shared/errors.js";
import { plural } from "../shared/plural.js";
import type { Fetcher, FetchRequestOptions } from "./fetch/create-fetcher.js";
import { FetchFailedError } from "./fetch/fetch-failed-error.js";
import type { ParsePool } from "./parse/create-parse-pool.js";
import type { FeedItem } from "./types.js";

export type FullTextMode = "auto" | "always" | "never";

/**
 * A feed item as it will be stored: `feedHash` is set when full text replaced its content;
 * `fullTextOwed` when its page was not asked for this time (its host could not be reached, or
 * the feed's pages ran out of time), so a later collect asks again.
 */
export type CompletedItem = FeedItem & { feedHash?: string; fullTextOwed?: boolean };

export interface CompleteOptions {
  mode: FullTextMode;
  /** auto: items with fewer words than this are excerpts. */
  minWords: number;
  fetcher: Fetcher;
  pool: ParsePool;
  /** How article pages are fetched: the feed's own timeout, size cap and user agent. */
  request: FetchRequestOptions;
  /** True when the item is stored already, unchanged: its page is not fetched again. */
  isStored(item: FeedItem): Promise<boolean>;
  /** False for an item no issue will carry (older than every list looks back): no page fetch. */
  isNews(item: FeedItem): boolean;
  now(): Date;
}

// Pages of one feed usually share a host, whose own limit applies too; this bounds the memory.
const PAGES_AT_ONCE = 4;
// What one feed's article pages may take in a collect: a feed of slow pages on as many hosts (each
// page up to its timeout) would otherwise hold the collect's fetch slots for many minutes.
const PAGES_BUDGET_MS = 2 * 60_000;

/**
 * Replaces the excerpt of each new or changed item that needs it (see `mode`) with the main text
 * of its article page, and takes the page's og:image. A page that cannot be fetched or read
 * keeps the excerpt and adds a problem; it never fails the feed. A host that could not be reached
 * (no such name, refused, timed out, or refused by the guard) is not asked again for the feed's
 * other pages: they keep their excerpts, and the host is one problem that counts them. Pages are
 * asked for while the feed's pages have taken less than two minutes; the rest keep their excerpts.
 * Those left by an unreachable host or by the time limit are owed their full text, asked for
 * again at later collects until they are older than every look-back (then no issue will carry
 * them); a page that answered without the article (404, no text) is not asked for again.
 */
export async function completeExcerpts(
  items: FeedItem[],
  options: CompleteOptions,
): Promise<{ items: CompletedItem[]; problems: string[] }> {
  if (options.mode === "never") return { items, problems: [] };
  const problems: string[] = [];
  const limit = pLimit(PAGES_AT_ONCE);
  const unreachable = new Map<string, Unreachable>();
  const started = options.now().getTime();
  const late: string[] = [];
  const completed = await Promise.all(
    items.map((item) =>
      limit(async () => {
        const isExcerpt =
          options.mode === "always" || wordCount(item.contentText) < options.minWords;
        if (!isExcerpt || !options.isNews(item) || (await options.isStored(item))) return item;
        const host = new URL(item.url).host;
        const earlier = unreachable.get(host);
        if (earlier) {
          earlier.urls.push(item.url);
          return owed(item);
        }
        if (options.now().getTime() - started >= PAGES_BUDGET_MS) {
          late.push(item.url);
          return owed(item);
        }
        try {
          return await withFullText(item, options);
        } catch (error) {
          const reason = describeError(error);
          if (!isUnreachable(error)) {
            problems.push(`${item.url}: full text not fetched, excerpt kept (${reason})`);
            return item;
          }
          // Pages already in flight may fail the same way: counted with the first.
          const known = unreachable.get(host);
          if (known) known.urls.push(item.url);
          else unreachable.set(host, { reason, urls: [item.url] });
          return owed(item);
        }
      }),
    ),
  );
  for (const [host, { reason, urls }] of unreachable)
    problems.push(unreachableProblem(host, reason, urls));
  if (late.length > 0)
    problems.push(
      `full text not fetched for ${plural(late.length, "article")}, excerpts kept: the feed's article pages took more than ${PAGES_BUDGET_MS / 60_000} minutes (first: ${late[0]})`,
    );
  return { items: completed, problems };
}

function owed(item: FeedItem): CompletedItem {
  return { ...item, fullTextOwed: true };
}

interface Unreachable {
  /** Why the first page failed. */
  reason: string;
  /** Every page of the host left with its excerpt. */
  urls: string[];
}

function unreachableProblem(host: string, reason: string, urls: string[]): string {
  if (urls.length === 1) return `${urls[0]}: full text not fetched, excerpt kept (${reason})`;
  return `${host} could not be reached: full text not fetched for ${plural(urls.length, "article")}, excerpts kept (${reason})`;
}

async function withFullText(item: FeedItem, options: CompleteOptions): Promise<CompletedItem> {
  const page = await options.fetcher.fetch(item.url, options.request);
  if (page.kind !== "ok") throw new Error(`HTTP ${page.status}`);
  const full = await options.pool.extract(page, page.url);
  if (!full) throw new Error("no article text found in the page");
  const imageUrl = full.imageUrl ?? item.imageUrl;
  // A page whose main text is shorter than the feed's excerpt was not the article.
  if (full.contentText.length <= item.contentText.length) return { ...item, imageUrl };
  return {
    ...item,
    contentHtml: full.contentHtml,
    contentText: full.contentText,
    imageUrl,
    contentHash: createHash("sha256").update(`${item.title}\n${full.contentText}`).digest("hex"),
    feedHash: item.contentHash,
  };
}

// A failure of the host rather than of the page: an HTTP answer (404, 500) is about one page.
function isUnreachable(error: unknown): boolean {
  if (error instanceof FetchFailedError || !(error instanceof GazetteError)) return false;
  return error.code === "FEED_FETCH_FAILED" || error.code === "FEED_TIMEOUT";
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
