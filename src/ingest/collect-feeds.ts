import pLimit, { type LimitFunction } from "p-limit";
import type { Config, FeedConfig } from "../config/index.js";
import { dropLineControls } from "../shared/control-characters.js";
import { parseDuration } from "../shared/duration.js";
import { describeError } from "../shared/errors.js";
import { createFetchSaver, type FetchSaver, type FetchToSave } from "../store/index.js";
import { completeExcerpts } from "./complete-excerpts.js";
import { createFetcher, type Fetcher, type FetchRequestOptions } from "./fetch/create-fetcher.js";
import { FetchFailedError } from "./fetch/fetch-failed-error.js";
import { nextFetchAt } from "./fetch/next-fetch-at.js";
import { dropRepeatedGuids } from "./normalize/drop-repeated-guids.js";
import { type ParsePool, parsePoolFor } from "./parse/create-parse-pool.js";
import type { ArticleSink, FeedToCollect, FetchOutcome, UpsertResult } from "./ports.js";
import type { FetchResult } from "./types.js";

export interface FeedReport {
  url: string;
  name: string;
  /** deferred: not due yet (max-age, Retry-After, backoff) · retired: answered 410 Gone. */
  status: "fetched" | "unchanged" | "deferred" | "retired" | "failed";
  newArticles: number;
  updatedArticles: number;
  error?: string;
  /** When the feed may be fetched again (ISO), when it is not at once. */
  nextFetchAt?: string;
  /** Items skipped inside an otherwise good feed, pages whose full text could not be read. */
  problems: string[];
}

export interface CollectReport {
  feeds: FeedReport[];
  fetched: number;
  unchanged: number;
  deferred: number;
  retired: number;
  failed: number;
  newArticles: number;
  updatedArticles: number;
}

export interface CollectOptions {
  /** Fetch every feed now, even before its next fetch time (retired feeds stay retired). */
  force?: boolean;
  /** Only these stored feeds (a worker's claim), instead of every configured feed. */
  feeds?: FeedToCollect[];
  /** A parse pool that outlives this collect (a long-running process); default: one for it. */
  pool?: ParsePool;
  /** The folder relative feed file paths are read from (the config file's); default: the cwd. */
  baseDir?: string;
}

/** What a successful fetch tells about the feed itself. */
interface FeedDetails {
  title?: string;
  siteUrl?: string;
  itemCount?: number;
  /** What to remember of the items stored or seen unchanged, for the next fetch (KnownItem). */
  itemFingerprints?: readonly object[];
  /**
   * Some item is owed its full text: the feed's validators (ETag, Last-Modified) are not kept,
   * so the next fetch reads the feed whole even when it has not changed, and asks again.
   */
  isOwing?: boolean;
}

const STATUS_OF = { ok: "fetched", "not-modified": "unchanged", gone: "retired" } as const;
const OUTCOME_OF = { ok: "fetched", "not-modified": "unchanged", gone: "gone" } as const;

/** What one run shares between its feeds. */
interface Run {
  store: ArticleSink;
  config: Config;
  now: () => Date;
  fetcher: Fetcher;
  pool: ParsePool;
  request: FetchRequestOptions;
  /** Articles dated before this are stored but are not news (the longest list look-back). */
  horizon: Date;
  feedConfigs: Map<string, FeedConfig>;
  force: boolean;
  /** Feeds being fetched, parsed and completed at once; a feed waiting for its save holds none. */
  limit: LimitFunction;
  /** Every feed's outcome and articles go to the store through it: one commit per group. */
  save: FetchSaver;
}

/** What a fetched feed brings to save, and how to count the articles saving it made. */
interface Fetched {
  fetch: FetchToSave;
  count?(outcomes: readonly UpsertResult[]): void;
}

/**
 * Fetches every configured feed that is due and stores its new and changed articles. Per feed:
 * fetch (conditional GET, through the guard and the global and per-host limits) → parse in a
 * worker (deadline, item cap) → full text for excerpts → store in one transaction → record the
 * outcome and the next fetch time. A feed that fails is reported with its reason and never
 * stops the others. Saves go together in group commits (createFetchSaver); a feed waiting for
 * its group no longer holds a fetch slot. `options.feeds`: only those (a worker's claim; the config is not synced).
 */
export async function collectFeeds(
  store: ArticleSink,
  config: Config,
  now: () => Date,
  options: CollectOptions = {},
): Promise<CollectReport> {
  const feeds = options.feeds ?? (await store.syncFeeds(config.feeds, now()));
  const settings = config.collect;
  const longest = Math.max(...config.lists.map((list) => parseDuration(list.lookback)));
  const run: Run = {
    store,
    config,
    now,
    fetcher: createFetcher({
      allowPrivate: settings.allowPrivate,
      concurrency: settings.concurrency,
      perHostConcurrency: settings.perHostConcurrency,
      baseDir: options.baseDir,
    }),
    pool: options.pool ?? parsePoolFor(settings),
    request: {
      timeoutMs: parseDuration(settings.timeout),
      idleTimeoutMs: parseDuration(settings.idleTimeout),
      maxBytes: settings.maxBytes,
      userAgent: settings.userAgent,
    },
    horizon: new Date(now().getTime() - longest),
    feedConfigs: new Map(config.feeds.map((feed) => [feed.url, feed])),
    force: options.force ?? false,
    // Twice the fetcher's limit: feeds waiting on a busy host must not idle the other hosts' slots.
    limit: pLimit(settings.concurrency * 2),
    save: createFetchSaver(store),
  };
  try {
    const reports = await Promise.all(feeds.map((feed) => collectOne(run, feed)));
    return summarize(reports);
  } finally {
    await Promise.all([options.pool ? undefined : run.pool.close(), run.fetcher.close()]);
  }
}

function summarize(reports: FeedReport[]): CollectReport {
  const count = (status: FeedReport["status"]) => reports.filter((r) => r.status === status).length;
  return {
    feeds: reports,
    fetched: count("fetched"),
    unchanged: count("unchanged"),
    deferred: count("deferred"),
    retired: count("retired"),
    failed: count("failed"),
    newArticles: reports.reduce((sum, r) => sum + r.newArticles, 0),
    updatedArticles: reports.reduce((sum, r) => sum + r.updatedArticles, 0),
  };
}

async function collectOne(run: Run, feed: FeedToCollect): Promise<FeedReport> {
  const report: FeedReport = {
    url: feed.url,
    name: feed.name ?? feed.title ?? feed.url,
    status: "failed",
    newArticles: 0,
    updatedArticles: 0,
    problems: [],
  };
  if (feed.retiredAt !== null) {
    report.status = "retired";
    report.error = feed.lastError ?? "retired";
    return report;
  }
  if (!run.force && feed.nextFetchAt !== null && feed.nextFetchAt > run.now()) {
    report.status = "deferred";
    report.nextFetchAt = feed.nextFetchAt.toISOString();
    return report;
  }
  try {
    const fetched = await run.limit(() => fetchOne(run, feed, report));
    const outcomes = await run.save(fetched.fetch);
    fetched.count?.(outcomes);
  } catch (error) {
    report.status = "failed";
    // A parser's message quotes the feed (the character it stumbled on, a stretch of JSON): an
    // ESC from there must not reach the run report, `status` or `feeds` as an escape sequence.
    report.error = dropLineControls(describeError(error));
    const at = nextFetchAt({
      outcome: "failed",
      consecutiveErrors: feed.consecutiveErrors + 1,
      retryAfterSeconds: error instanceof FetchFailedError ? error.retryAfterSeconds : undefined,
      now: run.now(),
    });
    report.nextFetchAt = at?.toISOString();
    await run.save({
      feedId: feed.id,
      outcome: { status: "failed", fetchedAt: run.now(), nextFetchAt: at, error: report.error },
    });
  }
  return report;
}

/** Fetches the feed and reads what changed in it: what to save, the report filled meanwhile. */
async function fetchOne(run: Run, feed: FeedToCollect, report: FeedReport): Promise<Fetched> {
  const result = await run.fetcher.fetch(feed.currentUrl ?? feed.url, {
    ...run.request,
    etag: feed.etag ?? undefined,
    lastModified: feed.lastModified ?? undefined,
  });
  report.status = STATUS_OF[result.kind];
  if (result.kind === "gone") report.error = goneMessage(result.url);
  if (result.kind === "ok") return readArticles(run, feed, result, report);
  return { fetch: { feedId: feed.id, outcome: fetchOutcome(run, result, report, {}) } };
}

/** Parses a fetched feed and completes its excerpts: its articles, to save with the fetch. */
async function readArticles(
  run: Run,
  feed: FeedToCollect,
  result: Extract<FetchResult, { kind: "ok" }>,
  report: FeedReport,
): Promise<Fetched> {
  // The bytes go to the worker as they are: the main thread never holds the feed's text.
  const parsed = await run.pool.parse(result, {
    feedUrl: result.url,
    now: run.now(),
    maxItems: run.config.collect.maxItemsPerFeed,
    // The items stored at the last fetch and unchanged since come back in `seen`, unnormalized.
    known: (await run.store.knownItemsJson(feed.id)) ?? "[]",
  });
  // A feed without a configured name is reported by its title from the first fetch on.
  if (!feed.name && parsed.title) report.name = parsed.title;
  const seen = parsed.seen ?? [];
  const items = dropRepeatedGuids(parsed.items);
  const isFirstFetch =
    feed.itemCount === 0 && !["fetched", "unchanged"].includes(feed.lastStatus ?? "");
  let stored: ReturnType<ArticleSink["storedArticles"]> | undefined;
  const completed = await completeExcerpts(items, {
    mode: run.feedConfigs.get(feed.url)?.fullText ?? run.config.collect.fullText,
    minWords: run.config.collect.fullTextMinWords,
    fetcher: run.fetcher,
    pool: run.pool,
    request: run.request,
    isStored: async (item) => {
      // One query for the whole feed, and only when some item is an excerpt.
      stored ??= run.store.storedArticles(items.map((entry) => entry.canonicalUrl));
      const match = (await stored).get(item.canonicalUrl);
      return (
        match !== undefined && (match.feedId !== feed.id || match.feedHash === item.contentHash)
      );
    },
    // Dated before every look-back, or undated in a new feed's first fetch: the archive.
    isNews: (item) => (item.publishedAt ? item.publishedAt >= run.horizon : !isFirstFetch),
    now: run.now,
  });
  const now = run.now();
  const inputs = completed.items.map((item) => ({
    ...item,
    feedId: feed.id,
    // The first fetch of a feed cannot tell when undated items appeared: they count as seen
    // before every look-back window, so a new feed never floods the next issue with its archive.
    firstSeenAt:
      isFirstFetch && !item.publishedAt ? new Date(run.horizon.getTime() - 1000) : undefined,
  }));
  report.problems = [...parsed.problems, ...completed.problems].map(dropLineControls);
  const owed = new Set(
    completed.items.filter((item) => item.fullTextOwed).map((item) => item.canonicalUrl),
  );
  const outcome = fetchOutcome(run, result, report, {
    title: parsed.title,
    siteUrl: parsed.siteUrl,
    itemCount: items.length + seen.length,
    // An item still owed its full text is not remembered: the next fetch reads it again.
    itemFingerprints:
      owed.size === 0 ? parsed.known : parsed.known?.filter((k) => !owed.has(k.canonicalUrl)),
    isOwing: owed.size > 0,
  });
  const fetch = {
    feedId: feed.id,
    outcome,
    inputs,
    now,
    alsoFetched: seen.map((item) => item.canonicalUrl),
  };
  const count = (outcomes: readonly UpsertResult[]) =>
    outcomes.forEach((outcome, index) => {
      const date = inputs[index]?.publishedAt ?? inputs[index]?.firstSeenAt ?? now;
      // Only articles within the look-back window are news; older ones are kept as the archive.
      if (outcome === "new" && date >= run.horizon) report.newArticles++;
      if (outcome === "updated") report.updatedArticles++;
    });
  return { fetch, count };
}

/** What to record of a fetch that got an answer; sets the report's next fetch time. */
function fetchOutcome(
  run: Run,
  result: FetchResult,
  report: FeedReport,
  details: FeedDetails,
): FetchOutcome {
  const at = nextFetchAt({
    outcome: OUTCOME_OF[result.kind],
    consecutiveErrors: 0,
    maxAgeSeconds: result.maxAgeSeconds,
    retryAfterSeconds: result.retryAfterSeconds,
    now: run.now(),
  });
  if (at && at > run.now()) report.nextFetchAt = at.toISOString();
  return {
    status: OUTCOME_OF[result.kind],
    fetchedAt: run.now(),
    nextFetchAt: at,
    etag: result.kind === "ok" && !details.isOwing ? result.etag : undefined,
    lastModified: result.kind === "ok" && !details.isOwing ? result.lastModified : undefined,
    itemCount: details.itemCount,
    itemFingerprints: details.itemFingerprints,
    title: details.title,
    siteUrl: details.siteUrl,
    movedTo: result.movedPermanentlyTo,
    maxAgeSeconds: result.maxAgeSeconds,
    error: report.error,
  };
}

function goneMessage(url: string): string {
  return `HTTP 410 Gone from ${url}: the feed was removed and is retired (gazette feeds reset to try it again)`;
}
